// News topics, part one: commerce, technology, environment, transport, health care, culture and tourism.
import { parseSubjects, parseTerms } from "./topic-type.ts";
import type { Topic } from "./topic-type.ts";

/** Commerce: consumption, trade, small businesses. */
const COMMERCE: Topic = {
  id: "commerce",
  name: { zh: "商贸", en: "commerce" },
  bureaus: parseTerms(`市发展和改革委员会|Municipal Development and Reform Commission; 市商务局|Municipal Commerce Bureau; 市财政局|Municipal Finance Bureau`),
  national: parseTerms(`国家发展改革委|the National Development and Reform Commission; 商务部|the Ministry of Commerce`),
  subjects: parseSubjects(`
    消费券 发放 计划|consumer voucher program|p
    夜间 经济 示范区|night-time economy demonstration zone|f
    跨境 电商 综合 试验区|cross-border e-commerce pilot zone|f
    中小企业 融资 服务 平台|SME financing service platform|f
    营商 环境 改革 方案|business environment reform plan|p
    自贸 试验区 新 政策|new free trade zone policies|p+
    数字 人民币 试点|digital yuan pilot|p
    老字号 商业 街区|heritage brand shopping street|f
    首店 经济 扶持 政策|flagship store support policy|p
    供应链 金融 服务|supply chain finance services|p+
    总部 经济 产业园|corporate headquarters park|f
    保税 物流 中心|bonded logistics center|f
    外资 企业 服务 专班|foreign enterprise service team|p
    稳 就业 专项 行动|job stabilization campaign|p
    商品 交易 博览会|commodity trade fair|e`),
  goals: parseTerms(`提振 市场 消费|to boost consumer spending; 稳定 外贸 外资|to stabilize foreign trade and investment
    支持 中小 企业|to support small businesses; 优化 营商 环境|to improve the business environment`),
  keywords: parseTerms(`
    消费|consumption; 营商环境|business environment; 中小企业|small and medium enterprises; 外贸|foreign trade
    跨境电商|cross-border e-commerce; 数字人民币|digital yuan; 自贸区|free trade zone; 就业|employment
    夜间经济|night-time economy; 供应链|supply chain; 金融服务|financial services; 招商引资|investment promotion
    民营经济|private economy; 内需|domestic demand; 物价|consumer prices; 外资|foreign investment
    税收优惠|tax incentives; 经济增长|economic growth; 零售|retail; 消费券|consumer vouchers`),
  facts: parseTerms(`
    今年以来，{P}社会消费品零售总额同比增长{pct}，其中线上消费增速尤为明显。|Since the start of the year, retail sales of consumer goods in {P} have grown {pct} year on year, with online spending rising especially fast.
    在外贸方面，{P}前{mo}个月进出口总值达到{money}，机电产品出口保持较快增长。|On the trade side, imports and exports of {P} reached {money} in the first {mo} months, with exports of machinery and electrical products growing quickly.
    针对企业反映集中的融资难问题，有关部门推出了{n}项专项举措。|To address the financing difficulties that businesses frequently raised, the authorities have introduced {n} targeted measures.`),
};

