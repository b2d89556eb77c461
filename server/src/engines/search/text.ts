/**
 * Chinese text for full-text search (pure: no I/O).
 *
 * PostgreSQL's parsers do not segment Chinese, and `pg_trgm` cannot use an index for
 * patterns under three characters (a two-character query such as 法治 would scan every
 * row). So the text is tokenised here and handed to PostgreSQL as a ready `tsvector`
 * (config `simple`, nothing further normalised):
 *
 * - every run of CJK characters gives its character bigrams, at consecutive positions
 *   (法治政府 → 法治:1 治政:2 政府:3), and its last character as a unigram so that a
 *   one-character query can match it (a prefix query 法:* matches both);
 * - the words `Intl.Segmenter('zh', { granularity: 'word' })` finds in the run, at the
 *   position of their first bigram (they weigh in the ranking: a whole-word hit counts
 *   twice);
 * - every other word (Latin letters, digits: document numbers, article numbers) as it
 *   is, lower-cased.
 *
 * A query is segmented the same way: each CJK run becomes a phrase of its bigrams
 * (`法治 <-> 治政 <-> 政府`, exactly the substring, whatever the segmenter would have
 * cut); terms separated by spaces are and'ed. The segmenter's words of the query only
 * rank (or'ed into the ranking query).
 * `ts_headline` cannot highlight bigram tokens, so snippets are built here around the
 * matched substrings, escaped for HTML.
 */

const CJK = /[\p{Script=Han}\u3005\u3007]/u;
const WORDISH = /[\p{L}\p{N}]/u;
/** tsvector positions stop at 16383; longer texts are indexed up to there. */
const MAX_POSITION = 16_383;
/** Text beyond this many characters is not indexed (a tsvector is at most 1 MB). */
export const MAX_INDEXED_CHARS = 60_000;
/** The segmenter is fast on short strings and slow on very long ones: runs are cut. */
const SEGMENT_CHUNK = 200;

const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

/** One character as indexed: NFKC (full-width Latin → ASCII), lower case; one code point in, one out. */
function normCharSlow(c: string): string {
  const n = c.normalize("NFKC").toLowerCase();
  return [...n].length === 1 ? n : c;
}

/**
 * normCharSlow, remembered per character (a text has a few thousand distinct ones at
 * most; normalising each occurrence was most of the tokenizer's time). Bounded: past
 * the limit, characters are normalised as before without being remembered.
 */
const NORM = new Map<string, string>();
const NORM_LIMIT = 100_000;
function normChar(c: string): string {
  let n = NORM.get(c);
  if (n === undefined) {
    n = normCharSlow(c);
    if (NORM.size < NORM_LIMIT) NORM.set(c, n);
  }
  return n;
}

/** The text as an array of normalised code points (same length as `[...text]`). */
export function normalizedChars(text: string): string[] {
  return [...text].map(normChar);
}

export type Run = { kind: "cjk" | "word"; text: string; start: number };

/** Runs of CJK characters and of other letters/digits, with their code-point offsets. */
export function runsOf(chars: readonly string[]): Run[] {
  const out: Run[] = [];
  let cur: Run | null = null;
  chars.forEach((c, i) => {
    const kind = CJK.test(c) ? "cjk" : WORDISH.test(c) ? "word" : null;
    if (kind && cur && cur.kind === kind) {
      cur.text += c;
      return;
    }
    if (cur) out.push(cur);
    cur = kind ? { kind, text: c, start: i } : null;
  });
  if (cur) out.push(cur);
  return out;
}

/** The segmenter's words (two characters or more) in a CJK run, with their offsets in it. */
function segmentRun(run: string): { word: string; at: number }[] {
  const out: { word: string; at: number }[] = [];
  const chars = [...run];
  for (let base = 0; base < chars.length; base += SEGMENT_CHUNK) {
    const chunk = chars.slice(base, base + SEGMENT_CHUNK).join("");
    let offset = 0;
    for (const s of segmenter.segment(chunk)) {
      const len = [...s.segment].length;
      if (s.isWordLike && len >= 2) out.push({ word: s.segment, at: base + offset });
      offset += len;
    }
  }
  return out;
}

/**
 * Runs already segmented: V8's segmenter costs ~50 µs a call and ~25 µs a segment, and
 * records repeat their runs (bodies, kinds, places, the words of a register's columns).
 * Short runs only (long ones rarely repeat); bounded, emptied when full.
 */
const WORDS = new Map<string, readonly { word: string; at: number }[]>();
const WORDS_LIMIT = 50_000;
const WORDS_MAX_RUN = 64;

/** The segmenter's words (two characters or more) in a CJK run, with their offsets in it. */
export function wordsOf(run: string): { word: string; at: number }[] {
  if (run.length < 2) return []; // one character: no word of two (a Han character is 1–2 code units)
  if (run.length > WORDS_MAX_RUN) return segmentRun(run);
  let words = WORDS.get(run);
  if (!words) {
    words = segmentRun(run);
    if (WORDS.size >= WORDS_LIMIT) WORDS.clear();
    WORDS.set(run, words);
  }
  return words.map((w) => ({ ...w }));
}

/** wordsOf for each of some runs. */
export function wordsOfRuns(runs: readonly string[]): { word: string; at: number }[][] {
  return runs.map(wordsOf);
}

export function bigramsOf(run: string): string[] {
  const chars = [...run];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
  return out;
}

