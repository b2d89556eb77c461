import { AlignmentType, Paragraph, TextRun } from "docx";
import { exact, FONTS, font, LINE, PT, run, TEXT_W, widthInChars } from "./layout.ts";
import type { OfficialDocument } from "./model.ts";

// ─── Head of an enforcement instrument (执法文书) ──────────────────────────────────────
//
// An enforcement instrument (行政处罚决定书, 告知书, 送达回证 …) is not a 公文: no red
// issuer's mark and no red rule (../shared/domain/official-documents.md, last section; the
// market-regulation 文书格式范本 lay it out so). The top line is the deciding body's full
// name, centred; the instrument's title below it; the number on its own line, right-aligned.

const HEAD_PT = PT.er;

/** The body's full name and the title, black 小标宋 二号, centred (squeezed if too long). */
function centred(text: string, before: number): Paragraph {
  const w = widthInChars(text);
  const fit = Math.floor(((TEXT_W * 0.98) / (w * HEAD_PT * 20)) * 100);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: exact(Math.round(HEAD_PT * 20 * 1.5), before),
    keepNext: true,
    children: [
      new TextRun({
        text,
        font: font(FONTS.xiaobiaosong),
        size: HEAD_PT * 2,
        ...(fit < 100 ? { scale: fit } : {}),
      }),
    ],
  });
}

export function instrumentHead(doc: OfficialDocument): Paragraph[] {
  const out = [centred(doc.issuerMark.trim(), 0)];
  for (const line of doc.title.split("\n").filter((l) => l.trim() !== "")) {
    out.push(centred(line.trim(), 0));
  }
  const number = doc.number?.trim();
  // The number one line below the title, flush right; one blank line before the text.
  out.push(
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: exact(LINE, LINE / 2, number ? LINE / 2 : 0),
      keepNext: true,
      children: [run(number ?? "")],
    }),
  );
  return out;
}
