/**
 * Legal citations as a user reads them. Declarations write their legal basis for the
 * people who maintain them — "行政处罚法(2021) art. 64 (一): 告知后五日内提出; art. 85:
 * 工作日 [R]" — and messages shown to a user cite the law in the Chinese form
 * (《中华人民共和国行政处罚法》第六十四条第（一）项、第八十五条: `Citation`, `renderCitationsZh`,
 * the one Chinese renderer); the English side keeps the
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
  人民调解法: "中华人民共和国人民调解法",
  代表法: "中华人民共和国全国人民代表大会和地方各级人民代表大会代表法",
  全国人民代表大会和地方各级人民代表大会代表法:
    "中华人民共和国全国人民代表大会和地方各级人民代表大会代表法",
  监督法: "中华人民共和国各级人民代表大会常务委员会监督法",
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
const DOC_NO = /[\u4e00-\u9fff]{1,10}〔\d{4}〕\d+号|总局令第\d+号|GB(?:\/T)? ?\d+(?:-\d{4})?/g;

/**
 * One cited provision, structured: the law (its short name as declarations write it,
 * 行政处罚法), the version applied (the year of the text, when the basis names one), the
 * article (with the last article of a range, arts. 87–95), the paragraph (款) and the
 * item (项, 1 for （一）). Several items of one article are several citations.
 */
export interface Citation {
  law: string;
  version?: string;
  article: number;
  articleTo?: number;
  paragraph?: number;
  item?: number;
}

/**
 * The versions of a law in force today, which a citation names without a year; an older
 * text is named with its year and kind (《中华人民共和国行政处罚法》（2017年修正）).
 */
const CURRENT: Record<string, string> = {
  行政处罚法: "2021",
  行政复议法: "2023",
  民事诉讼法: "2023",
};
/** How an older version came about (修正 or 修订); unknown ones show the year only. */
const VERSION_KIND: Record<string, Record<string, string>> = {
  行政处罚法: { "2009": "修正", "2017": "修正" },
  民事诉讼法: { "2012": "修正", "2017": "修正", "2021": "修正" },
  行政复议法: { "2017": "修正" },
};

const ITEM_NUMBERS = "一二三四五六七八九十";
const itemNumber = (zh: string): number =>
  zh === "十"
    ? 10
    : zh.startsWith("十")
      ? 10 + ITEM_NUMBERS.indexOf(zh[1] ?? "") + 1
      : ITEM_NUMBERS.indexOf(zh) + 1;

/**
 * The provisions a basis cites, in order; an article without a law takes the law cited
 * before it. Text that is no citation (the maintainers' notes, quotations) is skipped.
 */
export function parseCitations(basis: string): Citation[] {
  const out: Citation[] = [];
  let law: string | undefined;
  let year: string | undefined;
  for (const m of basis.matchAll(REF)) {
    const [, short, version, oldText, from, to, parenPara, para, items] = m;
    if (short) {
      law = short;
      year = version;
    }
    if (!law) continue;
    const base: Citation = { law, article: Number(from) };
    const v = oldText ?? year;
    if (v) base.version = v;
    if (to) base.articleTo = Number(to);
    const p = para ?? parenPara;
    if (p) base.paragraph = Number(p);
    const list = (items ?? "").match(/[一二三四五六七八九十]+/g) ?? [];
    if (list.length === 0) out.push(base);
    for (const it of list) out.push({ ...base, item: itemNumber(it) });
  }
  return out;
}

/** 《中华人民共和国行政处罚法》, with the version when it is not the one in force. */
export function lawTitleZh(law: string, version?: string): string {
  const full = FULL_TITLES[law] ?? law;
  if (!version || CURRENT[law] === version) return `《${full}》`;
  return `《${full}》（${version}年${VERSION_KIND[law]?.[version] ?? ""}）`;
}

function provisionZh(c: Citation, sameArticle: boolean): string {
  let s = "";
  if (!sameArticle) {
    s = `第${chineseNumeral(c.article)}条`;
    if (c.articleTo) s += `至第${chineseNumeral(c.articleTo)}条`;
    if (c.paragraph) s += `第${chineseNumeral(c.paragraph)}款`;
  }
  if (c.item) s += `第（${chineseNumeral(c.item)}）项`;
  return s;
}

/**
 * The one Chinese form of citations: 《中华人民共和国行政处罚法》第六十七条第三款; provisions
 * of one law joined by 、 under one title (第六十四条第（一）项、第八十五条), items of one
 * article after it (第十八条第（二）项、第（三）项), laws joined by ；.
 */
export function renderCitationsZh(cs: readonly Citation[]): string {
  const parts: string[] = [];
  let lastTitle = "";
  let last: Citation | undefined;
  for (const c of cs) {
    const head = lawTitleZh(c.law, c.version);
    const same =
      head === lastTitle &&
      last !== undefined &&
      last.article === c.article &&
      last.articleTo === c.articleTo &&
      last.paragraph === c.paragraph &&
      last.item !== undefined &&
      c.item !== undefined;
    if (head === lastTitle) parts[parts.length - 1] += `、${provisionZh(c, same)}`;
    else parts.push(`${head}${provisionZh(c, false)}`);
    lastTitle = head;
    last = c;
  }
  return parts.join("；");
}