/** Technology: AI, computing, chips, data. */
const TECHNOLOGY: Topic = {
  id: "technology",
  name: { zh: "科技", en: "science and technology" },
  bureaus: parseTerms(`市科学技术局|Municipal Science and Technology Bureau; 市经济和信息化局|Municipal Bureau of Economy and Information Technology; 市数据局|Municipal Data Bureau`),
  national: parseTerms(`工业和信息化部|the Ministry of Industry and Information Technology; 科学技术部|the Ministry of Science and Technology`),
  subjects: parseSubjects(`
    人工智能 大模型 产业园|AI large-model industrial park|f
    云服务 平台|cloud service platform|f
    算力 调度 中心|computing power dispatch center|f
    5G 基站|5G base stations|f+
    工业 互联网 平台|industrial internet platform|f
    智能 网联 汽车 测试区|connected vehicle testing zone|f
    数据 交易所|data exchange|f
    量子 通信 网络|quantum communication network|f
    集成 电路 产业 基金|integrated circuit industry fund|p
    机器人 创新 中心|robotics innovation center|f
    低空 经济 示范区|low-altitude economy demonstration zone|f
    科技 成果 转化 基地|technology transfer base|f
    政务 数据 开放 平台|government open data platform|f
    人形 机器人 研发 项目|humanoid robot research project|p
    芯片 设计 孵化器|chip design incubator|f`),
  goals: parseTerms(`打造 科技 创新 高地|to build a hub for tech innovation; 推动 数字 经济 发展|to grow the digital economy
    吸引 青年 科技 人才|to attract young tech talent; 加快 数字化 转型|to speed up digital transformation`),
  keywords: parseTerms(`
    人工智能|artificial intelligence; 大模型|large models; 云计算|cloud computing; 算力|computing power; 5G|5G
    数字经济|digital economy; 芯片|chips; 半导体|semiconductors; 机器人|robotics; 量子计算|quantum computing
    数据安全|data security; 工业互联网|industrial internet; 自动驾驶|autonomous driving; 科技创新|technological innovation
    低空经济|low-altitude economy; 数据要素|data resources; 网络安全|cybersecurity; 科研|scientific research; 创业|startups; 软件|software`),
  facts: parseTerms(`
    目前，{P}已建成5G基站{count}个，重点区域实现连续覆盖。|{P} has so far built {count} 5G base stations, with continuous coverage in key areas.
    该平台日均处理数据超过{yi}条，响应时间缩短了{pct}。|The platform processes more than {yi} data records a day, and its response time has been cut by {pct}.
    园区已吸引{count}家企业入驻，其中高新技术企业占比超过{share}。|The park has attracted {count} companies, with high-tech firms accounting for more than {share}.
    研发团队表示，核心算法已申请发明专利{n2}项。|The research team said it has applied for {n2} invention patents on the core algorithms.`),
};

/** Environment: air, water, parks, carbon. */
const ENVIRONMENT: Topic = {
  id: "environment",
  name: { zh: "生态环保", en: "environmental protection" },
  bureaus: parseTerms(`市生态环境局|Municipal Ecology and Environment Bureau; 市园林绿化局|Municipal Landscaping and Greening Bureau; 市水务局|Municipal Water Authority`),
  national: parseTerms(`生态环境部|the Ministry of Ecology and Environment; 国家林业和草原局|the National Forestry and Grassland Administration`),
  subjects: parseSubjects(`
    湿地 公园|wetland park|f
    垃圾 分类 处理 中心|waste sorting center|f
    大气 污染 防治 行动|air pollution control campaign|p
    河湖长制 新 规定|new river chief rules|p+
    碳 普惠 平台|personal carbon credit platform|f
    生态 修复 工程|ecological restoration project|p
    海绵 城市 试点|sponge city pilot|p
    城市 绿道 网络|urban greenway network|f
    噪声 污染 治理 方案|noise pollution control plan|p
    污水 处理厂|sewage treatment plant|f
    候鸟 保护区|migratory bird reserve|f
    国家 森林 公园|national forest park|f
    塑料 污染 治理 行动|plastic pollution campaign|p
    碳排放 监测 系统|carbon emissions monitoring system|f
    土壤 污染 修复 项目|soil remediation project|p`),
  goals: parseTerms(`守护 绿水 青山|to protect green mountains and clear waters; 改善 空气 质量|to improve air quality
    推动 绿色 低碳 发展|to promote green and low-carbon growth; 提升 生态 环境 质量|to improve the local ecology`),
  keywords: parseTerms(`
    生态环境|ecological environment; 环境保护|environmental protection; 空气质量|air quality; 碳达峰|carbon peaking
    碳中和|carbon neutrality; 垃圾分类|waste sorting; 湿地保护|wetland protection; 生物多样性|biodiversity
    水污染|water pollution; 绿色发展|green development; 节能减排|emission reduction; 植树造林|afforestation
    野生动物|wildlife; 污水处理|sewage treatment; 低碳生活|low-carbon living; 塑料污染|plastic pollution
    生态修复|ecological restoration; 河长制|river chief system; 噪声治理|noise control; 气候变化|climate change`),
  facts: parseTerms(`
    监测数据显示，{P}今年空气质量优良天数比例达到{share}，细颗粒物平均浓度同比下降{pct}。|Monitoring data show that {P} had good or excellent air quality on {share} of days this year, while average fine particulate concentrations fell {pct} year on year.
    项目完成后，新增绿地面积约{n}00公顷，预计将吸引{n2}种以上鸟类栖息。|Once completed, the project will add about {n}00 hectares of green space and is expected to attract more than {n2} bird species.
    执法部门今年已查处环境违法案件{n3}起，并督促{n2}家企业完成整改。|Law enforcement agencies have handled {n3} environmental violation cases this year and ordered {n2} companies to make corrections.`),
};

