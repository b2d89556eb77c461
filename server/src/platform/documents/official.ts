/**
 * Official documents (公文) in the layout of GB/T 9704-2012 《党政机关公文格式》, written as
 * .docx with the `docx` library. See /work/shared/domain/official-documents.md.
 *
 * Page geometry (all in twips, 1/1440 inch; 1 mm = 56.69 twips):
 * - A4 11906 × 16838; type area (版心) 156 × 225 mm = 8844 × 12756.
 * - Margins: top 37 mm (2098), bottom 35 mm (1984), right 26 mm (1474), left (binding side)
 *   28 mm — written as 11906 − 1474 − 8844 = 1588 so the type area is exactly 156 mm.
 * - 22 lines × 28 characters of 3号 (16 pt) 仿宋_GB2312. Lines: an exact line spacing of
 *   ⌊12756 / 22⌋ = 579 twips (28.95 pt) on Normal and on every paragraph; the section's
 *   docGrid records the same pitch without snapping (a snapping grid makes LibreOffice give
 *   the 22 pt title lines two grid lines each). Characters: 28 × 16 pt = 448 pt does not fit the 442.2 pt line, so body
 *   text is condensed by 0.25 pt (w:spacing −5 twips): 28 × 15.75 pt = 441 pt, and justified
 *   lines take exactly 28 characters. (A `linesAndChars` grid with charSpace −849 does the
 *   same in Word, but LibreOffice gives every 16 pt character two 15.79 pt grid cells — 14
 *   a line — so the portable condensed spacing is used instead.)
 *
 * Fonts are named as the standard names them (仿宋_GB2312, 方正小标宋简体, 黑体,
 * 楷体_GB2312, 宋体) for every script, with the East Asian hint, so Word and WPS pick the
 * Chinese font; machines without them substitute (LibreOffice on Linux: Noto CJK).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  RelativeVerticalPosition,
  Tab,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";
import { ValidationError } from "../../kernel/errors.ts";
import { localDateProblem } from "../../kernel/time/local-date.ts";

// ─── The document model ─────────────────────────────────────────────────────────────

/** Heading levels of the standard (7.3.3): 一、 （一） 1. （1）. */
export type HeadingLevel = 1 | 2 | 3 | 4;

export type Block =
  /** A body paragraph (shorthand). */
  | string
  /** A body paragraph: 3号 仿宋, first-line indent 2 characters, justified. */
  | { kind: "paragraph"; text: string }
  /**
   * A heading. The sequence number (一、 （一） 1. （1）) is generated, counting within the
   * enclosing heading, unless `numbered` is false. `text` is the heading; `body`, if given,
   * runs on in the same paragraph in 仿宋 (as in "（一）加强领导。各单位要……").
   */
  | { kind: "heading"; level: HeadingLevel; text: string; body?: string; numbered?: boolean }
  /**
   * A simple table as wide as the type area: rows of cell texts, 4号 仿宋; the first row is
   * a header (黑体, centred) unless `header` is false. `widths` are relative column widths.
   */
  | { kind: "table"; rows: string[][]; header?: boolean; widths?: number[]; caption?: string }
  /** The attachment note (附件说明): 附件：1. … — names without final punctuation. */
  | { kind: "attachments"; items: string[] }
  | { kind: "pageBreak" };

export interface OfficialDocument {
  /** 发文机关标志, e.g. "重庆市武隆区人民政府文件" (red, centred, 小标宋). */
  issuerMark: string;
  /** 发文字号, e.g. "武隆府发〔2020〕12号" (see `documentNumber`). */
  number?: string;
  /** 签发人 (up-going documents): the number moves left, "签发人：name" stands right. */
  signer?: string;
  /** 标题; "\n" breaks the title where given (inverted trapezoid or diamond). */
  title: string;
  /** 主送机关; a final full-width colon is added if missing. */
  addressee?: string;
  body: Block[];
  /** 发文机关署名. */
  issuer: string;
  /** 成文日期: "2020年9月30日", or a LocalDate "2020-09-30" (formatted by formatChineseDate). */
  date: string;
  /** Whether the document is sealed: the signature block leaves room for the seal over it. */
  seal?: boolean;
  /** 附注 (put in full-width parentheses if not already). */
  note?: string;
  /** 抄送机关. */
  copyTo?: string[];
  /** 印发机关. */
  printedBy?: string;
  /** 印发日期: "2020年9月30日" or a LocalDate; "印发" is added. */
  printedOn?: string;
}

