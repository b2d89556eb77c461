import { AlignmentType, BorderStyle, Paragraph, TabStopType } from "docx";
import {
  chars,
  exact,
  FONTS,
  LINE,
  MARK_PT,
  mm,
  RED,
  run,
  TEXT_W,
  widthInChars,
} from "./layout.ts";
import type { OfficialDocument } from "./model.ts";

// ─── Head (版头) ─────────────────────────────────────────────────────────────────────

export function head(doc: OfficialDocument): Paragraph[] {
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