/** Transport: metro, rail, buses, roads. */
const TRANSPORT: Topic = {
  id: "transport",
  name: { zh: "交通", en: "transport" },
  bureaus: parseTerms(`市交通运输局|Municipal Transport Bureau; 市轨道交通集团|Municipal Rail Transit Group; 市公安局交通管理局|Municipal Traffic Police Bureau`),
  national: parseTerms(`交通运输部|the Ministry of Transport; 国家铁路局|the National Railway Administration`),
  subjects: parseSubjects(`
    地铁 新 线路|new metro line|f
    城际 铁路|intercity railway|f
    跨江 大桥|river-crossing bridge|f
    新能源 公交车|new energy buses|f+
    共享 单车 管理 新规|new bike-sharing rules|p+
    智慧 停车 系统|smart parking system|f
    夜间 公交 专线|night bus routes|f+
    自动驾驶 出租车|robotaxis|f+
    高铁 站|high-speed rail station|f
    机场 新 航站楼|new airport terminal|f
    公交 优先 车道|bus priority lanes|f+
    定制 公交 服务|customized bus service|p
    绕城 高速|ring expressway|f
    货运 铁路 专线|freight rail line|f
    慢行 交通 系统|walking and cycling network|f`),
  goals: parseTerms(`缓解 交通 拥堵|to ease traffic congestion; 方便 市民 出行|to make travel easier for residents
    完善 综合 交通 网络|to improve the transport network; 加强 区域 互联 互通|to strengthen regional connectivity`),
  keywords: parseTerms(`
    城市交通|urban transport; 地铁|metro; 高铁|high-speed rail; 公共交通|public transport; 交通拥堵|traffic congestion
    新能源汽车|new energy vehicles; 共享单车|bike sharing; 停车|parking; 网约车|ride-hailing; 机场|airports
    铁路|railways; 高速公路|expressways; 通勤|commuting; 桥梁|bridges; 物流|logistics; 智慧交通|smart transport
    绿色出行|green travel; 交通安全|road safety; 春运|Spring Festival travel rush; 航班|flights`),
  facts: parseTerms(`
    开通后，沿线居民的通勤时间预计将缩短{n2}分钟左右。|Once it opens, commuting times for residents along the route are expected to fall by about {n2} minutes.
    早晚高峰期间，部分线路的发车间隔将缩短至{n}分钟。|During the morning and evening rush hours, intervals on some lines will be cut to {n} minutes.
    今年以来，{P}公共交通日均客运量达到{k}人次，同比增长{pct}。|Since the start of the year, public transport in {P} has carried an average of {k} passenger trips a day, up {pct} year on year.`),
};