/** The English form of citations: "行政处罚法 (2021) art. 67 para. 3 (item 1)". */
export function renderCitationsEn(cs: readonly Citation[]): string {
  return cs
    .map((c) => {
      let s = `${c.law}${c.version ? ` (${c.version})` : ""} art. ${c.article}`;
      if (c.articleTo)
        s = `${c.law}${c.version ? ` (${c.version})` : ""} arts. ${c.article}–${c.articleTo}`;
      if (c.paragraph) s += ` para. ${c.paragraph}`;
      if (c.item) s += ` item ${c.item}`;
      return s;
    })
    .join("; ");
}

/**
 * A legal basis as a declaration states it: the provisions, structured (`cites`), the
 * documents cited by number without an article (`docs`: 国办发〔2018〕118号), and the
 * maintainers' note — how the default was chosen, what varies between provinces, the
 * source markers ([R] recalled, [P] read, [S] secondary, [I] inferred). The note is for
 * the office (a tooltip, the documentation), never the text a user reads: screens,
 * messages and documents show `citeZh(basis)`, the one Chinese form.
 */
export interface Basis {
  readonly cites: readonly Citation[];
  readonly docs?: readonly string[];
  readonly note?: string;
}

/**
 * A basis as engines accept it: declared (`Basis`), or text — a local rule typed by the
 * office, or a citation already in Chinese form. A declaration never writes the
 * maintainers' form ("行政处罚法(2021) art. 60") as bare text (server/test/engines/
 * declared-basis.test.ts walks every declared setting and legal basis).
 */
export type BasisLike = Basis | string;

export function isBasis(b: unknown): b is Basis {
  return typeof b === "object" && b !== null && Array.isArray((b as Basis).cites);
}

/** Several bases as one (a time limit resting on two provisions): citations in order, notes joined. */
export function joinBasis(...bs: readonly BasisLike[]): Basis {
  const cites: Citation[] = [];
  const docs: string[] = [];
  const notes: string[] = [];
  for (const b of bs) {
    if (isBasis(b)) {
      cites.push(...b.cites);
      docs.push(...(b.docs ?? []));
      if (b.note) notes.push(b.note);
    } else if (b) {
      cites.push(...parseCitations(b));
      docs.push(...(b.match(DOC_NO) ?? []));
      notes.push(b);
    }
  }
  // The same provision cited twice (two rules resting on one paragraph) is cited once.
  const seen = new Set<string>();
  const unique = cites.filter((c) => {
    const key = JSON.stringify([c.law, c.version, c.article, c.articleTo, c.paragraph, c.item]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const out: { cites: Citation[]; docs?: string[]; note?: string } = { cites: unique };
  if (docs.length) out.docs = [...new Set(docs)];
  if (notes.length) out.note = notes.join("; ");
  return out;
}

/**
 * The Chinese form of a basis: its citations rendered (renderCitationsZh), then the
 * documents it cites by number. Text citing no article (e.g. 国办发〔2018〕118号) gives its
 * document numbers, or "" when it has none.
 */
export function citeZh(basis: BasisLike): string {
  if (isBasis(basis)) {
    return [renderCitationsZh(basis.cites), ...(basis.docs ?? [])].filter(Boolean).join("；");
  }
  const cs = parseCitations(basis);
  // Text already in Chinese form (《…》第…条, as a declared basis travels) is itself.
  if (cs.length === 0 && basis.includes("《")) return basis.trim();
  if (cs.length === 0) return [...new Set(basis.match(DOC_NO) ?? [])].join("、");
  return renderCitationsZh(cs);
}

/**
 * A basis as text, where it leaves the declarations (the API, a stored extension, a
 * deadline): a declared basis in its Chinese form; text as it is.
 */
export function basisText(basis: BasisLike): string {
  return isBasis(basis) ? citeZh(basis) || citeEn(basis) : basis;
}

/** The English form: the citations of a declared basis, or the text without the maintainers' source markers. */
export function citeEn(basis: BasisLike): string {
  if (isBasis(basis)) {
    return [renderCitationsEn(basis.cites), ...(basis.docs ?? [])].filter(Boolean).join("; ");
  }
  return basis
    .replace(/\s*\[(?:R|P|S|I|setting)\]/g, "")
    .replace(/\s*[(（]settings?\s[^)）]*[)）]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The basis as a Chinese message names it: its Chinese form, or — text the renderer cannot
 * read (a local rule typed by the office) — the text as written, without source markers.
 */
export function citeShown(basis: BasisLike): string {
  return citeZh(basis) || citeEn(basis);
}

/** The maintainers' text of a basis (a tooltip for the office): its note, or the text itself. */
export function basisNote(basis: BasisLike): string {
  return isBasis(basis) ? (basis.note ?? citeEn(basis)) : basis;
}

/** Both forms of a basis, for a message: `t(\`…（${c.zh}）\`, \`… (${c.en})\`)`. */
export function cite(basis: BasisLike): Text {
  return t(citeZh(basis), citeEn(basis));
}

/** "（依据《…》第…条）" to append to a Chinese message, or "" when nothing is cited. */
export function basisZh(basis: BasisLike): string {
  const c = citeZh(basis);
  return c ? `（依据${c}）` : "";
}

/** " (basis)" to append to an English message. */
export function basisEn(basis: BasisLike): string {
  const c = citeEn(basis);
  return c ? ` (${c})` : "";
}
