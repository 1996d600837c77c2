import { test } from "uvu";
import * as assert from "uvu/assert";
import { matchChrome } from "../src/parse/raw/chrome.ts";
import { deriveZhTitle, looksLikeZhTitle } from "../src/parse/raw/derive-title.ts";
import { isSeparator, matchLabel, matchSource } from "../src/parse/raw/labels.ts";

test("chrome lines are recognised by shape, each with its rule", () => {
  const cases: [string, string][] = [
    ["首页 | 国内 | 国际 | 科技", "nav-menu"],
    ["Home | World | Tech", "nav-menu"],
    ["首页 国内 国际 科技 财经", "nav-menu"],
    ["当前位置：首页 > 新闻 > 国际", "breadcrumb"],
    ["首页 > 新闻", "breadcrumb"],
    ["发布时间：2024-01-29 作者：张三 阅读：123", "meta-line"],
    ["责任编辑：李四", "meta-line"],
    ["2024-01-29 10:30", "meta-line"],
    ["图为1月29日拍摄的会场。（新华社记者 李四摄）", "image-caption"],
    ["（图片来源：视觉中国）", "image-caption"],
    ["Views: 1", "counter"],
    ["阅读量：1,234", "counter"],
    ["发表回复", "comment-form"],
    ["您的邮箱地址不会被公开。 必填项已用 * 标注", "comment-form"],
    ["Your email address will not be published. Required fields are marked *", "comment-form"],
    ["上一篇：某某新闻", "prev-next"],
    ["下一篇：某某新闻", "prev-next"],
    ["相关文章", "related"],
    ["分享到：微信 微博", "share"],
    ["Copyright © 2024 Example News", "copyright"],
    ["© 2024 示例网", "copyright"],
    ["免责声明：本站内容仅供参考。", "disclaimer"],
    ["文章转载自某某日报", "reprint"],
    ["标签：AI, 美国", "tags"],
    ["返回顶部", "page-tool"],
    ["（完）", "end-mark"],
    ["（责任编辑：张三）", "meta-line"],
    ["（点击查看大图）", "image-link"],
    ["点击图片查看原图", "image-link"],
    ["广告：夏季空调特惠", "ad"],
    ["Advertisement", "ad"],
    ["Related:", "related"],
    ["Related: Port Expands", "related"],
    ["相关阅读：北湾港扩建", "related"],
    ["阅读：123", "counter"],
  ];
  assert.equal(cases.map(([line]) => [line, matchChrome(line)]), cases);
});

test("story text is not chrome", () => {
  for (const line of [
    "1月29日,中国外交部发言人汪文斌在例行记者会上,就有关问题作出回应。",
    "据介绍，今年春节期间图书馆还将推出古籍修复体验和亲子阅读活动。",
    "On January 29, Chinese Foreign Ministry spokesperson Wang Wenbin addressed the issue.",
    "Sources indicate that the US government is contemplating new restrictions.",
    "北川市举办国际马拉松赛",
    "Ad hoc committees met on Tuesday.",
    "Related parties signed the agreement on Monday.",
    "广告业收入同比增长百分之十二。",
  ]) {
    assert.is(matchChrome(line), undefined, line);
  }
});

test("labels: English or Chinese names, bold, either colon, any case, value inline or not", () => {
  assert.equal(matchLabel("News Title: “A”"), { kind: "title", lang: "en", value: "“A”", name: "news title" });
  assert.equal(matchLabel("**News Title:** A"), { kind: "title", lang: "en", value: "A", name: "news title" });
  assert.equal(matchLabel("**News Title**: A"), { kind: "title", lang: "en", value: "A", name: "news title" });
  assert.equal(matchLabel("news title：A"), { kind: "title", lang: "en", value: "A", name: "news title" });
  assert.equal(matchLabel("KEYWORDS: a, b"), { kind: "keywords", lang: "en", value: "a, b", name: "keywords" });
  assert.equal(matchLabel("英文关键词：a, b"), { kind: "keywords", lang: "en", value: "a, b", name: "英文关键词" });
  assert.equal(matchLabel("News content:"), { kind: "content", lang: "en", value: "", name: "news content" });
  assert.equal(matchLabel("英文新闻内容："), { kind: "content", lang: "en", value: "", name: "英文新闻内容" });
  assert.equal(matchLabel("标题：中文标题"), { kind: "title", lang: "any", value: "中文标题", name: "标题" });
  assert.equal(matchLabel("内容:"), { kind: "content", lang: "any", value: "", name: "内容" });
  assert.is(matchLabel("Titles are hard to write."), undefined);
});

test("separators: Chinese and English phrases, either colon; labels are not separators", () => {
  for (const line of ["英语如下:", "英文翻译：", "English version:", "以下为英文版：", "以下是英文翻译", "**English Version**"]) {
    assert.ok(isSeparator(line), line);
  }
  for (const line of ["英文标题: A", "English is spoken here.", "News Title: English"]) assert.not.ok(isSeparator(line), line);
});

test("source lines: 【来源】, 来源：, 原文链接： with a URL; any scheme is returned as written", () => {
  assert.is(matchSource("【来源】https://a.example/x"), "https://a.example/x");
  assert.is(matchSource("来源 ： http://a.example/x"), "http://a.example/x");
  assert.is(matchSource("原文链接：https://a.example/x"), "https://a.example/x");
  assert.is(matchSource("来源：javascript:alert(1)"), "javascript:alert(1)");
  assert.is(matchSource("来源：新华社"), undefined);
});

test("derived titles: date phrases go, clauses are kept whole, trailing punctuation goes", () => {
  assert.is(deriveZhTitle("2024年1月29日，国家统计局发布数据，全国规模以上工业企业利润增长10%。"), "国家统计局发布数据，全国规模以上工业企业利润增长10%");
  assert.is(deriveZhTitle("1月29日,外交部发言人表示,中方坚决反对。"), "外交部发言人表示,中方坚决反对");
  assert.is(deriveZhTitle("新华社北京1月29日电（记者 张三）中国科学院宣布在量子计算领域取得重大突破。"), "中国科学院宣布在量子计算领域取得重大突破");
  const long = deriveZhTitle("1月29日，国务院总理李强主持召开国务院常务会议，研究部署进一步优化营商环境和促进民营经济发展壮大的若干措施。") ?? "";
  assert.is(long, "国务院总理李强主持召开国务院常务会议");
});

test("a written title is short, has no sentence punctuation and is not the lead", () => {
  assert.ok(looksLikeZhTitle("外交部回应美方限制云服务", "1月29日，外交部发言人在例行记者会上回应了有关问题。"));
  assert.not.ok(looksLikeZhTitle("1月29日，外交部表示", "长长的一段文字长长的一段文字。"));
  assert.not.ok(looksLikeZhTitle("外交部回应美方限制云服务。", "长长的一段文字长长的一段文字。"));
  assert.not.ok(looksLikeZhTitle("新华社北京1月29日电", "长长的一段文字长长的一段文字。"));
  assert.not.ok(looksLikeZhTitle("外交部回应美方限制云服务", undefined));
});

test.run();
