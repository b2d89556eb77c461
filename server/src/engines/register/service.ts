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
 */
import { type Expression, type Selectable, type SqlBool, sql } from "kysely";
import type { RegisterEntryTable } from "../../db/schema.ts";
import { type Actor, can } from "../../kernel/access.ts";
import {
  ConflictError,
  type FieldError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from "../../kernel/errors.ts";
import type { WorkTx } from "../../platform/work.ts";
import {
  blindIndexOf,
  blindIndexRows,
  changedFields,
  columnOf,
  decryptData,
  type EntryData,
  encryptData,
  encryptedFields,
  type KeyValue,
  maskData,
  maskSecret,
  type RegisterEnv,
  sameData,
  uniqueKeyValues,
  validateData,
} from "./data.ts";
import type { ColumnDecl, RegisterDecl } from "./declare.ts";

export type EntryRow = Selectable<RegisterEntryTable>;

export interface EntryView {
  id: number;
  register: string;
  regionCode: string;
  unitId: number;
  visibility: "unit" | "region";
  version: number;
  title: string;
  data: EntryData;
  createdAt: string;
  updatedAt: string;
  createdBy: number | null;
  updatedBy: number | null;
  /** Whether the actor may update or delete this entry. */
  editable: boolean;
}

export const MAX_PAGE_SIZE = 200;
const ENTITY = "register_entry";

// ---------------------------------------------------------------------------------
// Access

export function canReadRegisters(actor: Actor): boolean {
  return can(actor, "record.read");
}

/** May the actor create entries in this register (and edit some)? */
export function canWriteRegister(actor: Actor, decl: RegisterDecl): boolean {
  if (!can(actor, "record.write") || !can(actor, decl.edit.permission)) return false;
  return decl.edit.scope !== "region" || actor.scope === "region";
}

export function canEditEntry(actor: Actor, decl: RegisterDecl, row: { unit_id: number }): boolean {
  if (!canWriteRegister(actor, decl)) return false;
  return actor.scope === "region" || row.unit_id === actor.unitId;
}

export function assertRead(actor: Actor) {
  if (!canReadRegisters(actor)) throw new ForbiddenError("reading registers needs record.read");
}

function assertWrite(actor: Actor, decl: RegisterDecl) {
  if (!can(actor, "record.write") || !can(actor, decl.edit.permission)) {
    throw new ForbiddenError(
      `editing ${decl.label.en} needs the permissions record.write and ${decl.edit.permission}`,
    );
  }
  if (decl.edit.scope === "region" && actor.scope !== "region") {
    throw new ForbiddenError(`${decl.label.en} is kept by the region's rule-of-law office`);
  }
}

function assertEditEntry(actor: Actor, decl: RegisterDecl, row: EntryRow) {
  assertWrite(actor, decl);
  if (!canEditEntry(actor, decl, row)) {
    throw new ForbiddenError(`entry ${row.id} belongs to another unit; only that unit edits it`);
  }
}

/** Visible to the actor (row-level security decides too; this is the second check). */
function visible(actor: Actor, row: EntryRow): boolean {
  if (!actor.regions.includes(row.region_code)) return false;
  return row.visibility === "region" || actor.scope === "region" || row.unit_id === actor.unitId;
}

// ---------------------------------------------------------------------------------
// Rows and views

export async function loadEntryRow(
  w: WorkTx,
  decl: RegisterDecl,
  id: number,
  opts: { lock?: boolean } = {},
): Promise<EntryRow> {
  const q = w.trx
    .selectFrom("register_entry")
    .selectAll()
    .where("id", "=", id)
    .where("register", "=", decl.code)
    .where("region_code", "in", w.actor.regions);
  const row = await (opts.lock ? q.forUpdate() : q).executeTakeFirst();
  if (!row || !visible(w.actor, row)) throw new NotFoundError(`no ${decl.label.en} entry ${id}`);
  return row;
}

function titleOf(decl: RegisterDecl, data: EntryData, id: number): string {
  try {
    return decl.title(data as never) || `#${id}`;
  } catch {
    return `#${id}`;
  }
}

export function toView(w: WorkTx, decl: RegisterDecl, row: EntryRow, data: EntryData): EntryView {
  return {
    id: row.id,
    register: row.register,
    regionCode: row.region_code,
    unitId: row.unit_id,
    visibility: row.visibility,
    version: row.version,
    title: titleOf(decl, data, row.id),
    data,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    createdBy: row.created_by,
    updatedBy: row.updated_by,
    editable: canEditEntry(w.actor, decl, row),
  };
}

const storedOf = (row: EntryRow) => (row.data ?? {}) as EntryData;

/** Does the actor see the entry's encrypted fields in full? Only the owning unit does. */
export function seesSecrets(actor: Actor, row: { unit_id: number }): boolean {
  return row.unit_id === actor.unitId;
}

/** The entry's plaintext as the actor may see it: encrypted fields masked but for the owner. */
function shownData(w: WorkTx, decl: RegisterDecl, row: EntryRow, plain: EntryData): EntryData {
  return seesSecrets(w.actor, row) ? plain : maskData(decl, plain);
}

/**
 * Input data with each encrypted field that was written back exactly as it is shown
 * masked (138****5678) replaced by the stored number, so that a unit seeing it masked
 * can still edit the other fields.
 */
function unmaskInput(decl: RegisterDecl, row: EntryRow, input: unknown, env: RegisterEnv): unknown {
  const fields = encryptedFields(decl);
  if (fields.length === 0 || !input || typeof input !== "object" || Array.isArray(input)) {
    return input;
  }
  const data = input as EntryData;
  if (!fields.some((f) => typeof data[f] === "string" && data[f].includes("*"))) return input;
  const before = decryptData(decl, storedOf(row), env);
  const out = { ...data };
  for (const f of fields) {
    const old = before[f];
    if (typeof old === "string" && old !== "" && out[f] === maskSecret(old)) out[f] = old;
  }
  return out;
}

// ---------------------------------------------------------------------------------
// Keys

export interface TakenKey extends KeyValue {
  entryId: number;
}

/** The keys among `keys` held by an entry other than `exceptId`. */
export async function takenKeys(
  w: WorkTx,
  decl: RegisterDecl,
  regionCode: string,
  keys: KeyValue[],
  exceptId?: number,
): Promise<TakenKey[]> {
  const out: TakenKey[] = [];
  for (const k of keys) {
    const row = await w.trx
      .selectFrom("register_key")
      .select("entry_id")
      .where("region_code", "=", regionCode)
      .where("register", "=", decl.code)
      .where("key_name", "=", k.name)
      .where("key_value", "=", k.value)
      .executeTakeFirst();
    if (row && row.entry_id !== exceptId) out.push({ ...k, entryId: row.entry_id });
  }
  return out;
}

export function keyFieldErrors(decl: RegisterDecl, taken: KeyValue[]): FieldError[] {
  return taken.flatMap((k) =>
    k.fields.map((f) => ({
      field: f,
      message: `already used by another ${decl.label.en} entry (unique: ${k.fields
        .map((x) => columnOf(decl, x)?.label.zh ?? x)
        .join(" + ")})`,
    })),
  );
}

function keyError(decl: RegisterDecl, taken: KeyValue[]): ValidationError {
  const fields = keyFieldErrors(decl, taken);
  return new ValidationError(
    `${decl.label.en}: ${[...new Set(fields.map((f) => f.field))].join(", ")} already taken`,
    fields,
  );
}

async function writeKeys(
  w: WorkTx,
  decl: RegisterDecl,
  regionCode: string,
  entryId: number,
  plain: EntryData,
  env: RegisterEnv,
): Promise<void> {
  await w.trx
    .deleteFrom("register_key")
    .where("region_code", "=", regionCode)
    .where("register", "=", decl.code)
    .where("entry_id", "=", entryId)
    .execute();
  const keys = uniqueKeyValues(decl, plain, env);
  const lost: KeyValue[] = [];
  for (const k of keys) {
    // A concurrent writer that took the key first makes this insert do nothing.
    const got = await w.trx
      .insertInto("register_key")
      .values({
        region_code: regionCode,
        register: decl.code,
        key_name: k.name,
        key_value: k.value,
        entry_id: entryId,
      })
      .onConflict((oc) =>
        oc.columns(["region_code", "register", "key_name", "key_value"]).doNothing(),
      )
      .returning("entry_id")
      .executeTakeFirst();
    if (!got) lost.push(k);
  }
  if (lost.length > 0) throw keyError(decl, lost);
  const bi = blindIndexRows(decl, plain, entryId, env);
  if (bi.length > 0) {
    await w.trx
      .insertInto("register_key")
      .values(
        bi.map((r) => ({ ...r, region_code: regionCode, register: decl.code, entry_id: entryId })),
      )
      .execute();
  }
}

// ---------------------------------------------------------------------------------
// Writing (shared by the API and the xlsx import; callers check access first)

export async function resolveUnit(
  w: WorkTx,
  unitId: number | undefined,
): Promise<{ id: number; regionCode: string }> {
  const id = unitId ?? w.actor.unitId;
  if (w.actor.scope === "unit" && id !== w.actor.unitId) {
    throw new ForbiddenError("a unit records entries of its own unit only");
  }
  const unit = await w.trx
    .selectFrom("unit")
    .select(["id", "region_code"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!unit || !w.actor.regions.includes(unit.region_code)) {
    throw new ValidationError(`no unit ${id} in your regions`, [
      { field: "unitId", message: `no unit ${id} in your regions` },
    ]);
  }
  return { id: unit.id, regionCode: unit.region_code };
}

export async function insertEntry(
  w: WorkTx,
  decl: RegisterDecl,
  unit: { id: number; regionCode: string },
  plain: EntryData,
  env: RegisterEnv,
): Promise<EntryRow> {
  const taken = await takenKeys(w, decl, unit.regionCode, uniqueKeyValues(decl, plain, env));
  if (taken.length > 0) throw keyError(decl, taken);
  const stored = encryptData(decl, plain, env);
  const row = await w.trx
    .insertInto("register_entry")
    .values({
      region_code: unit.regionCode,
      register: decl.code,
      unit_id: unit.id,
      visibility: decl.visibility,
      data: JSON.stringify(stored),
      created_at: w.now,
      updated_at: w.now,
      created_by: w.actor.userId,
      updated_by: w.actor.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeKeys(w, decl, unit.regionCode, row.id, plain, env);
  await w.audit({
    regionCode: unit.regionCode,
    action: `register.${decl.code}.create`,
    entityType: ENTITY,
    entityId: row.id,
    after: stored,
  });
  return row;
}

/** Update a row read in this transaction to new (validated) data, if its version is still the one read (else 409); null when nothing changed. */
export async function updateEntryRow(
  w: WorkTx,
  decl: RegisterDecl,
  row: EntryRow,
  plain: EntryData,
  env: RegisterEnv,
  reason: string | null | undefined,
): Promise<EntryRow | null> {
  const before = storedOf(row);
  const stored = encryptData(decl, plain, env, before);
  if (sameData(before, stored)) return null;
  if (decl.sensitive?.includes("update") && !reason?.trim()) {
    throw new ValidationError(`a reason is required to change a ${decl.label.en} entry`, [
      { field: "reason", message: "required" },
    ]);
  }
  const taken = await takenKeys(
    w,
    decl,
    row.region_code,
    uniqueKeyValues(decl, plain, env),
    row.id,
  );
  if (taken.length > 0) throw keyError(decl, taken);
  const updated = await w.trx
    .updateTable("register_entry")
    .set({
      data: JSON.stringify(stored),
      version: sql`version + 1`,
      visibility: decl.visibility,
      updated_at: w.now,
      updated_by: w.actor.userId,
    })
    .where("region_code", "=", row.region_code)
    .where("id", "=", row.id)
    .where("version", "=", row.version)
    .returningAll()
    .executeTakeFirst();
  if (!updated) throw new ConflictError(`${decl.label.en} entry ${row.id} was changed meanwhile`);
  await writeKeys(w, decl, row.region_code, row.id, plain, env);
  await w.audit({
    regionCode: row.region_code,
    action: `register.${decl.code}.update`,
    entityType: ENTITY,
    entityId: row.id,
    before,
    after: stored,
    reason: reason ?? null,
    reasonRequired: decl.sensitive?.includes("update") ?? false,
  });
  return updated;
}

// ---------------------------------------------------------------------------------
// The actions

export async function createEntry(
  w: WorkTx,
  decl: RegisterDecl,
  input: { data: unknown; unitId?: number },
  env: RegisterEnv = {},
): Promise<EntryView> {
  assertWrite(w.actor, decl);
  const plain = validateData(decl, input.data);
  const unit = await resolveUnit(w, input.unitId);
  const row = await insertEntry(w, decl, unit, plain, env);
  return toView(w, decl, row, shownData(w, decl, row, plain));
}

export async function getEntry(
  w: WorkTx,
  decl: RegisterDecl,
  id: number,
  env: RegisterEnv = {},
): Promise<EntryView> {
  assertRead(w.actor);
  const row = await loadEntryRow(w, decl, id);
  return toView(w, decl, row, shownData(w, decl, row, decryptData(decl, storedOf(row), env)));
}

export async function updateEntry(
  w: WorkTx,
  decl: RegisterDecl,
  id: number,
  input: { version: number; data: unknown; reason?: string | null },
  env: RegisterEnv = {},
): Promise<EntryView> {
  assertWrite(w.actor, decl);
  // No row lock: the UPDATE itself checks the version (a lock would need the row to pass
  // the update policy, turning "visible but not yours" into "not found").
  const row = await loadEntryRow(w, decl, id);
  assertEditEntry(w.actor, decl, row);
  if (row.version !== input.version) {
    throw new ConflictError(
      `${decl.label.en} entry ${id} is at version ${row.version}, not ${input.version}: reload and try again`,
    );
  }
  const plain = validateData(decl, unmaskInput(decl, row, input.data, env));
  const updated = await updateEntryRow(w, decl, row, plain, env, input.reason);
  return toView(w, decl, updated ?? row, shownData(w, decl, row, plain));
}

export async function deleteEntry(
  w: WorkTx,
  decl: RegisterDecl,
  id: number,
  input: { reason?: string | null; version?: number },
  _env: RegisterEnv = {},
): Promise<void> {
  assertWrite(w.actor, decl);
  const row = await loadEntryRow(w, decl, id);
  assertEditEntry(w.actor, decl, row);
  const reason = input.reason?.trim() || null;
  if (decl.sensitive?.includes("delete") && !reason) {
    throw new ValidationError(`a reason is required to delete a ${decl.label.en} entry`, [
      { field: "reason", message: "required" },
    ]);
  }
  if (input.version !== undefined && input.version !== row.version) {
    throw new ConflictError(
      `${decl.label.en} entry ${id} is at version ${row.version}, not ${input.version}`,
    );
  }
  const gone = await w.trx
    .deleteFrom("register_entry")
    .where("region_code", "=", row.region_code)
    .where("id", "=", row.id)
    .where("version", "=", row.version)
    .returning("id")
    .executeTakeFirst();
  if (!gone) throw new ConflictError(`${decl.label.en} entry ${id} was changed meanwhile`);
  await w.audit({
    regionCode: row.region_code,
    action: `register.${decl.code}.delete`,
    entityType: ENTITY,
    entityId: row.id,
    before: storedOf(row),
    reason,
    reasonRequired: decl.sensitive?.includes("delete") ?? false,
  });
}

export interface EntryVersion {
  seq: number;
  /** The entry's version after this change (null for a deletion). */
  version: number | null;
  at: string;
  action: string;
  actor: { userId: number | null; unitId: number | null; name: string | null };
  before: EntryData | null;
  after: EntryData | null;
  changed: string[];
  reason: string | null;
}

/** The entry's history, from the audit trail, oldest first. */
export async function entryVersions(
  w: WorkTx,
  decl: RegisterDecl,
  id: number,
  env: RegisterEnv = {},
): Promise<EntryVersion[]> {
  assertRead(w.actor);
  const row = await loadEntryRow(w, decl, id);
  const events = await w.trx
    .selectFrom("audit_event")
    .select(["seq", "occurred_at", "action", "actor_user_id", "actor_unit_id", "actor_name"])
    .select(["before", "after", "reason"])
    .where("region_code", "=", row.region_code)
    .where("chain_key", "=", `${ENTITY}:${row.id}`)
    .where("entity_type", "=", ENTITY)
    .orderBy("seq")
    .execute();
  const full = seesSecrets(w.actor, row);
  const open = (v: unknown): EntryData | null => {
    if (v === null || v === undefined || typeof v !== "object") return null;
    try {
      const plain = decryptData(decl, v as EntryData, env);
      return full ? plain : maskData(decl, plain);
    } catch {
      return maskData(decl, v as EntryData);
    }
  };
  let version = 0;
  return events.map((e) => {
    const before = open(e.before);
    const after = open(e.after);
    if (after) version += 1;
    return {
      seq: e.seq,
      version: after ? version : null,
      at: new Date(e.occurred_at).toISOString(),
      action: e.action,
      actor: { userId: e.actor_user_id, unitId: e.actor_unit_id, name: e.actor_name },
      before,
      after,
      changed: changedFields(before, after),
      reason: e.reason,
    };
  });
}

// ---------------------------------------------------------------------------------
// Listing

export interface ListQuery {
  /** Equality on declared filter columns: field → value (as text, from a query string). */
  filters?: Record<string, string>;
  /** Text search over the text and list columns. */
  q?: string;
  unitId?: number;
  page?: number;
  pageSize?: number;
  /** A column field, or id / createdAt / updatedAt; "-" first for descending. Default -id. */
  sort?: string;
}

export interface EntryPage {
  items: EntryView[];
  total: number;
  page: number;
  pageSize: number;
}

const e = (field: string) => sql`e.data->>${field}::text`;

function filterExpression(
  decl: RegisterDecl,
  col: ColumnDecl,
  value: string,
  env: RegisterEnv,
): Expression<SqlBool> {
  const bad = (message: string) =>
    new ValidationError(`invalid filter ${col.field}`, [{ field: col.field, message }]);
  if (encryptedFields(decl).includes(col.field)) {
    const bi = blindIndexOf(decl, col.field, value, env);
    return sql<SqlBool>`exists (select 1 from register_key k
      where k.region_code = e.region_code and k.register = e.register
        and k.key_name = ${`bi:${col.field}`} and k.key_value = ${`${bi}:`} || e.id::text)`;
  }
  switch (col.kind) {
    case "enum":
      if (col.options && !Object.hasOwn(col.options, value)) {
        throw bad(`one of ${Object.keys(col.options).join(", ")}`);
      }
      return sql<SqlBool>`${e(col.field)} = ${value}`;
    case "list":
      return sql<SqlBool>`e.data->${col.field}::text @> jsonb_build_array(${value}::text)`;
    case "integer":
    case "number": {
      const n = Number(value);
      if (value.trim() === "" || !Number.isFinite(n)) throw bad("a number");
      return sql<SqlBool>`e.data->${col.field}::text = to_jsonb(${String(n)}::numeric)`;
    }
    case "boolean":
      if (value !== "true" && value !== "false") throw bad("true or false");
      return sql<SqlBool>`e.data->${col.field}::text = ${value}::jsonb`;
    default:
      return sql<SqlBool>`${e(col.field)} = ${value}`;
  }
}

function searchable(decl: RegisterDecl): string[] {
  const enc = new Set(encryptedFields(decl));
  return decl.columns
    .filter((c) => (c.kind === "text" || c.kind === "list") && !enc.has(c.field))
    .map((c) => c.field);
}

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The list query's WHERE parts (shared by the list, the export and its count). */
export function listConditions(
  w: WorkTx,
  decl: RegisterDecl,
  query: ListQuery,
  env: RegisterEnv,
): Expression<SqlBool>[] {
  const conds: Expression<SqlBool>[] = [
    sql<SqlBool>`e.register = ${decl.code}`,
    sql<SqlBool>`e.region_code = any(${w.actor.regions}::text[])`,
  ];
  const errors: FieldError[] = [];
  for (const [field, value] of Object.entries(query.filters ?? {})) {
    const col = columnOf(decl, field);
    if (!col?.filter) {
      errors.push({ field, message: `not a filter of ${decl.label.en}` });
      continue;
    }
    try {
      conds.push(filterExpression(decl, col, value, env));
    } catch (err) {
      if (err instanceof ValidationError && err.fields) errors.push(...err.fields);
      else throw err;
    }
  }
  if (errors.length > 0) throw new ValidationError("invalid filters", errors);
  if (query.unitId !== undefined) conds.push(sql<SqlBool>`e.unit_id = ${query.unitId}`);
  const q = query.q?.trim();
  if (q) {
    const fields = searchable(decl);
    if (fields.length > 0) {
      conds.push(
        sql<SqlBool>`concat_ws(' ', ${sql.join(fields.map((f) => e(f)))}) ilike ${likePattern(q)}`,
      );
    } else {
      conds.push(sql<SqlBool>`false`);
    }
  }
  return conds;
}

function orderOf(decl: RegisterDecl, sort: string | undefined) {
  const s = sort?.trim() || "-id";
  const desc = s.startsWith("-");
  const key = desc ? s.slice(1) : s;
  const dir = sql.raw(desc ? "desc" : "asc");
  const fixed: Record<string, string> = {
    id: "e.id",
    createdAt: "e.created_at",
    updatedAt: "e.updated_at",
  };
  const col = columnOf(decl, key);
  if (fixed[key]) return sql`${sql.raw(fixed[key])} ${dir}, e.id ${dir}`;
  if (!col || encryptedFields(decl).includes(key)) {
    throw new ValidationError(`cannot sort by ${key}`, [
      { field: "sort", message: `one of id, createdAt, updatedAt or a column of ${decl.label.en}` },
    ]);
  }
  const expr =
    col.kind === "integer" || col.kind === "number"
      ? sql`(e.data->>${key}::text)::numeric`
      : e(key);
  return sql`${expr} ${dir} nulls last, e.id ${dir}`;
}

export function pagingOf(query: { page?: number; pageSize?: number }) {
  const page = Math.max(1, Math.floor(query.page ?? 1));
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(query.pageSize ?? 50)));
  return { page, pageSize };
}

/** Rows matching a list query, in order (no access check: callers check). */
export async function selectRows(
  w: WorkTx,
  decl: RegisterDecl,
  query: ListQuery,
  env: RegisterEnv,
  limit: { offset: number; limit: number },
): Promise<{ rows: EntryRow[]; total: number }> {
  const conds = listConditions(w, decl, query, env);
  const order = orderOf(decl, query.sort);
  const where = sql.join(conds, sql` and `);
  const count = await sql<{
    n: number;
  }>`select count(*)::int as n from register_entry e where ${where}`.execute(w.trx);
  const rows = await sql<EntryRow>`select e.* from register_entry e where ${where}
    order by ${order} limit ${limit.limit} offset ${limit.offset}`.execute(w.trx);
  return { rows: rows.rows.filter((r) => visible(w.actor, r)), total: count.rows[0]?.n ?? 0 };
}

/** A page of entries; encrypted fields are masked in lists (the entry itself shows them). */
export async function listEntries(
  w: WorkTx,
  decl: RegisterDecl,
  query: ListQuery,
  env: RegisterEnv = {},
): Promise<EntryPage> {
  assertRead(w.actor);
  const { page, pageSize } = pagingOf(query);
  const { rows, total } = await selectRows(w, decl, query, env, {
    offset: (page - 1) * pageSize,
    limit: pageSize,
  });
  const items = rows.map((r) =>
    toView(w, decl, r, maskData(decl, decryptData(decl, storedOf(r), env))),
  );
  return { items, total, page, pageSize };
}

export interface RegisterSummary {
  code: string;
  label: { zh: string; en: string };
  module: string;
  visibility: "unit" | "region";
  columns: {
    field: string;
    label: { zh: string; en: string };
    kind: ColumnDecl["kind"];
    options?: Record<string, { zh: string; en: string }>;
    inList: boolean;
    filter: boolean;
  }[];
  filters: string[];
  uniqueKeys: { name: string; fields: string[] }[];
  sensitive: ("update" | "delete")[];
  isPublic: boolean;
  canEdit: boolean;
}

export function registerSummary(actor: Actor, decl: RegisterDecl): RegisterSummary {
  return {
    code: decl.code,
    label: decl.label,
    module: decl.module,
    visibility: decl.visibility,
    columns: decl.columns.map((c) => ({
      field: c.field,
      label: c.label,
      kind: c.kind,
      ...(c.options ? { options: c.options } : {}),
      inList: c.inList ?? true,
      filter: c.filter ?? false,
    })),
    filters: decl.columns.filter((c) => c.filter).map((c) => c.field),
    uniqueKeys: decl.uniqueKeys ?? [],
    sensitive: decl.sensitive ?? [],
    isPublic: decl.public !== undefined,
    canEdit: canWriteRegister(actor, decl),
  };
}

/** The declared registers the actor may read (every register, for holders of record.read). */
export function readableRegisters(actor: Actor, decls: RegisterDecl[]): RegisterSummary[] {
  if (!canReadRegisters(actor)) return [];
  return decls.map((d) => registerSummary(actor, d));
}
