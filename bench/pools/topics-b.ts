// News topics, part two: sports, international exchange, education, agriculture, energy, urban development.
import { parseSubjects, parseTerms } from "./topic-type.ts";
import type { Topic } from "./topic-type.ts";

/** Sports: events, venues, fitness. */
const SPORTS: Topic = {
  id: "sports",
  name: { zh: "体育", en: "sports" },
  bureaus: parseTerms(`市体育局|Municipal Sports Bureau; 市全民健身服务中心|Municipal Fitness Service Center`),
  national: parseTerms(`国家体育总局|the General Administration of Sport; 中国奥委会|the Chinese Olympic Committee`),
  subjects: parseSubjects(`
    国际 马拉松赛|international marathon|e
    全民 健身 运动会|citywide fitness games|e
    滨河 体育 公园|riverside sports park|f
    冰雪 运动季|winter sports season|e
    青少年 足球 联赛|youth football league|e
    智慧 健身 步道|smart fitness trails|f+
    国际 网球 公开赛|international tennis open|e
    城市 篮球 联赛|city basketball league|e
    赛艇 训练 基地|rowing training base|f
    游泳 跳水 馆|aquatics center|f
    环城 自行车赛|city cycling race|e
    社区 运动场|community sports grounds|f+
    龙舟 邀请赛|dragon boat invitational|e
    电子 竞技 中心|esports center|f
    户外 运动 营地|outdoor sports camp|f`),
  goals: parseTerms(`推动 全民 健身|to promote fitness for all; 发展 体育 产业|to grow the sports industry
    带动 赛事 经济|to boost the events economy; 培养 青少年 运动员|to train young athletes`),
  keywords: parseTerms(`
    体育|sports; 全民健身|fitness for all; 马拉松|marathons; 足球|football; 篮球|basketball; 冰雪运动|winter sports
    体育产业|sports industry; 赛事经济|events economy; 运动员|athletes; 网球|tennis; 电子竞技|esports; 龙舟|dragon boats
    游泳|swimming; 自行车|cycling; 户外运动|outdoor sports; 体育场馆|sports venues; 青少年体育|youth sports
    奥运会|Olympic Games; 亚运会|Asian Games; 健身|fitness`),
  facts: parseTerms(`
    本届赛事共吸引了来自{n2}个国家和地区的{count}名选手参加。|The event drew {count} competitors from {n2} countries and regions.
    赛事期间，{P}酒店入住率同比提高{pct}，餐饮消费明显增长。|During the event, hotel occupancy in {P} rose {pct} year on year, and restaurant spending grew markedly.
    目前，{P}人均体育场地面积已达到{dec}平方米。|{P} now has {dec} square meters of sports space per resident.`),
};

/** International exchange: trade links, visas, forums. */
const EXCHANGE: Topic = {
  id: "exchange",
  name: { zh: "对外交流", en: "international exchange" },
  bureaus: parseTerms(`市人民政府外事办公室|Municipal Foreign Affairs Office; 市贸促会|Municipal Council for the Promotion of International Trade`),
  national: parseTerms(`外交部|the Ministry of Foreign Affairs; 中国国际贸易促进委员会|the China Council for the Promotion of International Trade`),
  subjects: parseSubjects(`
    国际 友好 城市 论坛|sister city forum|e
    中欧 班列 新 线路|new China-Europe freight train route|f
    外国人 服务 中心|foreign nationals service center|f
    签证 便利 措施|visa facilitation measures|p+
    国际 学校|international school|f
    领事 服务站|consular service station|f
    国际 人文 交流周|international cultural exchange week|e
    一带一路 合作 项目|Belt and Road cooperation projects|p+
    境外 经贸 合作区|overseas economic cooperation zone|f
    国际 航线|international flight routes|f+
    外资 项目 签约 仪式|foreign investment signing ceremony|e
    国际 青年 交流营|international youth exchange camp|e
    跨境 人民币 结算 服务|cross-border yuan settlement service|p
    免签 入境 政策|visa-free entry policy|p
    国际 商事 法庭|international commercial court|f`),
  goals: parseTerms(`扩大 高水平 对外 开放|to expand high-level opening-up; 深化 国际 交流 合作|to deepen international cooperation
    便利 外籍 人士 来华|to make visiting China easier for foreigners; 提升 城市 国际化 水平|to raise the city's international profile`),
  keywords: parseTerms(`
    对外开放|opening-up; 国际合作|international cooperation; 一带一路|Belt and Road; 中欧班列|China-Europe freight trains
    免签|visa-free entry; 友好城市|sister cities; 外交|diplomacy; 进博会|import expo; 人文交流|people-to-people exchanges
    国际航线|international routes; 外籍人士|foreign residents; 经贸合作|economic and trade cooperation; 跨境结算|cross-border settlement
    领事服务|consular services; 国际会议|international conferences; 入境|inbound travel; 涉外服务|services for foreigners
    东盟|ASEAN; 中欧关系|China-EU relations; 全球治理|global governance`),
  facts: parseTerms(`
    今年以来，经{P}口岸入境的外籍人员达到{k}人次，同比增长{pct}。|Since the start of the year, {k} entries by foreign nationals have been recorded at the ports of {P}, up {pct} year on year.
    目前，{P}已与{n2}个国家的{n3}座城市建立友好关系。|{P} has established friendly ties with {n3} cities in {n2} countries.
    论坛期间，各方共签署合作项目{n2}个，涉及金额{money}。|During the forum, the parties signed {n2} cooperation projects worth {money}.`),
};

