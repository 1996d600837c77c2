// JSON from outside the script (the page's attributes, fetched files), parsed into `unknown` for a guard to check.

/** The value `text` holds, unchecked; throws an error naming `what` when it is not JSON. */
export function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new Error(`${what} is not JSON`, { cause });
  }
}

/** Fetches `url` and returns its JSON body, unchecked; rejects on an HTTP error or a body that is not JSON. */
export async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return parseJson(await response.text(), url);
}
