import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { normalizedChars, runsOf, wordsOfRuns } from "./text.ts";

/**
 * The tokenizer's two shortcuts (issue 9) give exactly the answers of the plain way, on
 * every law of the library and on generated text: characters normalised through a
 * memo, and the segmenter's words of a run remembered (and none sought in a run of one
 * character).
 */

const LAWS = path.join(path.dirname(fileURLToPath(import.meta.url)), "../../../laws");
const lawTexts = fs
  .readdirSync(LAWS)
  .filter((f) => f.endsWith(".md"))
  .map((f) => fs.readFileSync(path.join(LAWS, f), "utf8"));

// The plain way, as the tokenizer did it before.
const segmenter = new Intl.Segmenter("zh", { granularity: "word" });
function plainNorm(c: string): string {
  const n = c.normalize("NFKC").toLowerCase();
  return [...n].length === 1 ? n : c;
}
function plainWords(run: string): { word: string; at: number }[] {
  const out: { word: string; at: number }[] = [];
  const chars = [...run];
  for (let base = 0; base < chars.length; base += 200) {
    const chunk = chars.slice(base, base + 200).join("");
    let offset = 0;
    for (const s of segmenter.segment(chunk)) {
      const len = [...s.segment].length;
      if (s.isWordLike && len >= 2) out.push({ word: s.segment, at: base + offset });
      offset += len;
    }
  }
  return out;
}

/** Deterministic text: Han, full-width and Latin letters, digits, punctuation, spaces. */
function generated(seed: number, n: number): string {
  let x = seed;
  const next = () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x;
  };
  const pools = [
    "法治政府建设行政执法监督复议决定处罚许可人民调解委员会市场监督管理局龙武隆区",
    "ＡＢＣａｂｃ１２３〇々",
    "abcXYZ0123456789",
    "，。、；：（）《》“”\n \t-_/",
    "\u{20000}\u{2A700}丽豈更車",
  ];
  let s = "";
  for (let i = 0; i < n; i++) {
    const pool = [...pools[next() % pools.length]!];
    const len = 1 + (next() % 12);
    for (let j = 0; j < len; j++) s += pool[next() % pool.length];
  }
  return s;
}

describe("the tokenizer's shortcuts", () => {
  const texts = [...lawTexts, ...Array.from({ length: 200 }, (_, i) => generated(i + 1, 60))];

  it("normalises every character as NFKC and lower case did", () => {
    for (const text of texts) {
      expect(normalizedChars(text)).toEqual([...text].map(plainNorm));
    }
  });

  it("finds the same words in every run, remembered or not (twice: the second time from memory)", () => {
    let runs = 0;
    for (const text of texts) {
      const cjk = runsOf(normalizedChars(text))
        .filter((r) => r.kind === "cjk")
        .map((r) => r.text);
      runs += cjk.length;
      const plain = cjk.map(plainWords);
      expect(wordsOfRuns(cjk)).toEqual(plain);
      expect(wordsOfRuns(cjk)).toEqual(plain);
    }
    expect(runs).toBeGreaterThan(10_000);
  });
});
