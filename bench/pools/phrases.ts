// Phrases shared by every topic, zh and en aligned: actions, measures, benefits, challenges and more.
import { parseTerms } from "./entities.ts";
import type { SubjectKind } from "./topic-type.ts";

/** What is done to a subject, in every form a headline or a sentence needs. */
export interface Action {
  /** Chinese verb: 启动. */
  zh: string;
  /** Chinese "done" phrase for passive headlines, words space-separated: 正式 启动. */
  zhDone: string;
  /** English base form: launch. */
  base: string;
  /** Third person singular: launches. */
  s3: string;
  /** Past participle: launched. */
  past: string;
  /** Present participle: launching. */
  ing: string;
  /** Action noun for "Begins Renovation of …", when one reads well. */
  noun?: string;
  /** Subject kinds the action fits. */
  kinds: readonly SubjectKind[];
}

/** `zh|zhDone|base|s3|past|ing|noun|kinds` lines. */
export const ACTIONS: readonly Action[] = `
  启动|正式 启动|launch|launches|launched|launching||fpe
  开通|正式 开通|open|opens|opened|opening||f
  建成|建成 投用|complete|completes|completed|completing|completion|f
  扩建|完成 扩建|expand|expands|expanded|expanding|expansion|f
  升级|完成 升级|upgrade|upgrades|upgraded|upgrading|upgrade|fp
  试点|开展 试点|pilot|pilots|piloted|piloting||p
  推出|正式 推出|roll out|rolls out|rolled out|rolling out||p
  发布|正式 发布|unveil|unveils|unveiled|unveiling||pe
  出台|正式 出台|introduce|introduces|introduced|introducing|introduction|p
  举办|成功 举办|host|hosts|hosted|hosting||e
  举行|隆重 举行|hold|holds|held|holding||e
  规划|完成 规划|plan|plans|planned|planning|planning|fp
  资助|获得 资助|fund|funds|funded|funding||fp
  改造|完成 改造|renovate|renovates|renovated|renovating|renovation|f
  批准|获得 批准|approve|approves|approved|approving|approval|fp
  推广|全面 推广|promote|promotes|promoted|promoting|promotion|p
  评估|完成 评估|review|reviews|reviewed|reviewing|review|p
  优化|持续 优化|optimize|optimizes|optimized|optimizing|optimization|fp
  恢复|全面 恢复|resume|resumes|resumed|resuming||pe
  筹办|筹备 就绪|prepare|prepares|prepared|preparing|preparation|e
  启用|正式 启用|commission|commissions|commissioned|commissioning||f
  建设|开工 建设|build|builds|built|building|construction|f
  调整|完成 调整|adjust|adjusts|adjusted|adjusting|adjustment|p
  公布|正式 公布|announce|announces|announced|announcing||pe
  部署|完成 部署|deploy|deploys|deployed|deploying|deployment|f
  延长|获批 延长|extend|extends|extended|extending|extension|pe
  测试|完成 测试|test|tests|tested|testing|testing|f
  展示|首次 亮相|showcase|showcases|showcased|showcasing||fe
  强化|进一步 强化|strengthen|strengthens|strengthened|strengthening||p
  扩大|进一步 扩大|scale up|scales up|scaled up|scaling up||p
  重启|重新 开放|reopen|reopens|reopened|reopening||fe
`
  .trim()
  .split("\n")
  .map((line) => {
    const [zh = "", zhDone = "", base = "", s3 = "", past = "", ing = "", noun = "", kinds = ""] = line.trim().split("|");
    return { zh, zhDone, base, s3, past, ing, ...(noun ? { noun } : {}), kinds: [...kinds] as SubjectKind[] };
  });

/** Areas a plan changes or a bureau works on. */
export const MEASURES = parseTerms(`
  审批 流程|the approval process; 资金 保障|funding guarantees; 人才 引进|talent recruitment; 数据 共享|data sharing
  安全 管理|safety management; 服务 标准|service standards; 监管 机制|oversight mechanisms; 用地 保障|land supply
  信息 公开|information disclosure; 应急 响应|emergency response; 运营 模式|the operating model; 收费 标准|pricing
  考核 评价|performance evaluation; 技术 路线|the technical approach; 宣传 引导|public outreach; 配套 设施|supporting facilities
  长效 管护|long-term maintenance; 跨部门 协作|cross-department coordination; 群众 参与|public participation; 风险 防控|risk control
`);

