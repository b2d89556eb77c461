import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema.ts";
import { withScope } from "../../db/scope.ts";
import { NotFoundError, t } from "../../kernel/errors.ts";
import { renderOfficialDocument } from "../../platform/documents/official.ts";
import type { PdfConverter } from "../../platform/documents/pdf.ts";
import type { FileStore } from "../../platform/files/store.ts";
import type { WorkTx } from "../../platform/work.ts";
import type { AnyCaseType, CaseView } from "./declare.ts";
import type { CaseDeps } from "./deps.ts";
import { recordCaseEvent } from "./record.ts";

/**
 * Public files (公开附件): a case type declares `publicFiles: [{ document, on }]` — when
 * the step `on` succeeds, its declared document (GB/T 9704 .docx) is rendered from the
 * case as stored (protected people stay sealed) and kept as an attachment of the case,
 * and its PDF beside it, converted by LibreOffice (platform/documents/pdf.ts). When
 * LibreOffice is off or not installed, the PDF is queued (`pdf: "queued"` on the .docx)
 * and `convertQueuedPdfs` makes it later (`fazhi documents pdf`); the portal offers the
 * .docx meanwhile and says so. The portal shows a public file only while the case's
 * public projection shows the case.
 */
export const PDF_MIME = "application/pdf";
export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export interface PublicFileMeta {
  kind: "document";
  public: true;
  document: string;
  format: "docx" | "pdf";
  /** On the .docx: its PDF is made (`done`) or waits for LibreOffice (`queued`). */
  pdf?: "queued" | "done";
  /** On the PDF: the attachment id of the .docx it was converted from. */
  from?: number;
}

/** Who stores a file: a step's unit of work, or the command that converts the queue. */
type Writer = Pick<WorkTx, "trx" | "now"> & { actor: { userId: number | null } };