/** Health care: hospitals, insurance, prevention. */
const HEALTH: Topic = {
  id: "health",
  name: { zh: "医疗卫生", en: "health care" },
  bureaus: parseTerms(`市卫生健康委员会|Municipal Health Commission; 市医疗保障局|Municipal Healthcare Security Bureau; 市疾病预防控制中心|Municipal Center for Disease Control and Prevention`),
  national: parseTerms(`国家卫生健康委员会|the National Health Commission; 国家医疗保障局|the National Healthcare Security Administration`),
  subjects: parseSubjects(`
    互联网 医院|internet hospital|f
    社区 卫生 服务 中心|community health center|f
    医保 异地 结算|cross-region medical insurance settlement|p
    家庭 医生 签约 服务|family doctor service|p
    儿童 医院 新 院区|new children's hospital campus|f
    老年 健康 服务 网络|elderly health service network|f
    流感 疫苗 接种 计划|flu vaccination program|p
    急救 站点|emergency medical stations|f+
    中医药 传承 中心|traditional Chinese medicine center|f
    心理 健康 热线|mental health hotline|f
    罕见病 诊疗 协作网|rare disease treatment network|f
    紧密型 医疗 联合体|integrated medical alliance|f
    癌症 早筛 项目|early cancer screening program|p
    药品 集中 采购|centralized drug procurement|p
    智慧 药房|smart pharmacies|f+`),
  goals: parseTerms(`守护 群众 健康|to safeguard public health; 缓解 看病 难 问题|to make medical care easier to access
    推进 健康 城市 建设|to build a healthier city; 减轻 患者 负担|to ease the burden on patients`),
  keywords: parseTerms(`
    医疗卫生|health care; 医保|medical insurance; 公共卫生|public health; 医院|hospitals; 疫苗|vaccines
    中医药|traditional Chinese medicine; 心理健康|mental health; 家庭医生|family doctors; 健康中国|Healthy China
    分级诊疗|tiered medical care; 药品|medicines; 急救|emergency care; 慢性病|chronic diseases; 儿童健康|children's health
    互联网医疗|online healthcare; 癌症筛查|cancer screening; 传染病防控|infectious disease control
    医疗改革|healthcare reform; 基层医疗|primary care; 老年健康|elderly health`),
  facts: parseTerms(`
    目前，{P}已有{n3}家医疗机构接入统一预约平台，患者平均候诊时间缩短{pct}。|{P} now has {n3} medical institutions connected to a unified booking platform, cutting average waiting times for patients by {pct}.
    在基层，{P}每万名居民拥有的全科医生已达到{n}名。|At the community level, {P} now has {n} general practitioners for every 10,000 residents.
    纳入集中采购的{n2}种药品平均降价{pct}，每年可为患者节省费用{money}。|The {n2} drugs covered by centralized procurement are on average {pct} cheaper, saving patients {money} a year.`),
};

/** Culture and tourism: museums, festivals, heritage. */
const CULTURE: Topic = {
  id: "culture",
  name: { zh: "文化旅游", en: "culture and tourism" },
  bureaus: parseTerms(`市文化广电旅游局|Municipal Bureau of Culture and Tourism; 市文物局|Municipal Cultural Heritage Bureau`),
  national: parseTerms(`文化和旅游部|the Ministry of Culture and Tourism; 国家文物局|the National Cultural Heritage Administration`),
  subjects: parseSubjects(`
    城市 博物馆 新馆|new city museum|f
    非遗 文化节|intangible heritage festival|e
    考古 遗址 公园|archaeological site park|f
    国际 音乐节|international music festival|e
    历史 文化 街区|historic cultural district|f
    公共 图书馆 分馆|public library branches|f+
    元宵 灯会|Lantern Festival fair|e
    古籍 数字化 工程|ancient book digitization project|p
    沉浸式 演艺 项目|immersive performance project|p
    文旅 消费季|culture and tourism spending season|e
    乡村 旅游 精品 线路|rural tourism routes|f+
    国际 电影 展|international film festival|e
    大运河 文化 带|Grand Canal cultural belt|f
    城市 美术馆|city art museum|f
    文物 保护 修缮 工程|heritage restoration project|p`),
  goals: parseTerms(`丰富 市民 文化 生活|to enrich residents' cultural life; 吸引 海内外 游客|to draw visitors from home and abroad
    擦亮 城市 文化 名片|to showcase the city's culture; 促进 文旅 融合 发展|to integrate culture and tourism`),
  keywords: parseTerms(`
    文化旅游|cultural tourism; 博物馆|museums; 非物质文化遗产|intangible cultural heritage; 文物保护|heritage protection
    考古|archaeology; 旅游|tourism; 假日经济|holiday economy; 演出|performances; 图书馆|libraries; 传统文化|traditional culture
    音乐节|music festivals; 电影|film; 乡村旅游|rural tourism; 文创产品|cultural products; 夜游|night tours
    入境游|inbound tourism; 古城|ancient towns; 美术|fine arts; 节庆活动|festivals; 大运河|Grand Canal`),
  facts: parseTerms(`
    今年假期，{P}共接待游客{k}人次，实现旅游收入{money}。|During this year's holiday, {P} received {k} tourist visits and earned {money} in tourism revenue.
    展览共展出文物和艺术品{count}件，其中一级文物{n2}件。|The exhibition features {count} relics and artworks, including {n2} first-class cultural relics.
    活动期间，{P}将推出{n2}场演出和{n}条主题旅游线路。|During the event, {P} will stage {n2} performances and offer {n} themed tour routes.`),
};

/** Topics of part one. */
export const TOPICS_A: readonly Topic[] = [COMMERCE, TECHNOLOGY, ENVIRONMENT, TRANSPORT, HEALTH, CULTURE];
