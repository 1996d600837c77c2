// Named entities for the corpus, zh and en aligned: cities, districts, companies, institutions, roles and names.

/** A term in both languages. In `zh`, spaces mark word boundaries and are removed from the text. */
export interface Term {
  /** Chinese, with spaces between words. */
  zh: string;
  /** English, lower case except proper nouns. */
  en: string;
}

/** Splits `zh|en` lines (blank lines and surrounding spaces ignored) into terms. */
export function parseTerms(table: string): Term[] {
  return table
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .flatMap((line) => line.split(";").map((cell) => cell.trim()))
    .filter((cell) => cell !== "")
    .map((cell) => {
      const [zh = "", en = ""] = cell.split("|").map((part) => part.trim());
      if (zh === "" || en === "") throw new Error(`bad term "${cell}"`);
      return { zh, en };
    });
}

/** Prefecture-level cities, most newsworthy first (the order feeds a Zipf pick). */
export const CITIES = parseTerms(`
  北京|Beijing; 上海|Shanghai; 广州|Guangzhou; 深圳|Shenzhen; 成都|Chengdu; 杭州|Hangzhou; 重庆|Chongqing; 武汉|Wuhan
  西安|Xi'an; 南京|Nanjing; 天津|Tianjin; 苏州|Suzhou; 长沙|Changsha; 郑州|Zhengzhou; 青岛|Qingdao; 厦门|Xiamen
  合肥|Hefei; 昆明|Kunming; 沈阳|Shenyang; 大连|Dalian; 济南|Jinan; 福州|Fuzhou; 宁波|Ningbo; 哈尔滨|Harbin
  南宁|Nanning; 贵阳|Guiyang; 兰州|Lanzhou; 长春|Changchun; 石家庄|Shijiazhuang; 太原|Taiyuan; 南昌|Nanchang; 海口|Haikou
  三亚|Sanya; 乌鲁木齐|Urumqi; 拉萨|Lhasa; 呼和浩特|Hohhot; 西宁|Xining; 银川|Yinchuan; 无锡|Wuxi; 温州|Wenzhou
  佛山|Foshan; 东莞|Dongguan; 珠海|Zhuhai; 汕头|Shantou; 泉州|Quanzhou; 烟台|Yantai; 潍坊|Weifang; 洛阳|Luoyang
  开封|Kaifeng; 宜昌|Yichang; 襄阳|Xiangyang; 株洲|Zhuzhou; 岳阳|Yueyang; 桂林|Guilin; 柳州|Liuzhou; 遵义|Zunyi
  绵阳|Mianyang; 宜宾|Yibin; 大理|Dali; 丽江|Lijiang; 延安|Yan'an; 宝鸡|Baoji; 敦煌|Dunhuang; 喀什|Kashgar
  大庆|Daqing; 唐山|Tangshan; 保定|Baoding; 秦皇岛|Qinhuangdao; 大同|Datong; 扬州|Yangzhou; 徐州|Xuzhou; 常州|Changzhou
  南通|Nantong; 嘉兴|Jiaxing; 绍兴|Shaoxing; 金华|Jinhua; 芜湖|Wuhu; 黄山|Huangshan; 赣州|Ganzhou; 景德镇|Jingdezhen
  九江|Jiujiang; 湛江|Zhanjiang; 惠州|Huizhou; 中山|Zhongshan; 江门|Jiangmen; 北海|Beihai; 舟山|Zhoushan; 威海|Weihai
  日照|Rizhao; 临沂|Linyi; 淄博|Zibo; 包头|Baotou; 鄂尔多斯|Ordos; 牡丹江|Mudanjiang; 齐齐哈尔|Qiqihar; 丹东|Dandong
`);

/** Districts and areas inside a city. */
export const DISTRICTS = parseTerms(`
  高新区|the high-tech zone; 老城区|the old town; 经开区|the economic development zone; 滨江新区|the riverside new area
  东部新城|the eastern new town; 西郊|the western suburbs; 南湖片区|the South Lake area; 北站片区|the North Station area
  临港片区|the port area; 大学城|the university town; 科学城|the science city; 空港新区|the airport new area
`);

