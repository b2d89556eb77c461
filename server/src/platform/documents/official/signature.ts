import { AlignmentType, Paragraph } from "docx";
import { formatChineseDate } from "./dates-and-numbers.ts";
import { bodyParagraph, chars, exact, LINE, run, TEXT_W, widthInChars } from "./layout.ts";
import type { OfficialDocument } from "./model.ts";

// ─── Body (主体): signature and note ─────────────────────────────────────────────────

export function dateText(s: string): string {
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
export function signature(doc: OfficialDocument): Paragraph[] {
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

export function note(text: string): Paragraph {
  const t = text.trim();
  const wrapped = /^[（(].*[）)]$/.test(t)
    ? t.replace(/^\(/, "（").replace(/\)$/, "）")
    : `（${t}）`;
  // One line below the date, 2 characters in (7.3.6).
  return bodyParagraph([run(wrapped)]);
}
