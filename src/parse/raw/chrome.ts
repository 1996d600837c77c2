// Page chrome: site navigation, metadata, counters, comment forms and footers, recognised by shape.

/** One chrome rule: a short stable name (shown in `npm run check`) and the shape it recognises. */
interface ChromeRule {
  /** Name recorded in the trace for every line the rule drops. */
  rule: string;
  /** True when the trimmed line has this rule's shape. */
  test: (text: string) => boolean;
}

/** Item separators; items are trimmed after the split (a `\s*` on both sides would backtrack quadratically). */
const MENU_SPLIT_RE = /[|｜│¦]|\s[·•]\s/;
const SENTENCE_PUNCT_RE = /[。！？，,；;!?]/;
const HAN_WORD_RE = /^\p{Script=Han}{1,4}$/u;
const BREADCRUMB_LABEL_RE = /^(?:当前位置|您的位置|你的位置|您现在的位置|你现在的位置|所在位置|位置|you are here)\s*[:：]/i;
const BREADCRUMB_SPLIT_RE = />>|[>›»＞→]/;
const HOME_RE = /^(?:首页|主页|home)$/i;
const COUNTER_RE =
  /^(?:views?|reads?|hits?|likes?|comments?|阅读(?:量|数|次数)?|浏览(?:量|数|次数)?|点击(?:量|数)?|热度|人气|评论(?:数)?|点赞(?:数)?)\s*[:：]?\s*[\d,]+\s*(?:次|人|条)?$/i;
const COUNTER_AFTER_RE = /^[\d,]+\s*(?:views?|reads?|likes?|comments?|次阅读|次浏览|人阅读|人浏览|条评论)$/i;
const META_KEYS =
  "发布时间|发布日期|发表时间|更新时间|时间|日期|作者|文章来源|来源|稿源|编辑|责任编辑|责编|编审|审核|校对|记者|通讯员|阅读|浏览|点击|字号|发布者|发布人|供稿|posted(?: on| by)?|published(?: on)?|updated|author|by|date|source|editor";
const META_START_RE = new RegExp(`^(?:${META_KEYS})\\s*[:：]`, "i");
const META_ANY_RE = new RegExp(`(?:${META_KEYS})\\s*[:：]`, "gi");
const DATE_ONLY_RE = /^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;
const CAPTION_START_RE = /^(?:图为|图\s*[:：]|图片\s*[:：]|图片来源|摄影\s*[:：]|photo\s*[:：]|image\s*[:：]|▲|△|↑)/i;
const CAPTION_PAREN_RE = /^[（(](?:图片来源|图片|图|摄影|资料图|photo|file photo|image)[^）)]*[）)]$/i;
const CAPTION_CREDIT_RE = /[（(][^（）()]*(?:摄|供图|图片来源[^）)]*)[）)]$/;
const COMMENT_FORM_RE =
  /^(?:发表回复|发表评论|留下评论|留言|评论|提交评论|取消回复|回复|leave a (?:reply|comment)|post comment|submit comment|cancel reply|reply)$/i;
const COMMENT_NOTICE_RE =
  /您的(?:邮箱|电子邮件)地址不会被公开|必填项已用|在此浏览器中保存我的|your email address will not be published|required fields are marked|save my name, email/i;
const COMMENT_FIELD_RE = /^(?:名称|昵称|姓名|电子邮件|邮箱|站点|网站|网址|name|email|website)\s*\*?$/i;
const PREV_NEXT_RE = /^(?:上一篇|下一篇|上一条|下一条|上篇|下篇|previous(?: post| article)?|next(?: post| article)?)\s*[:：]|^[«‹←]\s*(?:previous|上一篇)|(?:next|下一篇)\s*[»›→]$/i;
const RELATED_RE =
  /^(?:相关文章|相关阅读|相关新闻|相关推荐|推荐阅读|延伸阅读|热门文章|热门推荐|最新文章|猜你喜欢|更多新闻|related(?: posts| articles| news)?|you may also like|read more|more news)\s*[:：]?$/i;
const SHARE_RE = /^(?:分享到|分享至|share (?:this|on|to)\b)|^(?:分享|share)\s*(?:[:：]|$)/i;
const COPYRIGHT_RE = /^(?:copyright|版权所有|©|\(c\)\s)|©|all rights reserved|版权所有/i;
const DISCLAIMER_RE = /^(?:免责声明|版权声明|特别声明|disclaimer)\s*[:：]/i;
const REPRINT_RE =
  /^(?:(?:本文|文章|内容)(?:转载自|转自|来自|来源于|摘自|系转载|为转载|由.{0,20}(?:整理|编辑|转载|发布))|转载自|转自|转载请注明|未经授权|未经许可)/;
