/**
 * Placeholders in a draft's narrative (pure): `{{key}}` a live figure, `{{key=typed}}` a
 * figure the writer typed, `{{year}}` / `{{prev_year}}`.
 */
export type Part = { kind: "text"; text: string } | { kind: "figure"; key: string; typed?: string };

const PLACEHOLDER = /\{\{\s*([a-z][a-z0-9_]*)\s*(?:=\s*([^}]*?)\s*)?\}\}/g;

/** Splits a paragraph into text and placeholders; year tokens become text. */
export function parseParts(text: string, year: number): Part[] {
  const parts: Part[] = [];
  let last = 0;
  const push = (t: string) => {
    if (!t) return;
    const prev = parts.at(-1);
    if (prev?.kind === "text") prev.text += t;
    else parts.push({ kind: "text", text: t });
  };
  for (const m of text.matchAll(PLACEHOLDER)) {
    push(text.slice(last, m.index));
    last = (m.index ?? 0) + m[0].length;
    const key = m[1]!;
    if (key === "year" && m[2] === undefined) push(String(year));
    else if (key === "prev_year" && m[2] === undefined) push(String(year - 1));
    else parts.push({ kind: "figure", key, ...(m[2] !== undefined ? { typed: m[2] } : {}) });
  }
  push(text.slice(last));
  return parts;
}

/** The placeholder keys a text names (figures only). */
export function placeholderKeys(text: string): string[] {
  return parseParts(text, 2000)
    .filter((p) => p.kind === "figure")
    .map((p) => (p as { key: string }).key);
}
