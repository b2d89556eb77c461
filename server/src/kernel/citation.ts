/**
 * Legal citations as a user reads them. Declarations write their legal basis for the
 * people who maintain them — "行政处罚法(2021) art. 64 (一): 告知后五日内提出; art. 85:
 * 工作日 [R]" — and messages shown to a user cite the law in the Chinese form
 * (《中华人民共和国行政处罚法》第六十四条第（一）项、第八十五条); the English side keeps the
 * basis without the maintainers' source markers ([R], [P], [S], [I]).
 *
 * Pure: no I/O. Unknown text is left out of the Chinese form rather than shown half
 * translated; a basis that cites no article (e.g. 国办发〔2018〕118号) keeps its
 * document number.
 */
import { type Text, t } from "./errors.ts";

/** Short names as declarations write them → the law's full title. */
const FULL_TITLES: Record<string, string> = {
  行政处罚法: "中华人民共和国行政处罚法",
  行政强制法: "中华人民共和国行政强制法",
  行政许可法: "中华人民共和国行政许可法",
  行政复议法: "中华人民共和国行政复议法",
  行政诉讼法: "中华人民共和国行政诉讼法",
  民事诉讼法: "中华人民共和国民事诉讼法",
  立法法: "中华人民共和国立法法",
  未成年人保护法: "中华人民共和国未成年人保护法",
  个人信息保护法: "中华人民共和国个人信息保护法",
  政府信息公开条例: "中华人民共和国政府信息公开条例",
};

const DIGITS = "〇一二三四五六七八九";

/** 1 → 一, 10 → 十, 64 → 六十四, 103 → 一百零三, 110 → 一百一十 (1–999). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) return String(n);
  const h = Math.floor(n / 100);
  const rest = n % 100;
  const tens = Math.floor(rest / 10);
  const ones = rest % 10;
  let out = h > 0 ? `${DIGITS[h]}百` : "";
  if (tens > 0) out += `${tens === 1 && h === 0 ? "" : DIGITS[tens]}十`;
  else if (h > 0 && ones > 0) out += "零";
  if (ones > 0) out += DIGITS[ones];
  return out;
}

const LAW = "([\\u4e00-\\u9fff]{2,30}?(?:法|条例|规定|办法|规则|细则))";
const VERSION = "(?:\\s*[(（](\\d{4})[^)）]*[)）])?";
const ARTICLE =
  "(?:(\\d{4}) text )?arts?\\.\\s*(\\d+)(?:\\s*[–-]\\s*(\\d+))?(?:\\s*\\((\\d+)\\))?(?:\\s*para\\.\\s*(\\d+))?((?:\\s*\\([一二三四五六七八九十]+\\))*)";
const REF = new RegExp(`(?:${LAW}${VERSION}\\s*)?${ARTICLE}`, "g");
const DOC_NO = /[\u4e00-\u9fff]{1,10}〔\d{4}〕\d+号|总局令第\d+号/g;

function title(short: string, year: string | undefined): string {
  const full = FULL_TITLES[short] ?? short;
  return `《${full}》${year ? `（${year}年）` : ""}`;
}

function article(m: RegExpExecArray): string {
  const [, , , , from, to, parenPara, para, items] = m;
  let s = `第${chineseNumeral(Number(from))}条`;
  if (to) s += `至第${chineseNumeral(Number(to))}条`;
  const p = para ?? parenPara;
  if (p) s += `第${chineseNumeral(Number(p))}款`;
  for (const it of (items ?? "").match(/[一二三四五六七八九十]+/g) ?? []) s += `第（${it}）项`;
  return s;
}

/**
 * The Chinese form of a basis: every cited article with its law's full title, in order,
 * an article without a law taking the law cited before it. A basis citing no article
 * gives its document numbers (国办发〔2018〕118号), or "" when it has none.
 */
export function citeZh(basis: string): string {
  const parts: string[] = [];
  let law: string | undefined;
  let year: string | undefined;
  let lastTitle = "";
  for (const m of basis.matchAll(REF)) {
    const [, short, version, oldText] = m;
    if (short) {
      law = short;
      year = version;
    }
    if (!law) continue;
    const head = title(law, oldText ?? year);
    const art = article(m as RegExpExecArray);
    if (head === lastTitle) parts[parts.length - 1] += `、${art}`;
    else parts.push(`${head}${art}`);
    lastTitle = head;
  }
  if (parts.length === 0) return [...new Set(basis.match(DOC_NO) ?? [])].join("、");
  return parts.join("；");
}

/** The English form: the basis without the maintainers' source markers. */
export function citeEn(basis: string): string {
  return basis
    .replace(/\s*\[(?:R|P|S|I|setting)\]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Both forms of a basis, for a message: `t(\`…（${c.zh}）\`, \`… (${c.en})\`)`. */
export function cite(basis: string): Text {
  return t(citeZh(basis), citeEn(basis));
}

/** "（依据《…》第…条）" to append to a Chinese message, or "" when nothing is cited. */
export function basisZh(basis: string): string {
  const c = citeZh(basis);
  return c ? `（依据${c}）` : "";
}

/** " (basis)" to append to an English message. */
export function basisEn(basis: string): string {
  const c = citeEn(basis);
  return c ? ` (${c})` : "";
}
