// Search page: runs the query from ?q= (and from the header box as the reader types) against Pagefind.
const root = document.getElementById("search");
const input = document.getElementById("site-search");
const status = root.querySelector(".search-status");
const list = root.querySelector(".search-results");
const pagefind = await import(`${root.dataset.bundle}pagefind.js`);
await pagefind.options({ baseUrl: root.dataset.base });

let latest = 0;

/** Runs one query and shows its results; a slower earlier query never overwrites a newer one. */
async function run(query) {
  const ticket = ++latest;
  const search = query.trim() === "" ? null : await pagefind.search(query);
  const results = search ? await Promise.all(search.results.slice(0, 20).map((r) => r.data())) : [];
  if (ticket !== latest) return;
  list.replaceChildren(...results.map(toItem));
  status.textContent = search && results.length === 0 ? root.dataset.noResults : "";
}

/** One result: a link to the page with its date; text only, never HTML from the index. */
function toItem(result) {
  const item = document.createElement("li");
  const link = document.createElement("a");
  link.href = result.url;
  link.textContent = result.meta.title ?? result.url;
  item.append(link);
  if (result.meta.date) {
    const date = document.createElement("span");
    date.className = "result-date";
    date.textContent = ` ${result.meta.date}`;
    item.append(date);
  }
  return item;
}

const initial = new URLSearchParams(location.search).get("q") ?? "";
input.value = initial;
let timer;
input.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(() => {
    const url = new URL(location.href);
    url.searchParams.set("q", input.value);
    history.replaceState(null, "", url);
    run(input.value);
  }, 150);
});
run(initial);
