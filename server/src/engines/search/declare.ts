import type { Label } from "../../kernel/labels.ts";

/**
 * What a case type or a register declares for search (`search: { fields: [...] }`).
 * Without a declaration a record is still found by its title (and a case by its numbers).
 * Declared fields are indexed as text: strings, and the strings inside objects and lists
 * (a party's name). ID and phone numbers are never indexed (encrypted at rest; the
 * register's `encrypted` fields and a case's sealed people members are skipped).
 */
export interface SearchDecl {
  /** Field names whose text is searchable (besides the title). */
  fields?: readonly string[];
  /**
   * For a case type: whether its records are found as cases (default) or as documents
   * (normative documents, decisions — `--kind document`).
   */
  kind?: "case" | "document";
}

export const SEARCH_KINDS = ["law", "case", "register", "document"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const SEARCH_KIND_LABELS: Record<SearchKind, Label> = {
  law: { zh: "法律法规", en: "Laws and regulations" },
  case: { zh: "案件", en: "Cases" },
  register: { zh: "台账名录", en: "Registers" },
  document: { zh: "文件", en: "Documents" },
};
