import type { Kysely } from "kysely";
import { type FazhiConfig, sofficeSetting } from "../../db/config.ts";
import type { DB } from "../../db/schema.ts";
import type { LegalCalendar } from "../../kernel/time/index.ts";
import { legalCalendar } from "../../platform/calendar.ts";
import { loadOrCreateFieldKey } from "../../platform/crypto/keys.ts";
import { type PdfConverter, pdfConverter } from "../../platform/documents/pdf.ts";
import { type FileStore, LocalFileStore } from "../../platform/files/store.ts";
import type { Registry } from "../registry.ts";
import type { ClockProblem } from "./clocks.ts";

/** What the case engine needs besides the unit of work. */
export interface CaseDeps {
  registry: Registry;
  /** The legal calendar (notices from the database, cached). */
  calendar(db: Kysely<DB>): Promise<LegalCalendar>;
  /** The SM4 key for ID and phone numbers at rest (kept outside the database). */
  fieldKey: Buffer;
  /** Where attachments are stored (by SM3 content hash). */
  files: FileStore;
  /** LibreOffice for public PDF copies; undefined: off or not installed (PDFs queued). */
  pdf?: PdfConverter;
  /** Told of a case whose clocks cannot be computed (the server log). */
  log?: (problem: ClockProblem) => void;
}

export async function caseDeps(s: {
  registry: Registry;
  config: FazhiConfig;
  clock: () => Date;
}): Promise<CaseDeps> {
  return {
    registry: s.registry,
    calendar: (db) => legalCalendar(db, s.clock().getTime()),
    fieldKey: await loadOrCreateFieldKey(s.config.keyDir),
    files: new LocalFileStore(s.config.fileDir),
    pdf: await pdfConverter(s.config.soffice === undefined ? sofficeSetting() : s.config.soffice),
  };
}
