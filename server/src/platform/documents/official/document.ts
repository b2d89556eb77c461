import { Document, DocumentGridType, Packer, Paragraph, type Table } from "docx";
import { ValidationError } from "../../../kernel/errors.ts";
import { addressee, body, title } from "./body.ts";
import { colophon } from "./colophon.ts";
import { head } from "./head.ts";
import { instrumentHead } from "./instrument.ts";
import { exact, FONTS, font, LAYOUT, LINE, mm, PAGE_H, PAGE_W, PT, run } from "./layout.ts";
import type { OfficialDocument, RenderOptions } from "./model.ts";
import { pageNumberFooter } from "./page-number.ts";
import { note, signature } from "./signature.ts";

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
  const instrument = doc.form === "instrument";
  const children: (Paragraph | Table)[] = [
    ...(instrument ? instrumentHead(doc) : [...head(doc), title(doc)]),
    ...(doc.addressee?.trim() ? [addressee(doc.addressee)] : []),
    ...body(doc.body, options),
    ...(doc.signature === false ? [] : signature(doc)),
    ...(doc.note?.trim() && !instrument ? [note(doc.note)] : []),
  ];
  const colo = instrument ? undefined : colophon(doc);
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
