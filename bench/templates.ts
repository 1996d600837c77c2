// Sentence templates, zh and en aligned, with `{slot}` placeholders that story.ts fills.
import { parseTerms } from "./pools/entities.ts";
import type { Term } from "./pools/entities.ts";

/** Where in a story a sentence belongs. */
export type Role = "lead" | "detail" | "figure" | "quote" | "expert" | "public" | "background" | "outlook";

/** Parses a table of `zh|en` sentence pairs. */
function sentences(table: string): Term[] {
  return parseTerms(table);
}

/**
 * Templates by role. Slots: {P} {P2} {P3} city; {S} subject, {be} {has} its English verb agreement; {A} action
 * verb, {A.done} {A.base} {A.past} {A.ing}; {G} goal; {org} {Org} local bureau; {nat} national body; {company};
 * {inst} institute; {official} {expert} {resident} people; {topic}; {benefit} {challenge} {measure} {measure2}
 * {measure3} {principle} {trend} {x} {y} {hope} {pain} {district}; numbers {n} {n2} {n3} {count} {k} {yi} {money}
 * {pct} {share} {dec} {a} {b}; dates {M} {D} {Month} {mo} {year} {last} {prev} {Y}.
 */
export const TEMPLATES: Readonly<Record<Role, readonly Term[]>> = {
  lead: sentences(`
    {M}月{D}日，{org}宣布，{P}将{A}{S}，{G}。|On {Month} {D}, {org} announced that {P} will {A.base} the {S} {G}.
    {M}月{D}日，记者从{org}获悉，{P}{S}已{A.done}，这标志着相关工作进入新阶段。|On {Month} {D}, {org} said that the {S} in {P} {has} been {A.past}, marking a new stage in the work.
    {M}月{D}日，{P}{A}{S}的消息引发社会各界广泛关注。|On {Month} {D}, news that {P} would {A.base} the {S} drew wide attention from the public.
    {M}月{D}日，{company}与{org}签署合作协议，双方将共同{A}{S}。|On {Month} {D}, {company} signed a cooperation agreement with {org} to jointly {A.base} the {S}.
    {M}月{D}日，在{P}举行的新闻发布会上，{official}介绍了{A}{S}的最新进展。|On {Month} {D}, at a press conference in {P}, {official} outlined the latest progress in {A.ing} the {S}.`),
  detail: sentences(`
    据介绍，该项目总投资约{money}，计划于{Y}年底前全面完成。|According to officials, the project involves a total investment of about {money} and is scheduled to be fully completed by the end of {Y}.
    项目由{company}牵头实施，参与单位包括多家科研机构和本地企业。|The project is led by {company}, with several research institutes and local businesses taking part.
    按照计划，{S}将分{n}个阶段推进，首期预计在{Y}年投入使用。|Under the plan, the {S} will be rolled out in {n} phases, with the first phase expected to enter service in {Y}.
    {org}相关负责人表示，此次{A}{S}是落实{nat}有关部署的重要举措。|An official with {org} said that {A.ing} the {S} is an important step in carrying out the arrangements of {nat}.
    与以往相比，新方案在{measure}和{measure2}方面作出了较大调整。|Compared with previous arrangements, the new plan makes major changes to {measure} and {measure2}.
    目前，{S}已覆盖{P}{n}个区县，服务人口超过{k}。|The {S} now {covers} {n} districts and counties in {P}, serving more than {k} people.
    为保障{S}顺利推进，{P}成立了由{org}牵头的工作专班，实行每周调度。|To keep the {S} on track, {P} has set up a task force led by {org} that reviews progress every week.
    {S}建成后，将与{P2}等地形成联动，进一步提升区域协同水平。|Once in place, the {S} will be linked with similar efforts in {P2} and other cities, strengthening regional coordination.
    这是{P}今年以来推进的第{n}个同类项目。|This is the {nth} project of its kind that {P} has taken forward this year.
    在具体实施中，{org}将重点做好{measure}、{measure2}和{measure3}等工作。|In carrying out the plan, {org} will focus on {measure}, {measure2} and {measure3}.
    {company}负责人表示，公司将投入专门团队，确保{S}按期交付并稳定运行。|The head of {company} said the company will assign a dedicated team to make sure the {S} {is} delivered on time and {runs} smoothly.`),
  figure: sentences(`
    数据显示，{last}年{P}相关领域投资同比增长{pct}，增速高于全国平均水平。|Data show that investment in related sectors in {P} rose {pct} year on year in {last}, outpacing the national average.
    截至{M}月底，{P}已累计完成投资{money}，占年度计划的{share}。|By the end of {Month}, {P} had completed {money} of investment, or {share} of its annual plan.
    今年前{mo}个月，相关业务量达到{k}件，同比增长{pct}。|In the first {mo} months of the year, business volume reached {k} transactions, up {pct} from a year earlier.
    {org}统计显示，项目实施后，平均办理时间由{a}天缩短至{b}天。|Statistics from {org} show that average processing time has fallen from {a} days to {b} days since the project began.
    预计到{Y}年，{S}将带动相关产业产值超过{money}，新增就业岗位约{count}个。|By {Y}, the {S} {is} expected to generate more than {money} in output for related industries and create about {count} jobs.
    目前，全市已有{n3}家企业参与其中，其中中小企业占比达到{share}。|So far, {n3} companies across the city have taken part, with small and medium-sized firms accounting for {share}.
    第三方调查显示，{share}的受访市民对{S}表示满意。|A third-party survey found that {share} of residents polled were satisfied with the {S}.
    与{P2}、{P3}等城市相比，{P}在这一领域起步较晚，但发展速度较快。|Although {P} entered this field later than cities such as {P2} and {P3}, it has developed quickly.`),
  quote: sentences(`
    “我们将坚持{principle}，确保{S}早日发挥实效。”{official}说。|“We will stick to {principle} and make sure the {S} {delivers} results as soon as possible,” said {official}.
    {official}表示，下一步将重点解决{challenge}等问题，让群众有更多获得感。|{Official} said the next step will focus on problems such as {challenge}, so that residents see more tangible benefits.
    {official}在接受采访时说：“{A}{S}不是终点，而是新的起点。”|“{A.Ing} the {S} is not the end, but a new starting point,” {official} said in an interview.
    {official}坦言，在推进过程中也遇到了{challenge}等难题。|{Official} acknowledged that the work had also run into difficulties such as {challenge}.
    “这一举措有助于{benefit}，也为其他城市提供了可借鉴的经验。”{official}表示。|“The move will help with {benefit}, and it offers experience that other cities can draw on,” {official} said.`),
  expert: sentences(`
    {expert}认为，{A}{S}顺应了{trend}的大趋势。|{Expert} said that {A.ing} the {S} is in line with the broader trend of {trend}.
    {expert}指出，关键在于处理好{x}与{y}之间的关系。|{Expert} noted that the key lies in balancing {x} and {y}.
    在{expert}看来，{P}的做法具有一定示范意义，但仍需在{measure}上持续发力。|In the view of {expert}, the approach of {P} offers a useful model, but more work is needed on {measure}.
    {expert}建议，应建立长效评估机制，定期公开{S}的运行数据。|{Expert} suggested setting up a long-term evaluation mechanism and regularly publishing operating data on the {S}.
    “从国际经验看，类似项目通常需要{n}到{n4}年才能进入稳定期。”{expert}说。|“International experience shows that similar projects usually need {n} to {n4} years to reach a stable stage,” said {expert}.`),
  public: sentences(`
    家住{district}的{resident}说：“以前{pain}，现在方便多了。”|“Before, {pain}, but now it is much more convenient,” said {resident}, who lives in {district} of {P}.
    不少市民在社交媒体上留言，希望{S}能够尽快惠及更多地区。|Many residents left comments on social media, hoping the {S} would soon benefit more areas.
    {resident}告诉记者，自己一直关注相关进展，希望{hope}。|{Resident} told reporters that they had been following the progress closely and hoped {hope}.
    也有市民提出，{S}在{measure}方面仍有改进空间。|Some residents, however, said there is still room for improvement in {measure} for the {S}.`),
  background: sentences(`
    近年来，{P}持续加大在{topic}领域的投入，先后出台了一系列支持政策。|In recent years, {P} has steadily increased investment in {topic} and introduced a series of supportive policies.
    早在{prev}年，{P}就提出要{G}。|As early as {prev}, {P} set out plans {G}.
    {nat}此前发布的指导意见明确提出，要加快推进{topic}领域的改革创新。|Guidelines issued earlier by {nat} called for faster reform and innovation in {topic}.
    业内人士指出，{trend}正在深刻改变{topic}领域的发展格局。|Industry insiders noted that {trend} is profoundly reshaping the field of {topic}.
    去年，{P2}也曾推出类似举措，并取得了较好的成效。|Last year, {P2} introduced a similar measure, which achieved good results.
    根据{P}{year}年政府工作报告，{topic}是今年重点推进的十个领域之一。|According to the {year} government work report of {P}, {topic} is one of ten priority areas for the year.`),
  outlook: sentences(`
    下一步，{org}将总结试点经验，适时在全市范围内推广。|Next, {org} will review the experience of the pilot and extend it citywide when conditions allow.
    按照规划，到{Y}年，{P}将实现{S}全覆盖。|Under the plan, {P} aims to achieve full coverage of the {S} by {Y}.
    {org}表示，将持续跟踪评估实施效果，并根据群众反馈及时调整优化。|{Org} said it will keep tracking the results and make timely adjustments based on public feedback.
    据悉，{P}还计划在今年下半年启动第二批项目。|{P} also plans to launch a second batch of projects in the second half of the year, it was learned.
    业内普遍认为，随着{S}的推进，{P}在{topic}领域的竞争力将进一步增强。|It is widely believed in the industry that as work on the {S} advances, the competitiveness of {P} in {topic} will grow further.
    {nat}相关负责人表示，将适时总结各地经验，研究出台更具针对性的支持措施。|An official with {nat} said it will review experience from different regions and study more targeted support measures.`),
};