async function insertFile(
  w: Writer,
  files: FileStore,
  c: CaseView,
  name: string,
  mime: string,
  bytes: Buffer,
  meta: PublicFileMeta,
): Promise<number> {
  const stored = await files.put(bytes);
  const row = await w.trx
    .insertInto("attachment")
    .values({
      region_code: c.regionCode,
      case_id: c.id,
      unit_id: c.unitId,
      sm3: stored.sm3,
      name,
      mime,
      size: stored.size,
      meta: JSON.stringify(meta),
      uploaded_by: w.actor.userId,
      uploaded_at: w.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** The public files a step makes (in the step's transaction, after its effects). */
export async function makePublicFiles(
  deps: CaseDeps,
  w: WorkTx,
  decl: AnyCaseType,
  c: CaseView,
  action: string,
): Promise<void> {
  for (const pf of decl.publicFiles ?? []) {
    if (pf.on !== action) continue;
    const d = decl.documents!.find((x) => x.code === pf.document)!;
    const names = await w.trx
      .selectFrom("region")
      .innerJoin("unit", (j) => j.on("unit.id", "=", c.unitId))
      .select(["region.name_zh as region", "unit.name_zh as unit"])
      .where("region.code", "=", c.regionCode)
      .executeTakeFirstOrThrow();
    const doc = d.build(c, { unitName: names.unit, regionName: names.region, today: w.today });
    const docx = await renderOfficialDocument(doc);
    // Named as a citizen looks for it: the case's title and the document's number.
    const name = (c.title || d.label.zh).replace(/[\\/:*?"<>|\r\n]/g, " ").slice(0, 150);
    const base = `${name}${doc.number ? `（${doc.number}）` : ""}`;
    const pdf = deps.pdf ? await deps.pdf.toPdf(docx) : undefined;
    const meta = { kind: "document", public: true, document: d.code } as const;
    const docxId = await insertFile(w, deps.files, c, `${base}.docx`, DOCX_MIME, docx, {
      ...meta,
      format: "docx",
      pdf: pdf ? "done" : "queued",
    });
    const pdfId = pdf
      ? await insertFile(w, deps.files, c, `${base}.pdf`, PDF_MIME, pdf, {
          ...meta,
          format: "pdf",
          from: docxId,
        })
      : undefined;
    await recordCaseEvent(w, decl.code, c, {
      kind: "attach",
      action: "attach",
      onDate: w.today,
      data: {
        attachmentId: docxId,
        name: `${base}.docx`,
        public: true,
        ...(pdfId ? { pdfAttachmentId: pdfId } : { pdf: "queued" }),
      },
    });
  }
}

export interface PublicFile {
  id: number;
  name: string;
  format: "docx" | "pdf";
  size: number;
  /** On a .docx: whether its PDF waits for LibreOffice. */
  pdfQueued: boolean;
}

/** The public files of one case of a region (the caller has checked the case is public). */
export async function publicFilesOf(
  db: Kysely<DB>,
  regionCode: string,
  caseId: number,
): Promise<PublicFile[]> {
  const rows = await withScope(
    db,
    { regions: [regionCode], unitId: undefined, userId: undefined },
    (trx) =>
      trx
        .selectFrom("attachment")
        .select(["id", "name", "size", "meta"])
        .where("region_code", "=", regionCode)
        .where("case_id", "=", caseId)
        .where(sql<boolean>`(meta->>'public')::boolean is true`)
        .orderBy("id")
        .execute(),
  );
  return rows.map((r) => {
    const m = r.meta as unknown as PublicFileMeta;
    return {
      id: Number(r.id),
      name: r.name,
      format: m.format,
      size: Number(r.size),
      pdfQueued: m.format === "docx" && m.pdf === "queued",
    };
  });
}

/** One public file's bytes (hash re-checked by the store). */
export async function readPublicFile(
  db: Kysely<DB>,
  files: FileStore,
  regionCode: string,
  caseId: number,
  fileId: number,
): Promise<{ name: string; mime: string; bytes: Buffer }> {
  const row = await withScope(
    db,
    { regions: [regionCode], unitId: undefined, userId: undefined },
    (trx) =>
      trx
        .selectFrom("attachment")
        .select(["name", "mime", "sm3"])
        .where("region_code", "=", regionCode)
        .where("case_id", "=", caseId)
        .where("id", "=", fileId)
        .where(sql<boolean>`(meta->>'public')::boolean is true`)
        .executeTakeFirst(),
  );
  if (!row) throw new NotFoundError(t("没有这个文件", `no public file ${fileId}`));
  return { name: row.name, mime: row.mime, bytes: await files.get(row.sm3) };
}

/**
 * Convert the queued PDFs (when LibreOffice is there); the count made. `w.trx` sees the
 * rows to convert: the owner's connection for `fazhi pdf` (every region).
 */
export async function convertQueuedPdfs(
  w: Writer,
  files: FileStore,
  pdf: PdfConverter,
): Promise<number> {
  const queued = await w.trx
    .selectFrom("attachment")
    .selectAll()
    .where(sql<boolean>`(meta->>'public')::boolean is true`)
    .where(sql<boolean>`meta->>'pdf' = 'queued'`)
    .orderBy("id")
    .execute();
  for (const a of queued) {
    const m = a.meta as unknown as PublicFileMeta;
    const bytes = await pdf.toPdf(await files.get(a.sm3));
    const c = { regionCode: a.region_code, id: Number(a.case_id), unitId: a.unit_id };
    await insertFile(w, files, c as CaseView, a.name.replace(/\.docx$/, ".pdf"), PDF_MIME, bytes, {
      kind: "document",
      public: true,
      document: m.document,
      format: "pdf",
      from: Number(a.id),
    });
    await w.trx
      .updateTable("attachment")
      .set({ meta: JSON.stringify({ ...m, pdf: "done" }) })
      .where("region_code", "=", a.region_code)
      .where("id", "=", a.id)
      .execute();
  }
  return queued.length;
}