/** What a project is good for. */
export const BENEFITS = parseTerms(`
  降低 企业 成本|lowering costs for businesses; 改善 民生|improving people's livelihoods; 扩大 就业|creating jobs
  优化 营商 环境|improving the business environment; 促进 消费|boosting consumption; 节能 减排|saving energy and cutting emissions
  提升 城市 品质|raising the quality of urban life; 推动 产业 升级|driving industrial upgrading; 缩小 城乡 差距|narrowing the urban-rural gap
  吸引 外来 投资|attracting outside investment; 便利 群众 办事|making public services easier to use; 增强 创新 能力|strengthening innovation
  保障 公共 安全|safeguarding public safety; 推动 区域 协调 发展|balanced regional development; 丰富 文化 生活|enriching cultural life
  提高 应急 能力|improving emergency preparedness
`);

/** Difficulties met on the way. */
export const CHALLENGES = parseTerms(`
  资金 投入 不足|insufficient funding; 专业 人才 短缺|a shortage of skilled staff; 审批 周期 较长|lengthy approval procedures
  区域 发展 不平衡|uneven regional development; 数据 标准 不统一|inconsistent data standards; 基层 力量 薄弱|limited capacity at the grassroots
  市场 需求 波动|fluctuating market demand; 运营 成本 偏高|high operating costs; 配套 设施 滞后|lagging supporting facilities
  公众 认知 不足|limited public awareness; 协调 难度 大|difficult coordination; 用地 指标 紧张|a tight land supply
`);

/** Principles officials promise to follow. */
export const PRINCIPLES = parseTerms(`
  问题 导向|a problem-oriented approach; 以人民为中心|a people-centered approach; 统筹 规划、分步 实施|planning as a whole and acting in phases
  安全 第一|putting safety first; 公开 透明|openness and transparency; 市场化 运作|market-based operation; 因地制宜|adapting to local conditions
  节约 集约|economical use of resources
`);

/** Broad trends experts invoke. */
export const TRENDS = parseTerms(`
  数字化 转型|digital transformation; 绿色 低碳|green and low-carbon development; 城乡 融合|urban-rural integration
  消费 升级|rising consumer expectations; 人口 老龄化|population ageing; 新型 城镇化|new urbanization
  产业链 重构|supply chain restructuring; 区域 一体化|regional integration; 智能化|intelligent technology
`);

/** Pairs experts say must be balanced, as `a|a-en; b|b-en` on one line. */
export const BALANCES: readonly (readonly [{ zh: string; en: string }, { zh: string; en: string }])[] = [
  "政府 引导|government guidance; 市场 作用|market forces",
  "短期 投入|short-term spending; 长期 收益|long-term returns",
  "发展|development; 安全|security",
  "效率|efficiency; 公平|fairness",
  "建设|construction; 运营|operation",
  "统一 标准|common standards; 地方 特色|local character",
].map((line) => {
  const [a, b] = parseTerms(line);
  if (!a || !b) throw new Error(`bad balance "${line}"`);
  return [a, b] as const;
});

/** What residents hope for. */
export const HOPES = parseTerms(`
  相关 服务 能 覆盖 更多 社区|the service would reach more neighborhoods; 收费 能够 更加 合理|charges would be kept reasonable
  信息 发布 能 更 及时|information would be released more promptly; 老年人 也 能 方便 使用|older people would find it easy to use
  后续 维护 能 跟上|maintenance would keep up; 周边 交通 能 同步 改善|nearby roads would be improved at the same time
`);

/** What residents say used to be hard, as the "以前…" clause of a quote. */
export const PAINS = parseTerms(`
  办事 要 来回 跑 好几趟|I had to make several trips to get anything done; 排队 要 等 很久|we had to wait in long queues
  信息 很难 查到|information was hard to find; 周边 配套 跟不上|facilities nearby were lacking
  晚上 出门 很不方便|going out in the evening was inconvenient; 价格 不太 透明|prices were not very transparent
`);

/** Keywords that fit any topic. */
export const GENERAL_KEYWORDS = parseTerms(`
  高质量发展|high-quality development; 民生|people's livelihoods; 改革|reform; 创新|innovation; 政策|policy; 投资|investment
  城市治理|urban governance; 数字化转型|digital transformation; 区域协调|regional coordination; 长三角|Yangtze River Delta
  粤港澳大湾区|Greater Bay Area; 京津冀|Beijing-Tianjin-Hebei; 成渝地区|Chengdu-Chongqing region; 十四五规划|14th Five-Year Plan
  试点|pilot programs; 基层治理|grassroots governance; 公共服务|public services; 安全生产|work safety
  新质生产力|new quality productive forces; 共同富裕|common prosperity
`);