const TAGS_RE = /^(?:标签|tags?|tagged)\s*(?:[:：]|$)/i;
const END_MARK_RE = /^[（(【\[]\s*(?:完|全文完|end)\s*[）)】\]]$/i;
const WRAPPING_PARENS_RE = /^[（(](.*)[）)]$/;
/** "（点击查看大图）", "[点击图片查看原图]", "Click to enlarge". */
const IMAGE_LINK_RE = /^[（(【\[]?\s*(?:点击(?:图片)?(?:查看|看|浏览)(?:大图|原图|高清大图|图片)|click (?:to|for) (?:enlarge|larger image|full image))\s*[）)】\]]?$/i;
/** "广告：…", "推广", "Advertisement". */
const AD_RE = /^(?:广告|推广|赞助|advertisement|sponsored(?: content)?|ad)\s*(?:[:：]|$)/i;
/** "Related: Some Other Story", "相关阅读：…": a related link on one line. */
const RELATED_INLINE_RE = /^(?:related(?: posts| articles| news| stories)?|相关(?:阅读|文章|新闻|报道)|延伸阅读|推荐阅读)\s*[:：]\s*\S/i;
const PAGE_TOOL_RE = /^(?:返回顶部|返回首页|返回列表|打印本页|关闭窗口|打印|关闭|收藏|纠错|(?:【[^】]{1,6}】\s*)+)$/;

/** True for a line of short menu items separated by `|` (or spaced `·`), or of short space-separated Chinese words. */
function isMenu(text: string): boolean {
  const items = text.split(MENU_SPLIT_RE).map((item) => item.trim()).filter((item) => item.length > 0);
  if (items.length >= 2 && items.every((item) => item.length <= 12 && !SENTENCE_PUNCT_RE.test(item))) return true;
  const words = text.split(/\s+/);
  return words.length >= 4 && words.every((word) => HAN_WORD_RE.test(word));
}

/** True for `当前位置：…` or `首页 > 新闻 > 国际` style trails. */
function isBreadcrumb(text: string): boolean {
  if (BREADCRUMB_LABEL_RE.test(text)) return true;
  const items = text.split(BREADCRUMB_SPLIT_RE).map((item) => item.trim());
  if (items.length < 2 || items.some((item) => item.length > 24 || SENTENCE_PUNCT_RE.test(item))) return false;
  return items.length >= 3 || HOME_RE.test(items[0] ?? "");
}

/** True for short `key：value` metadata lines (publication time, author, counters) and bare timestamps. */
function isMetaLine(line: string): boolean {
  // "（责任编辑：张三）" is the same metadata in parentheses.
  const text = WRAPPING_PARENS_RE.exec(line)?.[1] ?? line;
  if (text.length > 100 || text.includes("。")) return false;
  if (DATE_ONLY_RE.test(text) || META_START_RE.test(text)) return true;
  return (text.match(META_ANY_RE)?.length ?? 0) >= 2;
}

/** True for image captions and photo credits. */
function isCaption(text: string): boolean {
  if (CAPTION_PAREN_RE.test(text)) return true;
  return text.length <= 150 && (CAPTION_START_RE.test(text) || CAPTION_CREDIT_RE.test(text));
}

/** The chrome rules, first match wins; order matters where shapes overlap (a counter is also `key：value`). */
const CHROME_RULES: readonly ChromeRule[] = [
  { rule: "counter", test: (t) => COUNTER_RE.test(t) || COUNTER_AFTER_RE.test(t) },
  { rule: "comment-form", test: (t) => COMMENT_FORM_RE.test(t) || COMMENT_NOTICE_RE.test(t) || COMMENT_FIELD_RE.test(t) },
  { rule: "prev-next", test: (t) => t.length <= 150 && PREV_NEXT_RE.test(t) },
  { rule: "related", test: (t) => RELATED_RE.test(t) || (t.length <= 150 && RELATED_INLINE_RE.test(t)) },
  { rule: "image-link", test: (t) => IMAGE_LINK_RE.test(t) },
  { rule: "ad", test: (t) => t.length <= 150 && AD_RE.test(t) },
  { rule: "share", test: (t) => t.length <= 80 && SHARE_RE.test(t) },
  { rule: "copyright", test: (t) => t.length <= 150 && COPYRIGHT_RE.test(t) },
  { rule: "disclaimer", test: (t) => DISCLAIMER_RE.test(t) },
  { rule: "reprint", test: (t) => t.length <= 150 && REPRINT_RE.test(t) },
  { rule: "tags", test: (t) => t.length <= 150 && TAGS_RE.test(t) },
  { rule: "page-tool", test: (t) => PAGE_TOOL_RE.test(t) },
  { rule: "end-mark", test: (t) => END_MARK_RE.test(t) },
  { rule: "breadcrumb", test: isBreadcrumb },
  { rule: "nav-menu", test: isMenu },
  { rule: "image-caption", test: isCaption },
  { rule: "meta-line", test: isMetaLine },
];

/** Chrome is short: a longer line is story text, and is never run through the rules (which keeps them fast). */
const MAX_CHROME_LENGTH = 400;

/** Returns the name of the chrome rule a trimmed, non-empty line matches, or undefined for story text. */
export function matchChrome(text: string): string | undefined {
  if (text.length > MAX_CHROME_LENGTH) return undefined;
  return CHROME_RULES.find((rule) => rule.test(text))?.rule;
}

/** True for a bare related-links header ("Related:", "相关文章"): the lines under it, up to a blank line, are its links. */
export function isRelatedHeader(text: string): boolean {
  return RELATED_RE.test(text);
}