export interface RenderOptions {
  /**
   * Set third-level headings (1.) in bold. The standard sets levels 3 and 4 in plain
   * 仿宋 (7.3.3); some offices bold the third level by house style.
   */
  level3Bold?: boolean;
}

// ─── Helpers that modules use ───────────────────────────────────────────────────────

/**
 * The date as the standard writes it (7.3.5, Arabic numerals since 2012, no leading
 * zeros): "2020-09-30" → "2020年9月30日". Throws a ValidationError on a malformed date.
 */
export function formatChineseDate(date: string): string {
  const problem = localDateProblem(date);
  if (problem) throw new ValidationError(problem, [{ field: "date", message: problem }]);
  const [y, m, d] = date.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

/**
 * A document number (发文字号, 7.2.4): issuer code, year in 六角括号, sequence without
 * leading zeros and without 第 — documentNumber("武隆府发", 2020, 12) = "武隆府发〔2020〕12号".
 */
export function documentNumber(code: string, year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999)
    throw new RangeError(`bad year ${year}`);
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`bad sequence ${sequence}`);
  return `${code}〔${year}〕${sequence}号`;
}

const DIGITS = "〇一二三四五六七八九";

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (heading numbers). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99)
    throw new RangeError(`heading number ${n} out of 1–99`);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? "" : DIGITS[tens]}十${ones === 0 ? "" : DIGITS[ones]}`;
}

// ─── Layout constants ───────────────────────────────────────────────────────────────

const mm = (x: number) => Math.round((x * 1440) / 25.4);

export const FONTS = {
  fangsong: "仿宋_GB2312",
  xiaobiaosong: "方正小标宋简体",
  heiti: "黑体",
  kaiti: "楷体_GB2312",
  songti: "宋体",
} as const;

/** Font sizes in points (号 → pt). */
const PT = { er: 22, san: 16, si: 14 } as const;
const MARK_PT = 48;
const RED = "FF0000";

const PAGE_W = 11906;
const PAGE_H = 16838;
const TEXT_W = mm(156); // 8844
const TEXT_H = mm(225); // 12756

export const LAYOUT = {
  page: { width: PAGE_W, height: PAGE_H },
  margin: {
    top: mm(37), // 2098
    bottom: mm(35), // 1984
    right: mm(26), // 1474
    left: PAGE_W - mm(26) - TEXT_W, // 1588
  },
  textWidth: TEXT_W,
  textHeight: TEXT_H,
  linesPerPage: 22,
  charsPerLine: 28,
  /** ⌊12756 / 22⌋ = 579 twips = 28.95 pt. */
  linePitch: Math.floor(TEXT_H / 22),
  /** 8844 / 28 = 315.86 twips = 15.79 pt. */
  charPitch: TEXT_W / 28,
  /** Condensing of 16 pt body text, in twips: 28 × (16 − 0.25) pt = 441 pt ≤ 442.2 pt. */
  bodyCharacterSpacing: -5,
  /** Footer distance from the page's bottom edge; puts the page number's dashes ≈ 7 mm below the type area. */
  footer: mm(25.3),
} as const;

const LINE = LAYOUT.linePitch;
const CH = LAYOUT.charPitch;
/** n character widths, in twips. */
const chars = (n: number) => Math.round(n * CH);
/**
 * Estimated width of a text in characters: full-width 1, ASCII 0.5, plus the quarter
 * character that Word and LibreOffice put between Chinese and Latin letters or digits.
 */
export function widthInChars(s: string): number {
  let w = 0;
  let prev: "cjk" | "latin" | "other" | undefined;
  for (const c of s) {
    const cp = c.codePointAt(0)!;
    const kind = cp >= 0x2e80 ? "cjk" : /[0-9A-Za-z]/.test(c) ? "latin" : "other";
    // General punctuation (— … “ ”) is full width in Chinese fonts.
    w += kind === "cjk" || (cp >= 0x2000 && cp <= 0x206f) ? 1 : 0.5;
    if ((prev === "cjk" && kind === "latin") || (prev === "latin" && kind === "cjk")) w += 0.25;
    prev = kind;
  }
  return w;
}

function font(name: string) {
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name, hint: "eastAsia" };
}

interface RunStyle {
  font?: string;
  size?: number;
  bold?: boolean;
  color?: string;
  scale?: number;
  /** Character spacing in twips; default: condensed for 16 pt text (28 a line). */
  spacing?: number;
}

function characterSpacing(style: RunStyle): { characterSpacing?: number } {
  const spacing =
    style.spacing ?? ((style.size ?? PT.san) === PT.san ? LAYOUT.bodyCharacterSpacing : 0);
  return spacing === 0 ? {} : { characterSpacing: spacing };
}

/** A run; a "\t" in the text is written as a tab element (w:tab), not a tab character. */
function run(text: string, style: RunStyle = {}): TextRun {
  const parts = text.split("\t");
  return new TextRun({
    children: parts.flatMap((p, i) => (i === 0 ? [p] : [new Tab(), p])),
    font: font(style.font ?? FONTS.fangsong),
    size: (style.size ?? PT.san) * 2,
    ...(style.bold ? { bold: true, boldComplexScript: true } : {}),
    ...(style.color ? { color: style.color } : {}),
    ...(style.scale ? { scale: style.scale } : {}),
    ...characterSpacing(style),
  });
}

const exact = (line: number, before = 0, after = 0) => ({
  line,
  lineRule: LineRuleType.EXACT,
  before,
  after,
});

const BODY_INDENT = { firstLine: chars(2), firstLineChars: 200 };

function bodyParagraph(children: ParagraphChild[], keepNext = false): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.BOTH,
    indent: BODY_INDENT,
    spacing: exact(LINE),
    ...(keepNext ? { keepNext: true } : {}),
    children,
  });
}

// ─── Head (版头) ─────────────────────────────────────────────────────────────────────

function head(doc: OfficialDocument): Paragraph[] {
  // The mark's top edge 35 mm below the type area's top (7.2.3). A 48 pt mark set in a
  // line of 1.2 × 48 pt; characters squeezed horizontally if the name is too long to fit.
  const markChars = widthInChars(doc.issuerMark);
  const fitScale = Math.floor(((TEXT_W * 0.96) / (markChars * MARK_PT * 20)) * 100);
  const markLine = Math.round(MARK_PT * 20 * 1.2);
  const redRule = { style: BorderStyle.SINGLE, size: 12, color: RED, space: 6 };
  const out: Paragraph[] = [];
  const number = doc.number?.trim();
  const signer = doc.signer?.trim();
  const hasNumberLine = Boolean(number || signer);
  out.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: exact(markLine, mm(35) - Math.round(MARK_PT * 20 * 0.11)),
      ...(hasNumberLine ? {} : { border: { bottom: { ...redRule, space: 10 } } }),
      children: [
        run(doc.issuerMark, {
          font: FONTS.xiaobiaosong,
          size: MARK_PT,
          color: RED,
          ...(fitScale < 100 ? { scale: fitScale } : {}),
        }),
      ],
    }),
  );
  if (!hasNumberLine) return out;
  // The number two lines below the mark (7.2.4); the red rule 4 mm below it (7.2.6).
  if (signer) {
    // Up-going: number one character in from the left, 签发人 one character in from the right.
    out.push(
      new Paragraph({
        spacing: exact(LINE, 2 * LINE),
        indent: { left: chars(1), right: chars(1) },
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_W - chars(1) }],
        border: { bottom: redRule },
        children: [run(number ?? ""), run("\t签发人："), run(signer, { font: FONTS.kaiti })],
      }),
    );
  } else {
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: exact(LINE, 2 * LINE),
        border: { bottom: redRule },
        children: [run(number ?? "")],
      }),
    );
  }
  return out;
}

// ─── Body (主体) ─────────────────────────────────────────────────────────────────────

function title(doc: OfficialDocument): Paragraph {
  const lines = doc.title
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
  const children = lines.map(
    (l, i) =>
      new TextRun({
        text: l,
        font: font(FONTS.xiaobiaosong),
        size: PT.er * 2,
        ...(i > 0 ? { break: 1 } : {}),
      }),
  );
  // Two blank lines below the red rule (7.3.1).
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: exact(LINE, 2 * LINE),
    children,
  });
}

function addressee(text: string): Paragraph {
  const t = text.trim().replace(/[:：]$/, "");
  // One line below the title, flush left (7.3.2).
  return new Paragraph({ spacing: exact(LINE, LINE), children: [run(`${t}：`)] });
}

const HEADING_FONT: Record<HeadingLevel, string> = {
  1: FONTS.heiti,
  2: FONTS.kaiti,
  3: FONTS.fangsong,
  4: FONTS.fangsong,
};

function headingNumber(level: HeadingLevel, n: number): string {
  switch (level) {
    case 1:
      return `${chineseNumber(n)}、`;
    case 2:
      return `（${chineseNumber(n)}）`;
    case 3:
      return `${n}.`;
    case 4:
      return `（${n}）`;
  }
}

function table(block: Extract<Block, { kind: "table" }>): (Paragraph | Table)[] {
  const cols = Math.max(...block.rows.map((r) => r.length), 1);
  const rel = block.widths && block.widths.length === cols ? block.widths : new Array(cols).fill(1);
  const total = rel.reduce((a, b) => a + b, 0);
  const widths = rel.map((w) => Math.floor((w / total) * TEXT_W));
  widths[widths.length - 1]! += TEXT_W - widths.reduce((a, b) => a + b, 0);
  const header = block.header ?? true;
  const thin = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
  const cellLine = Math.round(PT.si * 20 * 1.5);
  const t = new Table({
    width: { size: TEXT_W, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: {
      top: thin,
      bottom: thin,
      left: thin,
      right: thin,
      insideHorizontal: thin,
      insideVertical: thin,
    },
    rows: block.rows.map(
      (cells, r) =>
        new TableRow({
          tableHeader: header && r === 0,
          cantSplit: true,
          children: widths.map(
            (w, c) =>
              new TableCell({
                width: { size: w, type: WidthType.DXA },
                verticalAlign: VerticalAlignTable.CENTER,
                margins: { left: 80, right: 80, top: 40, bottom: 40 },
                children: (cells[c] ?? "").split("\n").map(
                  (line) =>
                    new Paragraph({
                      alignment: header && r === 0 ? AlignmentType.CENTER : AlignmentType.LEFT,
                      spacing: exact(cellLine),
                      children: [
                        run(line, {
                          size: PT.si,
                          ...(header && r === 0 ? { font: FONTS.heiti } : {}),
                        }),
                      ],
                    }),
                ),
              }),
          ),
        }),
    ),
  });
  const out: (Paragraph | Table)[] = [];
  if (block.caption) {
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: exact(LINE),
        keepNext: true,
        children: [run(block.caption, { font: FONTS.heiti })],
      }),
    );
  }
  out.push(t);
  return out;
}

/**
 * 附件说明 (7.3.4): one line below the text, 2 characters in: "附件：1. name"; further
 * items aligned under the first number, wrapped lines under the first character of the name.
 */
function attachments(items: string[]): Paragraph[] {
  const names = items.map((s) => s.trim().replace(/[。；;，,.]$/, "")).filter((s) => s !== "");
  if (names.length === 0) return [];
  if (names.length === 1) {
    return [
      new Paragraph({
        spacing: exact(LINE, LINE),
        indent: { left: chars(5), hanging: chars(3) },
        children: [run(`附件：${names[0]}`)],
      }),
    ];
  }
  return names.map((name, i) => {
    const num = `${i + 1}.`;
    const numW = widthInChars(num);
    return new Paragraph({
      spacing: exact(LINE, i === 0 ? LINE : 0),
      indent:
        i === 0
          ? { left: chars(5 + numW), hanging: chars(3 + numW) }
          : { left: chars(5 + numW), hanging: chars(numW) },
      children: [run(`${i === 0 ? "附件：" : ""}${num}${name}`)],
    });
  });
}

function body(blocks: Block[], options: RenderOptions): (Paragraph | Table)[] {
  const counters = [0, 0, 0, 0, 0];
  const out: (Paragraph | Table)[] = [];
  for (const [i, block] of blocks.entries()) {
    // The last paragraph goes with the signature: no page holds the signature alone (7.3.5).
    const last = i === blocks.length - 1;
    if (typeof block === "string") {
      out.push(bodyParagraph([run(block)], last));
      continue;
    }
    switch (block.kind) {
      case "paragraph":
        out.push(bodyParagraph([run(block.text)], last));
        break;
      case "heading": {
        const level = block.level;
        counters[level]! += 1;
        for (let l = level + 1; l <= 4; l++) counters[l] = 0;
        const prefix = block.numbered === false ? "" : headingNumber(level, counters[level]!);
        const bold = level === 3 && options.level3Bold === true;
        const children = [run(`${prefix}${block.text}`, { font: HEADING_FONT[level], bold })];
        if (block.body) children.push(run(block.body));
        const p = new Paragraph({
          alignment: AlignmentType.BOTH,
          indent: BODY_INDENT,
          spacing: exact(LINE),
          keepNext: !block.body,
          outlineLevel: level - 1,
          children,
        });
        out.push(p);
        break;
      }
      case "table":
        out.push(...table(block));
        break;
      case "attachments":
        out.push(...attachments(block.items));
        break;
      case "pageBreak":
        out.push(new Paragraph({ pageBreakBefore: true, spacing: exact(LINE), children: [] }));
        break;
    }
  }
  return out;
}

function dateText(s: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(s.trim()) ? formatChineseDate(s.trim()) : s.trim();
}

/**
 * 署名 and 成文日期 (7.3.5).
 * - Sealed (7.3.5.1): the date 4 characters in from the right; the issuer centred over the
 *   date; room left above for the seal, whose top is within a line of the text.
 * - Not sealed (7.3.5.2): one blank line below the text, the issuer 2 characters in from
 *   the right; the date on the next line, starting 2 characters right of the issuer's
 *   start (or the date 2 in, the issuer moved left, when the date is the longer).
 */
function signature(doc: OfficialDocument): Paragraph[] {
  const issuer = doc.issuer.trim();
  const date = dateText(doc.date);
  const wi = widthInChars(issuer);
  const wd = widthInChars(date);
  const para = (text: string, indent: { left?: number; right?: number }, before: number) =>
    new Paragraph({
      alignment: indent.left === undefined ? AlignmentType.RIGHT : AlignmentType.LEFT,
      indent,
      spacing: exact(LINE, before),
      keepNext: true,
      keepLines: true,
      children: [run(text)],
    });
  if (doc.seal) {
    // The date right-aligned 4 in; the issuer centred over it (its right indent from the
    // estimated width of the date, whose digits are half-width).
    const issuerRight = Math.max(0, 4 + wd / 2 - wi / 2);
    return [
      para(issuer, { right: chars(issuerRight) }, 3 * LINE),
      para(date, { right: chars(4) }, 0),
    ];
  }
  // The issuer right-aligned 2 in; the date set from the left so that it starts exactly 2
  // characters right of the issuer's first character (the issuer's width is known: it is
  // all full-width characters); if the date is the longer, it stands 2 in from the right
  // and the issuer moves left.
  if (wd <= wi - 2) {
    const dateLeft = TEXT_W - chars(2 + wi) + chars(2);
    return [para(issuer, { right: chars(2) }, LINE), para(date, { left: dateLeft }, 0)];
  }
  return [
    para(issuer, { right: chars(2 + wd + 2 - wi) }, LINE),
    para(date, { right: chars(2) }, 0),
  ];
}

function note(text: string): Paragraph {
  const t = text.trim();
  const wrapped = /^[（(].*[）)]$/.test(t)
    ? t.replace(/^\(/, "（").replace(/\)$/, "）")
    : `（${t}）`;
  // One line below the date, 2 characters in (7.3.6).
  return bodyParagraph([run(wrapped)]);
}

// ─── Colophon (版记) ─────────────────────────────────────────────────────────────────

/**
 * 版记 (7.4): 抄送 and 印发机关/印发日期 in 4号 仿宋, one character in from each side,
 * between rules as wide as the type area — the first and last 0.35 mm, those between
 * 0.25 mm — the last rule on the bottom edge of the type area of the last page. Written as
 * a one-column table floating at the bottom of the type area of the page it falls on (text
 * flows around it, so the body never runs under it); its top and bottom borders are the
 * thick rules, the borders between its rows the thin ones.
 */
function colophon(doc: OfficialDocument): Table | undefined {
  const copyTo = (doc.copyTo ?? []).map((s) => s.trim().replace(/[，,。；;]$/, "")).filter(Boolean);
  const printedBy = doc.printedBy?.trim();
  const printedOn = doc.printedOn ? `${dateText(doc.printedOn)}印发` : undefined;
  if (copyTo.length === 0 && !printedBy && !printedOn) return undefined;
  const one = chars(1);
  const rowLine = LINE;
  const rows: Paragraph[] = [];
  if (copyTo.length > 0) {
    rows.push(
      new Paragraph({
        spacing: exact(rowLine),
        indent: { left: one + chars(3), right: one, hanging: chars(3) },
        children: [run(`抄送：${copyTo.join("，")}。`, { size: PT.si })],
      }),
    );
  }
  if (printedBy || printedOn) {
    rows.push(
      new Paragraph({
        spacing: exact(rowLine),
        indent: { left: one, right: one },
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_W - one }],
        children: [run(`${printedBy ?? ""}\t${printedOn ?? ""}`, { size: PT.si })],
      }),
    );
  }
  const thick = { style: BorderStyle.SINGLE, size: 8, color: "000000" }; // 1 pt ≈ 0.35 mm
  const thin = { style: BorderStyle.SINGLE, size: 6, color: "000000" }; // 0.75 pt ≈ 0.26 mm
  const none = { style: BorderStyle.NONE, size: 0, color: "auto" };
  return new Table({
    width: { size: TEXT_W, type: WidthType.DXA },
    columnWidths: [TEXT_W],
    layout: TableLayoutType.FIXED,
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    borders: {
      top: thick,
      bottom: thick,
      insideHorizontal: thin,
      left: none,
      right: none,
      insideVertical: none,
    },
    float: {
      // From the page edge rather than "left of the margin": the same place, and LibreOffice
      // (before 7.6) floats a full-width table only when it is placed from the page edge.
      horizontalAnchor: TableAnchorType.PAGE,
      absoluteHorizontalPosition: LAYOUT.margin.left,
      verticalAnchor: TableAnchorType.MARGIN,
      relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
      leftFromText: 0,
      rightFromText: 0,
      topFromText: 0,
      bottomFromText: 0,
    },
    rows: rows.map(
      (p) =>
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({ width: { size: TEXT_W, type: WidthType.DXA }, children: [p] }),
          ],
        }),
    ),
  });
}

// ─── Page numbers ───────────────────────────────────────────────────────────────────

/**
 * "— 1 —" (7.5): 4号 half-width 宋体, an em dash each side, odd pages one character in
 * from the right, even pages one character in from the left.
 */
function pageNumberFooter(side: "odd" | "even"): Footer {
  const one = PT.si * 20;
  const r = (children: (string | (typeof PageNumber)[keyof typeof PageNumber])[]) =>
    new TextRun({ children, font: font(FONTS.songti), size: PT.si * 2 });
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === "odd" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === "odd" ? { right: one } : { left: one },
        spacing: exact(PT.si * 20 + 80),
        children: [r(["— ", PageNumber.CURRENT, " —"])],
      }),
    ],
  });
}

// ─── The document ───────────────────────────────────────────────────────────────────

function validate(doc: OfficialDocument): void {
  const fields: { field: string; message: string }[] = [];
  if (!doc.issuerMark?.trim()) fields.push({ field: "issuerMark", message: "required" });
  if (!doc.title?.trim()) fields.push({ field: "title", message: "required" });
  if (!doc.issuer?.trim()) fields.push({ field: "issuer", message: "required" });
  if (!doc.date?.trim()) fields.push({ field: "date", message: "required" });
  if (!Array.isArray(doc.body)) fields.push({ field: "body", message: "must be a list of blocks" });
  for (const [i, b] of (Array.isArray(doc.body) ? doc.body : []).entries()) {
    if (typeof b === "object" && b.kind === "heading" && ![1, 2, 3, 4].includes(b.level)) {
      fields.push({ field: `body.${i}.level`, message: "must be 1–4" });
    }
  }
  if (fields.length > 0) {
    throw new ValidationError(
      `invalid official document: ${fields.map((f) => f.field).join(", ")}`,
      fields,
    );
  }
}

/** The docx `Document` (for callers that add to it); most want `renderOfficialDocument`. */
export function buildOfficialDocument(
  doc: OfficialDocument,
  options: RenderOptions = {},
): Document {
  validate(doc);
  const children: (Paragraph | Table)[] = [
    ...head(doc),
    title(doc),
    ...(doc.addressee?.trim() ? [addressee(doc.addressee)] : []),
    ...body(doc.body, options),
    ...signature(doc),
    ...(doc.note?.trim() ? [note(doc.note)] : []),
  ];
  const colo = colophon(doc);
  if (colo) {
    // The floating table is anchored to the (tiny) paragraph after it.
    children.push(colo, new Paragraph({ spacing: exact(20), children: [run("", { size: 1 })] }));
  }
  return new Document({
    title: doc.title.replace(/\n/g, ""),
    creator: doc.issuer,
    lastModifiedBy: doc.issuer,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: {
            font: font(FONTS.fangsong),
            size: PT.san * 2,
            language: { value: "zh-CN", eastAsia: "zh-CN" },
          },
          paragraph: { spacing: exact(LINE) },
        },
      },
      // Normal carries the body font and size itself, for programs that read the style
      // rather than the document defaults.
      paragraphStyles: [
        {
          id: "Normal",
          name: "Normal",
          quickFormat: true,
          run: { font: font(FONTS.fangsong), size: PT.san * 2 },
          paragraph: { spacing: exact(LINE) },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE_W, height: PAGE_H },
            margin: { ...LAYOUT.margin, header: mm(15), footer: LAYOUT.footer, gutter: 0 },
          },
          grid: { type: DocumentGridType.DEFAULT, linePitch: LAYOUT.linePitch },
        },
        footers: { default: pageNumberFooter("odd"), even: pageNumberFooter("even") },
        children,
      },
    ],
  });
}

/** The official document as a .docx file. */
export async function renderOfficialDocument(
  doc: OfficialDocument,
  options: RenderOptions = {},
): Promise<Buffer> {
  return Packer.toBuffer(buildOfficialDocument(doc, options));
}
