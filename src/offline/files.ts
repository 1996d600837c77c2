// Names shared by the build and the service worker (this module is bundled into sw.js: keep it free of Node imports).

/** The list of every file of the search bundle, inside `pagefind/`, which the worker fetches for offline search. */
export const SEARCH_FILE_LIST = "duet-files.json";

/** The cache the worker keeps the search bundle in, when it is not precached. */
export const SEARCH_CACHE = "duet-search";
