import { AlignmentType, Footer, PageNumber, Paragraph, TextRun } from "docx";
import { exact, FONTS, font, PT } from "./layout.ts";

// ─── Page numbers ───────────────────────────────────────────────────────────────────

/**
 * "— 1 —" (7.5): 4号 half-width 宋体, an em dash each side, odd pages one character in
 * from the right, even pages one character in from the left.
 */
export function pageNumberFooter(side: "odd" | "even"): Footer {
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