/** Education: schools, vocational training, universities. */
const EDUCATION: Topic = {
  id: "education",
  name: { zh: "教育", en: "education" },
  bureaus: parseTerms(`市教育局|Municipal Education Bureau; 市人力资源和社会保障局|Municipal Human Resources and Social Security Bureau`),
  national: parseTerms(`教育部|the Ministry of Education; 人力资源和社会保障部|the Ministry of Human Resources and Social Security`),
  subjects: parseSubjects(`
    义务 教育 新 学位|new compulsory education places|f+
    课后 托管 服务|after-school care service|p
    职业 教育 实训 基地|vocational training base|f
    普惠性 幼儿园|affordable kindergartens|f+
    集团化 办学 改革|school group reform|p
    高校 毕业生 就业 服务|graduate employment services|p+
    智慧 校园 工程|smart campus project|p
    研学 旅行 基地|study tour base|f
    教师 轮岗 交流 制度|teacher rotation system|p
    青少年 科技馆|youth science center|f
    老年 大学|senior citizens' university|f
    中小学 食堂|school canteens|f+
    技能 人才 培训 计划|skills training program|p
    大学 科技园|university science park|f
    校园 安全 守护 行动|campus safety campaign|p`),
  goals: parseTerms(`促进 教育 公平|to promote equal access to education; 减轻 学生 课业 负担|to ease students' workload
    培养 高 技能 人才|to train highly skilled workers; 办好 家门口 的 学校|to build good schools close to home`),
  keywords: parseTerms(`
    教育|education; 义务教育|compulsory education; 职业教育|vocational education; 高校|universities
    毕业生就业|graduate employment; 幼儿园|kindergartens; 教育公平|educational equity; 双减|double reduction policy
    课后服务|after-school services; 教师|teachers; 技能培训|skills training; 校园安全|campus safety; 在线教育|online education
    终身学习|lifelong learning; 留学|study abroad; 学前教育|preschool education; 高考|college entrance exam
    科普|science popularization; 研学|study tours; 人才培养|talent development`),
  facts: parseTerms(`
    今年秋季学期，{P}新增公办学位{count}个，新建改扩建学校{n2}所。|For the autumn term, {P} added {count} public school places and built or expanded {n2} schools.
    目前，全市{share}的中小学已开展课后服务，参与学生超过{k}人。|At present, {share} of primary and secondary schools in the city offer after-school services, with more than {k} students taking part.
    今年{P}高校毕业生规模预计达到{k}人，创历史新高。|{P} expects a record {k} university graduates this year.`),
};