/** A lexeme quoted for a tsvector / tsquery literal. */
function lexeme(s: string): string {
  return `'${s.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}

export type Weight = "A" | "B" | "C" | "D";

/**
 * The tsvector literal of some texts (e.g. the title with weight A, the body with D),
 * positions running on from one text to the next. Cast with `::tsvector`.
 */
export function tsvectorOf(parts: readonly { text: string; weight: Weight }[]): string {
  const positions = new Map<string, string[]>();
  let pos = 1;
  const add = (tok: string, p: number, w: Weight) => {
    if (!tok || p > MAX_POSITION) return;
    const list = positions.get(tok) ?? [];
    if (list.length < 256) list.push(`${p}${w === "D" ? "" : w}`);
    positions.set(tok, list);
  };
  for (const part of parts) {
    const chars = normalizedChars(part.text.slice(0, MAX_INDEXED_CHARS));
    for (const run of runsOf(chars)) {
      if (pos > MAX_POSITION) break;
      if (run.kind === "word") {
        add(run.text, pos, part.weight);
        pos += 1;
        continue;
      }
      const bigrams = bigramsOf(run.text);
      for (const [i, b] of bigrams.entries()) add(b, pos + i, part.weight);
      const last = [...run.text].at(-1) ?? "";
      add(last, pos + Math.max(0, bigrams.length - 1), part.weight);
      for (const w of wordsOf(run.text)) add(w.word, pos + w.at, part.weight);
      pos += Math.max(1, bigrams.length) + 1; // a gap: no phrase across runs
    }
  }
  return [...positions.entries()].map(([t, ps]) => `${lexeme(t)}:${ps.join(",")}`).join(" ");
}

export interface ParsedQuery {
  /** The tsquery literal (cast with `::tsquery`); empty when the query has nothing to search. */
  tsquery: string;
  /** The query the rank is computed with: the match, or'ed with the segmenter's words. */
  rankQuery: string;
  /** The normalised substrings to highlight, longest first. */
  terms: string[];
}

/** A user's query: terms separated by white space must all match; each term is a substring. */
export function parseQuery(q: string): ParsedQuery {
  const ands: string[] = [];
  const terms = new Set<string>();
  const extra = new Set<string>();
  for (const raw of q.split(/\s+/u)) {
    if (!raw) continue;
    const runs = runsOf(normalizedChars(raw));
    for (const run of runs) {
      terms.add(run.text);
      if (run.kind === "word") {
        ands.push(lexeme(run.text));
        continue;
      }
      const chars = [...run.text];
      if (chars.length === 1) {
        ands.push(`${lexeme(run.text)}:*`);
        continue;
      }
      const phrase = bigramsOf(run.text).map(lexeme).join(" <-> ");
      ands.push(phrase);
      // The segmenter's words only rank (a text holding them as whole words ranks higher).
      for (const w of wordsOf(run.text)) extra.add(lexeme(w.word));
    }
  }
  const tsquery = ands.join(" & ");
  return {
    tsquery,
    rankQuery: tsquery && extra.size ? `( ${tsquery} ) | ${[...extra].join(" | ")}` : tsquery,
    terms: [...terms].sort((a, b) => [...b].length - [...a].length),
  };
}

export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
}

/**
 * A snippet of `text` around the matched terms (about `width` characters), HTML-escaped,
 * each match wrapped in <mark>…</mark>. The window is the one holding the most distinct
 * terms; without any match, the start of the text.
 */
export function snippetOf(text: string, terms: readonly string[], width = 80): string {
  const chars = [...text];
  const norm = normalizedChars(text);
  const hits: { at: number; len: number; term: number }[] = [];
  const taken = new Array<boolean>(chars.length).fill(false);
  terms.forEach((term, ti) => {
    const t = [...term];
    if (t.length === 0) return;
    outer: for (let i = 0; i + t.length <= norm.length; i++) {
      for (let j = 0; j < t.length; j++) if (norm[i + j] !== t[j]) continue outer;
      for (let j = 0; j < t.length; j++) if (taken[i + j]) continue outer;
      for (let j = 0; j < t.length; j++) taken[i + j] = true;
      hits.push({ at: i, len: t.length, term: ti });
    }
  });
  hits.sort((a, b) => a.at - b.at);
  let start = 0;
  if (hits.length) {
    let best = -1;
    for (const h of hits) {
      const inWindow = new Set(
        hits.filter((x) => x.at >= h.at && x.at + x.len <= h.at + width).map((x) => x.term),
      );
      if (inWindow.size > best) {
        best = inWindow.size;
        start = h.at;
      }
    }
    start = Math.max(0, start - Math.floor(width / 4));
  }
  const end = Math.min(chars.length, start + width);
  let out = start > 0 ? "…" : "";
  let i = start;
  for (const h of hits) {
    if (h.at < i || h.at >= end) continue;
    out += escapeHtml(chars.slice(i, h.at).join(""));
    const stop = Math.min(end, h.at + h.len);
    out += `<mark>${escapeHtml(chars.slice(h.at, stop).join(""))}</mark>`;
    i = stop;
  }
  out += escapeHtml(chars.slice(i, end).join(""));
  if (end < chars.length) out += "…";
  return out.replace(/\s+/g, " ");
}

/** Whether any of the terms occurs in the text (as normalised). */
export function hasMatch(text: string, terms: readonly string[]): boolean {
  const norm = normalizedChars(text).join("");
  return terms.some((t) => t && norm.includes(t));
}
