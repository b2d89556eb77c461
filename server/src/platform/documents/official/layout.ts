/**
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
import { AlignmentType, LineRuleType, Paragraph, type ParagraphChild, Tab, TextRun } from "docx";

// ─── Layout constants ───────────────────────────────────────────────────────────────

export const mm = (x: number) => Math.round((x * 1440) / 25.4);

export const FONTS = {
  fangsong: "仿宋_GB2312",
  xiaobiaosong: "方正小标宋简体",
  heiti: "黑体",
  kaiti: "楷体_GB2312",
  songti: "宋体",
} as const;

/** Font sizes in points (号 → pt). */
export const PT = { er: 22, san: 16, si: 14 } as const;
export const MARK_PT = 48;
export const RED = "FF0000";

export const PAGE_W = 11906;
export const PAGE_H = 16838;
export const TEXT_W = mm(156); // 8844
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

export const LINE = LAYOUT.linePitch;
const CH = LAYOUT.charPitch;
/** n character widths, in twips. */
export const chars = (n: number) => Math.round(n * CH);
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

// ─── Runs and paragraphs ────────────────────────────────────────────────────────────

export function font(name: string) {
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
export function run(text: string, style: RunStyle = {}): TextRun {
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

export const exact = (line: number, before = 0, after = 0) => ({
  line,
  lineRule: LineRuleType.EXACT,
  before,
  after,
});

export const BODY_INDENT = { firstLine: chars(2), firstLineChars: 200 };

export function bodyParagraph(children: ParagraphChild[], keepNext = false): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.BOTH,
    indent: BODY_INDENT,
    spacing: exact(LINE),
    ...(keepNext ? { keepNext: true } : {}),
    children,
  });
}
