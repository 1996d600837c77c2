// Suggestions for an empty result: the keywords closest to what the reader typed.

/** Han characters one by one (a reordered or partial word still shares them), other text as bigrams. */
function grams(text: string): Set<string> {
  const chars = [...text.toLowerCase().replace(/\s+/g, "")];
  if (chars.some((c) => /\p{Script=Han}/u.test(c))) return new Set(chars);
  if (chars.length < 2) return new Set(chars);
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return out;
}

/** The `limit` keywords most similar to `query` (Dice coefficient over character bigrams), best first. */
export function nearestKeywords(query: string, keywords: readonly string[], limit: number): string[] {
  const wanted = grams(query);
  if (wanted.size === 0) return [];
  return keywords
    .map((keyword) => {
      const have = grams(keyword);
      let shared = 0;
      for (const g of have) if (wanted.has(g)) shared++;
      return { keyword, score: (2 * shared) / (have.size + wanted.size) };
    })
    .filter((k) => k.score > 0)
    .sort((a, b) => b.score - a.score || a.keyword.localeCompare(b.keyword))
    .slice(0, limit)
    .map((k) => k.keyword);
}
