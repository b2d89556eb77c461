import { type FieldError, t } from "./errors.ts";

/**
 * Text on the write path. Every string a client sends (JSON bodies, query strings,
 * path parameters, imported cells) goes through `cleanText` before it is validated,
 * stored or hashed:
 *
 * - NUL (U+0000) is refused: PostgreSQL text cannot hold it (the write would fail with
 *   a 500), and it truncates strings in C tools reading an export.
 * - A lone surrogate (U+D800–U+DFFF not in a pair) is refused: it is not a Unicode
 *   scalar value, so it has no UTF-8 encoding. The driver would store U+FFFD while the
 *   audit chain hashed the surrogate, and `fazhi audit verify` would report honest data
 *   as edited forever (issue 8).
 * - Everything else is normalised to NFC (Unicode Standard Annex #15), so that the
 *   same name typed on two input methods is stored, searched and hashed as one string.
 *
 * Pure: no I/O.
 */

export type TextProblem = "nul" | "lone_surrogate";

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why `s` cannot be stored, or undefined if it can. */
export function textProblem(s: string): TextProblem | undefined {
  if (s.includes("\u0000")) return "nul";
  if (LONE_SURROGATE.test(s)) return "lone_surrogate";
  return undefined;
}

export function problemMessage(p: TextProblem) {
  return p === "nul"
    ? t("不得包含空字符（U+0000）", "must not contain the NUL character (U+0000)")
    : t(
        "包含无效的 Unicode 字符（孤立的代理项）",
        "contains an invalid Unicode character (a lone surrogate)",
      );
}

/** The NFC form of `s`; throws nothing (check `textProblem` first). */
export function normaliseText(s: string): string {
  // ASCII is already NFC: skip the work for the common case.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the range is the point
  return /^[\u0000-\u007f]*$/.test(s) ? s : s.normalize("NFC");
}

export interface CleanResult<T> {
  value: T;
  problems: FieldError[];
}

const MAX_DEPTH = 64;

/**
 * Walk a parsed JSON value (or a query/params object) and return a copy with every
 * string — values and object keys — in NFC, and a problem per field holding NUL or a
 * lone surrogate, the field named by its dotted path (as validation errors name it;
 * `root` names a top-level string).
 */
export function cleanText<T>(value: T, root: string): CleanResult<T> {
  const problems: FieldError[] = [];
  const walk = (v: unknown, path: string, depth: number): unknown => {
    if (typeof v === "string") {
      const p = textProblem(v);
      if (p) {
        problems.push({ field: path || root, message: problemMessage(p) });
        return v;
      }
      return normaliseText(v);
    }
    if (v === null || typeof v !== "object" || depth > MAX_DEPTH) return v;
    if (Array.isArray(v)) {
      return v.map((x, i) => walk(x, path ? `${path}.${i}` : String(i), depth + 1));
    }
    // Bytes and streams are not text (uploads are checked by their own rules). Other
    // objects are records, whatever their prototype (the query-string parser makes
    // objects without Object.prototype).
    if (ArrayBuffer.isView(v) || typeof (v as { pipe?: unknown }).pipe === "function") return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      const kp = textProblem(k);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what is replaced
      const name = kp ? k.replace(/[\u0000\ud800-\udfff]/g, "?") : k;
      const childPath = path ? `${path}.${name}` : name;
      if (kp) {
        problems.push({ field: childPath, message: problemMessage(kp) });
        continue;
      }
      out[normaliseText(k)] = walk(x, childPath, depth + 1);
    }
    return out;
  };
  const cleaned = walk(value, "", 0) as T;
  return { value: cleaned, problems };
}
