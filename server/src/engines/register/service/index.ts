/**
 * The register engine: CRUD over declared registers, each action one WorkTx (one
 * transaction under the actor's data scope, audit event in the same transaction).
 *
 * Access, in this order:
 * - reading needs `record.read`; writing needs `record.write` and the declaration's
 *   `edit.permission`; a register with `edit.scope: "region"` is kept by region-scoped
 *   actors (the rule-of-law office) only;
 * - entries outside the actor's scope (a unit-visibility entry of another unit, another
 *   region) are not found (404), never forbidden: row-level security hides them and the
 *   code checks again;
 * - an entry the actor sees (a region-visibility register) but may not edit (another
 *   unit's, for a unit-scoped actor) is forbidden (403).
 *
 * Encrypted fields (ID and phone numbers) are shown in full only to the unit owning the
 * entry, in the entry itself and its versions; lists and exports mask them for
 * everyone, and every other unit — the rule-of-law office included — sees them masked
 * everywhere (个人信息保护法 art. 34: no more than the duty needs; GB/T 22239-2019
 * 8.1.4.11). Writing a masked value back (as shown) keeps the stored number.
 *
 * - access.ts: who may read and write;
 * - rows.ts: an entry as the actor may see it;
 * - keys.ts: the unique keys and the blind indexes;
 * - write.ts: create, update, delete;
 * - create-many.ts: many new entries at once (the import's set-based write);
 * - batch.ts: the import's set-based reads and writes;
 * - read.ts: an entry and its versions;
 * - list.ts: lists, their filters, search and order;
 * - summary.ts: the registers the actor may read.
 */
export {
  assertRead,
  canEditEntry,
  canReadRegisters,
  canWriteRegister,
} from "./access.ts";
export {
  type BatchUpdate,
  holderOf,
  type KeyLookup,
  keyHolders,
  loadEntryRows,
  lookupId,
  writeBatch,
} from "./batch.ts";
export { createEntries } from "./create-many.ts";
export { keyFieldErrors, type TakenKey, takenKeys } from "./keys.ts";
export {
  type EntryPage,
  type ListQuery,
  listConditions,
  listEntries,
  MAX_PAGE_SIZE,
  pagingOf,
  selectRows,
} from "./list.ts";
export { type EntryVersion, entryVersions, getEntry } from "./read.ts";
export { type EntryRow, type EntryView, loadEntryRow, seesSecrets, toView } from "./rows.ts";
export { type RegisterSummary, readableRegisters, registerSummary } from "./summary.ts";
export {
  createEntry,
  deleteEntry,
  insertEntry,
  resolveUnit,
  updateEntry,
  updateEntryRow,
} from "./write.ts";
