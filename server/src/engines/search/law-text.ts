/**
 * The law texts (pure): a Markdown file of ../shared/laws/ (copied to server/laws/) as
 * articles. The format: `# title`, the history lines, `<!-- INFO END -->`, then
 * `## 第一章 …` / `### 第一节 …` headings and articles beginning a line with
 * `第六十三条 ` — the following paragraphs belong to the article until the next one.
 */

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** A Chinese numeral as written in article numbers (六十三 → 63, 一百零二 → 102, 十 → 10). */
export function chineseNumber(s: string): number | null {
  if (!s) return null;
  let total = 0;
  let digit: number | null = null;
  for (const c of s) {
    if (c in DIGITS) {
      digit = DIGITS[c] ?? 0;
    } else if (c in UNITS) {
      total += (digit ?? 1) * (UNITS[c] ?? 1);
      digit = null;
    } else {
      return null;
    }
  }
  return total + (digit ?? 0);
}

/** An article number as cited: 63 → 第六十三条. */
export function articleLabel(n: number): string {
  const d = "零一二三四五六七八九";
  const parts: string[] = [];
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  if (h) parts.push(`${d[h]}百`);
  if (t) parts.push(`${h === 0 && t === 1 ? "" : d[t]}十`);
  else if (h && u) parts.push("零");
  if (u) parts.push(d[u] ?? "");
  return `第${parts.join("")}条`;
}

export interface LawArticle {
  no: number;
  label: string;
  chapter: string | null;
  text: string;
}

export interface ParsedLaw {
  title: string;
  articles: LawArticle[];
}

const ARTICLE = /^第([零〇一二两三四五六七八九十百千]+)条[\s\u3000]+(.*)$/u;

export function parseLaw(markdown: string): ParsedLaw {
  const lines = markdown.split(/\r?\n/);
  const title = (lines.find((l) => l.startsWith("# ")) ?? "").slice(2).trim();
  const infoEnd = lines.findIndex((l) => l.includes("<!-- INFO END -->"));
  const articles: LawArticle[] = [];
  const headings: string[] = [];
  let current: LawArticle | null = null;
  for (const raw of lines.slice(infoEnd + 1)) {
    const line = raw.trim();
    if (!line) continue;
    const h = /^(#{1,4})\s+(.*)$/.exec(line);
    if (h) {
      const depth = (h[1] ?? "").length;
      headings.length = Math.max(0, depth - 2);
      if (depth >= 2) headings.push((h[2] ?? "").replace(/\s+/g, " ").trim());
      current = null;
      continue;
    }
    const a = ARTICLE.exec(line);
    const no = a ? chineseNumber(a[1] ?? "") : null;
    // An article starts a line with the next number; a paragraph that happens to begin
    // with 第…条 (e.g. quoting another article) does not.
    if (a && no !== null && (articles.length === 0 || no > (articles.at(-1)?.no ?? 0))) {
      current = {
        no,
        label: `第${a[1]}条`,
        chapter: headings.length ? headings.join(" ") : null,
        text: (a[2] ?? "").trim(),
      };
      articles.push(current);
      continue;
    }
    if (current) current.text += `\n${line}`;
  }
  return { title, articles };
}
