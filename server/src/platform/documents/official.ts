/**
 * Official documents (公文) in the layout of GB/T 9704-2012 《党政机关公文格式》, written as
 * .docx with the `docx` library. See ../shared/domain/official-documents.md.
 *
 * In official/:
 * - model.ts: the document (blocks, head, body, signature, colophon) as modules give it;
 * - dates-and-numbers.ts: dates, document numbers and heading numbers as the standard writes them;
 * - layout.ts: the page geometry, the fonts, and the runs and paragraphs set in them;
 * - head.ts (版头), body.ts (主体) with table.ts and signature.ts, colophon.ts (版记),
 *   page-number.ts (页码);
 * - document.ts: the .docx put together.
 */
export { chineseNumber, documentNumber, formatChineseDate } from "./official/dates-and-numbers.ts";
export { buildOfficialDocument, renderOfficialDocument } from "./official/document.ts";
export { FONTS, LAYOUT, widthInChars } from "./official/layout.ts";
export type { Block, HeadingLevel, OfficialDocument, RenderOptions } from "./official/model.ts";