/** Companies (invented names). */
export const COMPANIES = parseTerms(`
  华联科技|Hualian Technology; 中科智能|Zhongke Intelligence; 星海新能源|Xinghai New Energy; 远航物流|Yuanhang Logistics
  恒通汽车|Hengtong Automobile; 蓝天环保|Lantian Environmental; 华瑞医药|Huarui Pharmaceutical; 云帆数据|Yunfan Data
  金穗农业|Jinsui Agriculture; 博雅文化|Boya Culture; 长风航空|Changfeng Aviation; 东方智造|Dongfang Smart Manufacturing
  青松教育|Qingsong Education; 海川港口|Haichuan Port; 北辰建设|Beichen Construction; 启明半导体|Qiming Semiconductor
  天衡检测|Tianheng Testing; 盛达储能|Shengda Energy Storage; 鼎新材料|Dingxin Materials; 安康医疗|Ankang Medical
  清源水务|Qingyuan Water; 锦程旅游|Jincheng Tourism; 瑞丰银行|Ruifeng Bank; 融信证券|Rongxin Securities
  极光卫星|Jiguang Satellite; 飞鸿体育|Feihong Sports; 禾丰种业|Hefeng Seeds; 海润渔业|Hairun Fisheries
  宏图机器人|Hongtu Robotics; 智行出行|Zhixing Mobility; 天工机械|Tiangong Machinery; 泰和保险|Taihe Insurance
`);

/** Universities and research institutes. */
export const INSTITUTES = parseTerms(`
  清华大学|Tsinghua University; 北京大学|Peking University; 复旦大学|Fudan University; 浙江大学|Zhejiang University
  南京大学|Nanjing University; 武汉大学|Wuhan University; 中山大学|Sun Yat-sen University; 四川大学|Sichuan University
  中国人民大学|Renmin University of China; 同济大学|Tongji University; 厦门大学|Xiamen University; 上海交通大学|Shanghai Jiao Tong University
  中国社会科学院|the Chinese Academy of Social Sciences; 中国科学院|the Chinese Academy of Sciences
  国务院发展研究中心|the Development Research Center of the State Council; 中国农业大学|China Agricultural University
  北京交通大学|Beijing Jiaotong University; 华中科技大学|Huazhong University of Science and Technology
  中国宏观经济研究院|the Academy of Macroeconomic Research; 中国疾病预防控制中心|the Chinese Center for Disease Control and Prevention
`);

/** Titles of officials speaking for a bureau. */
export const OFFICIAL_ROLES = parseTerms(`
  局长|director; 副局长|deputy director; 新闻发言人|spokesperson; 处长|division chief; 副处长|deputy division chief
  总工程师|chief engineer; 主任|head; 副主任|deputy head; 项目负责人|project lead; 副市长|vice mayor
`);

/** Titles of experts. */
export const EXPERT_ROLES = parseTerms(`
  教授|professor; 研究员|research fellow; 副研究员|associate research fellow; 首席专家|chief expert
  副教授|associate professor; 博士生导师|doctoral supervisor; 高级工程师|senior engineer; 首席经济学家|chief economist
`);

/** Who residents quoted in a story are. */
export const RESIDENT_ROLES = parseTerms(`
  市民|resident; 出租车司机|taxi driver; 退休教师|retired teacher; 大学生|university student; 个体商户|shop owner
  外卖骑手|delivery rider; 社区工作者|community worker; 游客|visitor; 家长|parent; 农民|farmer; 程序员|software engineer
  护士|nurse; 餐馆老板|restaurant owner; 快递员|courier; 公交司机|bus driver
`);

/** Family names. */
export const SURNAMES = parseTerms(`
  王|Wang; 李|Li; 张|Zhang; 刘|Liu; 陈|Chen; 杨|Yang; 黄|Huang; 赵|Zhao; 吴|Wu; 周|Zhou; 徐|Xu; 孙|Sun; 马|Ma; 朱|Zhu; 胡|Hu
  郭|Guo; 何|He; 林|Lin; 罗|Luo; 高|Gao; 郑|Zheng; 梁|Liang; 谢|Xie; 宋|Song; 唐|Tang; 韩|Han; 冯|Feng; 邓|Deng; 曹|Cao; 彭|Peng
`);

/** Given names. */
export const GIVEN_NAMES = parseTerms(`
  建国|Jianguo; 晓明|Xiaoming; 丽华|Lihua; 志强|Zhiqiang; 海燕|Haiyan; 文博|Wenbo; 思远|Siyuan; 雅婷|Yating; 国栋|Guodong
  春生|Chunsheng; 玉兰|Yulan; 振宇|Zhenyu; 慧敏|Huimin; 立新|Lixin; 子涵|Zihan; 明辉|Minghui; 静怡|Jingyi; 永刚|Yonggang
  秀英|Xiuying; 浩然|Haoran; 若曦|Ruoxi; 德华|Dehua; 宏伟|Hongwei; 佳琪|Jiaqi; 建华|Jianhua; 卫东|Weidong; 红梅|Hongmei
  天佑|Tianyou; 一鸣|Yiming; 欣怡|Xinyi
`);