/** Agriculture and rural affairs. */
const AGRICULTURE: Topic = {
  id: "agriculture",
  name: { zh: "农业农村", en: "agriculture and rural affairs" },
  bureaus: parseTerms(`市农业农村局|Municipal Bureau of Agriculture and Rural Affairs; 市乡村振兴局|Municipal Rural Revitalization Bureau`),
  national: parseTerms(`农业农村部|the Ministry of Agriculture and Rural Affairs; 国家粮食和物资储备局|the National Food and Strategic Reserves Administration`),
  subjects: parseSubjects(`
    高标准 农田|high-standard farmland|f
    智慧 农业 示范园|smart farming demonstration park|f
    种业 创新 基地|seed industry innovation base|f
    农产品 冷链 物流 中心|cold-chain logistics center for farm produce|f
    乡村 振兴 示范村|model villages for rural revitalization|f+
    农村 电商 服务站|rural e-commerce service stations|f+
    粮食 储备库|grain reserve depot|f
    数字 乡村 试点|digital village pilot|p
    农业 保险 补贴|agricultural insurance subsidies|p+
    设施 农业 项目|greenhouse farming project|p
    渔业 养殖 基地|aquaculture base|f
    茶叶 产业园|tea industrial park|f
    农机 购置 补贴|farm machinery subsidies|p+
    乡村 医疗 巡诊 服务|rural mobile clinic service|p
    农村 人居 环境 整治|rural living environment campaign|p`),
  goals: parseTerms(`保障 粮食 安全|to safeguard food security; 促进 农民 增收|to raise farmers' incomes
    全面 推进 乡村 振兴|to advance rural revitalization; 建设 农业 强市|to build a strong agricultural base`),
  keywords: parseTerms(`
    乡村振兴|rural revitalization; 粮食安全|food security; 农业|agriculture; 农民增收|farmers' incomes; 种业|seed industry
    高标准农田|high-standard farmland; 智慧农业|smart agriculture; 农产品|farm produce; 冷链物流|cold-chain logistics
    农村电商|rural e-commerce; 春耕|spring planting; 秋收|autumn harvest; 畜牧业|animal husbandry; 渔业|fisheries
    茶产业|tea industry; 农业机械化|farm mechanization; 耕地保护|farmland protection; 特色农业|specialty agriculture
    农村改革|rural reform; 合作社|cooperatives`),
  facts: parseTerms(`
    今年{P}粮食播种面积稳定在{k}亩以上，预计总产量同比增长{pct}。|This year {P} has kept its grain-sown area above {k} mu, and total output is expected to rise {pct} year on year.
    通过土地流转和规模经营，当地农民人均可支配收入增长了{pct}。|Through land transfers and larger-scale farming, local farmers' per capita disposable income has risen {pct}.
    目前，{P}已建成农产品产地冷藏保鲜设施{count}座。|{P} has built {count} cold storage facilities for farm produce at production sites.`),
};

/** Energy: power, renewables, storage. */
const ENERGY: Topic = {
  id: "energy",
  name: { zh: "能源", en: "energy" },
  bureaus: parseTerms(`市能源局|Municipal Energy Bureau; 市供电公司|Municipal Power Supply Company`),
  national: parseTerms(`国家能源局|the National Energy Administration; 国家电网公司|the State Grid Corporation of China`),
  subjects: parseSubjects(`
    海上 风电 项目|offshore wind power project|p
    光伏 电站|solar power station|f
    公共 充电桩|public EV chargers|f+
    新型 储能 电站|new energy storage station|f
    氢能 产业园|hydrogen energy industrial park|f
    虚拟 电厂|virtual power plant|f
    燃气 管网 改造|gas pipeline upgrade|p
    屋顶 分布式 光伏|rooftop solar panels|f+
    特高压 输电 线路|ultra-high voltage transmission line|f
    地热 供暖 项目|geothermal heating project|p
    电动车 换电站|battery swap stations|f+
    抽水 蓄能 电站|pumped storage power station|f
    绿电 交易 平台|green power trading platform|f
    清洁 取暖 改造|clean heating retrofit|p
    智能 电网|smart grid|f`),
  goals: parseTerms(`保障 能源 安全|to ensure energy security; 推进 能源 结构 转型|to shift to cleaner energy
    满足 夏季 用电 需求|to meet summer power demand; 助力 双碳 目标|to support carbon reduction goals`),
  keywords: parseTerms(`
    新能源|new energy; 光伏|solar power; 风电|wind power; 储能|energy storage; 氢能|hydrogen energy; 充电桩|charging stations
    电网|power grid; 能源安全|energy security; 清洁能源|clean energy; 电力供应|power supply; 天然气|natural gas
    双碳|dual carbon goals; 绿电|green power; 供暖|heating; 能源转型|energy transition; 特高压|ultra-high voltage
    电动汽车|electric vehicles; 节能|energy saving; 核电|nuclear power; 煤炭|coal`),
  facts: parseTerms(`
    项目全部投产后，年发电量可达{yi}千瓦时，相当于节约标准煤{k}吨。|When fully operational, the project will generate {yi} kilowatt-hours of electricity a year, equivalent to saving {k} tonnes of standard coal.
    目前，{P}新能源装机容量占比已达到{share}。|New energy now accounts for {share} of installed power capacity in {P}.
    今年夏季用电高峰期间，{P}电网最高负荷同比增长{pct}。|During this summer's peak, the maximum load on the grid in {P} rose {pct} year on year.`),
};

