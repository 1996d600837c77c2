import { test } from "uvu";
import * as assert from "uvu/assert";
import { fullWidthPunctuation as fw, MARKUP_MARK, OPAQUE_MARK } from "../src/shared/cjk-punctuation.ts";
import { displayHtml, displayText } from "../src/render/typography.ts";
import { renderBody } from "../src/render/index.ts";

/** Each case: source text, what a Chinese reader is shown. */
const CASES: [string, string][] = [
  // A mark after a Han character becomes full-width; spaces after it go (full-width marks carry their own).
  ["1月29日,中国外交部发言人说:美方应停止。", "1月29日，中国外交部发言人说：美方应停止。"],
  ["中国, 美国; 日本", "中国，美国；日本"],
  ["真的吗?", "真的吗？"],
  // Repeated marks: each follows a now full-width one.
  ["真的?!", "真的？！"],
  ["太好了!!", "太好了！！"],
  // A comma between Han and a Latin word, or a Latin word and Han, stands in Chinese text.
  ["中国,US", "中国，US"],
  ["他使用了AI,但是没用", "他使用了AI，但是没用"],
  ["CEO:我们会继续", "CEO：我们会继续"],
  // Parentheses: full-width when the content is Chinese or they open right after Chinese.
  ["人工智能(AI)模型", "人工智能（AI）模型"],
  ["人工智能 (AI) 模型", "人工智能（AI）模型"],
  ["AI (人工智能) 很火", "AI（人工智能）很火"],
  ["他说(in English), ok", "他说（in English），ok"],
  ["中国, (AI)", "中国，（AI）"],
  ["AI,(中文)", "AI，（中文）"],
  // …and half-width around pure Latin or number content not opened by Chinese.
  ["GDP (gross domestic product) 增长", "GDP (gross domestic product) 增长"],
  ["(1)第一条", "(1)第一条"],
  // Numbers: thousands, decimals, times and ratios keep their marks.
  ["共1,000人,增长3.5%", "共1,000人，增长3.5%"],
  ["上午10:30开会,比分3:2", "上午10:30开会，比分3:2"],
  ["时间:10:30", "时间：10:30"],
  // URLs, also inside Chinese text, code spans and emoticons are never touched.
  ["详见https://example.com/a,b。再见", "详见https://example.com/a,b。再见"],
  ["访问www.example.com/x?a=1,b=2了解", "访问www.example.com/x?a=1,b=2了解"],
  ["代码`a,b`里,不改", "代码`a,b`里，不改"],
  ["哈哈:) 太好了(^_^)", "哈哈:) 太好了(^_^)"],
  ["难过:( 唉(T_T)", "难过:( 唉(T_T)"],
  ["开心;-)好", "开心;-)好"],
  ["哈哈:)太好了", "哈哈:)太好了"],
  ["说明:(中文)", "说明：（中文）"],
  ["比如:(1)第一", "比如：（1）第一"],
  // Quotes, dots and ellipses are left as they are.
  ['他说:"好"', '他说："好"'],
  ["等等...好吧", "等等...好吧"],
  // Already full-width text, and English, are unchanged.
  ["（已经）全角，没问题：好！", "（已经）全角，没问题：好！"],
  ["Hello, world! (AI) is here: yes; really?", "Hello, world! (AI) is here: yes; really?"],
  ["Revenue rose 3.5% to $1,000 at 10:30 (UTC).", "Revenue rose 3.5% to $1,000 at 10:30 (UTC)."],
  // English sentences inside Chinese text keep their marks.
  ["他引用了 Hello, world! 这句话", "他引用了 Hello, world! 这句话"],
  // Characters outside the BMP (CJK Extension B) count as Han.
  ["𠀀𠀁,好", "𠀀𠀁，好"],
];

for (const [input, expected] of CASES) {
  test(`fullWidthPunctuation: ${JSON.stringify(input)}`, () => {
    assert.is(fw(input), expected);
    assert.is(fw(fw(input)), fw(input), "idempotent");
  });
}

test("fullWidthPunctuation is idempotent on every mix of the marks around Han, Latin and digits", () => {
  const parts = ["中", "A", "1", ",", ":", ";", "?", "!", "(", ")", " ", ".", MARKUP_MARK];
  let seed = 7;
  for (let n = 0; n < 5000; n++) {
    let text = "";
    for (let k = 0; k < 8; k++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      text += parts[seed % parts.length];
    }
    assert.is(fw(fw(text)), fw(text), JSON.stringify(text));
  }
});

test("displayText changes Chinese versions only", () => {
  assert.is(displayText("zh", "中国,美国"), "中国，美国");
  assert.is(displayText("en", "中国,美国"), "中国,美国");
});

test("Markdown bodies: text nodes get full-width marks, code, link URLs and entities do not", () => {
  const { html } = renderBody({
    format: "markdown",
    text: "中国,美国 `a,b` [链接(说明)](https://example.com/a,b?x=1) 和https://example.org/p,q 以及 A&B;中文\n\n```\n代码,不改\n```",
    line: 1,
  });
  const shown = displayHtml("zh", html);
  assert.match(shown, /中国，美国 <code>a,b<\/code>/);
  assert.match(shown, /<a href="https:\/\/example.com\/a,b\?x=1">链接（说明）<\/a>/);
  assert.match(shown, />https:\/\/example.org\/p,q<\/a>/);
  assert.match(shown, /A&amp;B；中文/);
  assert.match(shown, /<pre><code>代码,不改\n<\/code><\/pre>/);
  assert.is(displayHtml("en", html), html);
  assert.is(displayHtml("zh", shown), shown, "idempotent");
});

test("Markdown bodies: marks are read across inline tags, which stay where they were", () => {
  const { html } = renderBody({ format: "markdown", text: "**外交部**:美方, *AI*,模型 人工智能(**AI**)模型 `x`,中文 [链接](https://example.com/a,b),好", line: 1 });
  assert.is(
    displayHtml("zh", html),
    '<p><strong>外交部</strong>：美方，<em>AI</em>，模型 人工智能（<strong>AI</strong>）模型 <code>x</code>，中文 <a href="https://example.com/a,b">链接</a>，好</p>\n',
  );
});

test("markup stand-ins: a tag is looked through, an opaque item counts as Latin, both come out in place", () => {
  assert.is(fw(`外交部${MARKUP_MARK},美方`), `外交部${MARKUP_MARK}，美方`);
  assert.is(fw(`${OPAQUE_MARK}, 中文`), `${OPAQUE_MARK}, 中文`);
  assert.is(fw(`${OPAQUE_MARK},中文`), `${OPAQUE_MARK}，中文`);
  assert.is(displayHtml("zh", `<p>中文,${MARKUP_MARK}</p>`), `<p>中文,${MARKUP_MARK}</p>`, "text holding a stand-in is shown as written");
});

test("time grows with the length of the text, not its square: a 150,000-character body takes well under a second", () => {
  const paragraph = "1月29日,外交部发言人在记者会上,就人工智能(**AI**)模型训练作出回应:详见https://example.com/a,b 。\n\n";
  const { html } = renderBody({ format: "markdown", text: paragraph.repeat(2000), line: 1 });
  const started = performance.now();
  const shown = displayHtml("zh", html);
  assert.ok(performance.now() - started < 1000, `took ${Math.round(performance.now() - started)} ms`);
  assert.ok(shown.startsWith("<p>1月29日，外交部发言人在记者会上，就人工智能（<strong>AI</strong>）模型训练作出回应：详见<a href=\"https://example.com/a,b\">https://example.com/a,b</a> 。</p>"), shown.slice(0, 160));
});

test.run();
