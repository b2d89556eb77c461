/**
 * The register engine (名录/台账): declare a register once, get CRUD, xlsx, versions,
 * public listing. This file is its front door: modules import it, never the engine's
 * other files (test/engines/imports.test.ts).
 */
export {
  checkRegisterDecl,
  type EntryData,
  normalizeForIndex,
  type RegisterEnv,
} from "./data.ts";
export type {
  ColumnDecl,
  ColumnKind,
  ListItemCodec,
  RegisterDecl,
  VersionsDecl,
} from "./declare.ts";
export { type ColumnInput, defineRegister, type RegisterInput } from "./define.ts";
export { type RegisterEngine, registerEngine } from "./engine.ts";
export {
  bool,
  count,
  date,
  enumOf,
  type FieldColumn,
  type FieldOptions,
  field,
  fieldOf,
  list,
  type Optional,
  type RegisterField,
  registerFields,
  text,
  unitCode,
  year,
  yuan,
} from "./field-builder.ts";
export { labelCode } from "./label-code.ts";
export { type PublicEntry, type PublicPage, publicEntries, publicProjection } from "./public.ts";
export {
  canEditEntry,
  canWriteRegister,
  createEntry,
  deleteEntry,
  type EntryPage,
  type EntryVersion,
  type EntryView,
  entryVersions,
  getEntry,
  type ListQuery,
  listEntries,
  MAX_PAGE_SIZE,
  type RegisterSummary,
  readableRegisters,
  updateEntry,
} from "./service/index.ts";
export {
  diffVersions,
  getVersion,
  listVersions,
  type PublicListOn,
  publicListEntryOn,
  publicListOn,
  publishVersion,
  type VersionDiff,
  type VersionView,
} from "./versions/index.ts";
export {
  exportXlsx,
  type ImportResult,
  type ImportRowError,
  importCsv,
  importXlsx,
  MAX_IMPORT_BYTES,
  XLSX_MIME,
} from "./xlsx/index.ts";