/** Urban development: housing, renewal, community services. */
const URBAN: Topic = {
  id: "urban",
  name: { zh: "城市建设", en: "urban development" },
  bureaus: parseTerms(`市住房和城乡建设局|Municipal Housing and Urban-Rural Development Bureau; 市规划和自然资源局|Municipal Planning and Natural Resources Bureau; 市民政局|Municipal Civil Affairs Bureau`),
  national: parseTerms(`住房和城乡建设部|the Ministry of Housing and Urban-Rural Development; 民政部|the Ministry of Civil Affairs`),
  subjects: parseSubjects(`
    老旧 小区 改造|old housing estate renovation|p
    保障性 租赁 住房|affordable rental housing|f
    城市 更新 行动|urban renewal campaign|p
    社区 养老 服务 中心|community elderly care center|f
    地下 综合 管廊|underground utility tunnel|f
    加装 电梯 工程|elevator retrofit project|p
    口袋 公园|pocket parks|f+
    十五分钟 生活圈|15-minute neighborhood service circle|f
    城中村 改造|urban village redevelopment|p
    智慧 社区 平台|smart community platform|f
    防洪 排涝 工程|flood control and drainage project|p
    住房 公积金 新政|new housing provident fund rules|p+
    婴幼儿 托育 中心|infant care center|f
    便民 菜市场|neighborhood fresh markets|f+
    城市 照明 提升 工程|urban lighting upgrade|p`),
  goals: parseTerms(`提升 居民 生活 品质|to improve residents' quality of life; 建设 宜居 韧性 城市|to build a livable and resilient city
    满足 群众 住房 需求|to meet housing needs; 打造 温馨 家园|to create better neighborhoods`),
  keywords: parseTerms(`
    城市更新|urban renewal; 老旧小区|old housing estates; 住房保障|housing security; 保障性住房|affordable housing
    养老服务|elderly care; 社区治理|community governance; 加装电梯|elevator retrofits; 城中村|urban villages
    住房公积金|housing provident fund; 房地产|real estate; 托育服务|childcare services; 防汛|flood prevention
    智慧城市|smart city; 公园|parks; 宜居城市|livable city; 基础设施|infrastructure; 民生工程|livelihood projects
    租房|renting; 城市规划|urban planning; 便民服务|community services`),
  facts: parseTerms(`
    今年{P}计划改造老旧小区{n3}个，惠及居民{k}户。|This year {P} plans to renovate {n3} old housing estates, benefiting {k} households.
    改造内容包括管网更新、外墙保温、停车位增设和无障碍设施建设等。|The work includes replacing pipes, insulating exterior walls, adding parking spaces and building barrier-free facilities.
    截至目前，{P}已累计筹集保障性租赁住房{k}套。|So far, {P} has provided {k} units of affordable rental housing.`),
};

/** Topics of part two. */
export const TOPICS_B: readonly Topic[] = [SPORTS, EXCHANGE, EDUCATION, AGRICULTURE, ENERGY, URBAN];
