/** The search engine: declarations, indexing hooks for the engines, queries, the law library. */
export { SEARCH_KIND_LABELS, SEARCH_KINDS, type SearchDecl, type SearchKind } from "./declare.ts";
export { ensureLawLibrary, LAW_DIR } from "./laws.ts";
export { publicSearch, type SearchHit, type SearchParams, SearchQuery, search } from "./query.ts";
export { indexCase, indexCaseRow, indexEntry, reindexAll } from "./records.ts";
export { searchRoutes } from "./routes.ts";
export { escapeHtml, parseQuery, snippetOf, tsvectorOf } from "./text.ts";
