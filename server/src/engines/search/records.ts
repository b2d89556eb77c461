/**
 * Indexing records for search: one `search_doc` per record and audience, rebuilt from
 * the record as stored whenever the record is written (the case engine calls
 * `indexCase` at the end of opening a case and of every step; the register engine calls
 * `indexEntry` after each insert and update; deletions are followed by a trigger).
 *
 * - internal: the title, numbers and declared search fields, read later under the
 *   record's own row-level security (the policy on search_doc asks the record's table);
 * - public: only the record's public projection (the same allowlist the portal shows),
 *   and only while the record is public; otherwise no public document exists.
 *
 * The text is read from the stored record: encrypted ID and phone numbers stay
 * encrypted and are skipped, so they never reach the index.
 */
import { type Kysely, type Selectable, sql, type Transaction } from "kysely";
import type { CaseFileTable, DB, RegisterEntryTable } from "../../db/schema.ts";
import { toLocalDate } from "../../kernel/time/index.ts";
import { isEncryptedField } from "../../platform/crypto/field-cipher.ts";
import type { AnyCaseType } from "../case/declare.ts";
import { toView } from "../case/store.ts";
import type { RegisterDecl } from "../register/declare.ts";
import { publicProjection } from "../register/public.ts";
import type { Registry } from "../registry.ts";
import { tsvectorOf } from "./text.ts";

type Db = Transaction<DB> | Kysely<DB>;

const MAX_LEAVES = 2000;

/** The text inside a value: strings (not encrypted ones), numbers, and what objects and lists hold. */
export function textOf(value: unknown, out: string[] = []): string[] {
  if (out.length >= MAX_LEAVES || value === null || value === undefined) return out;
  if (typeof value === "string") {
    if (value.trim() && !isEncryptedField(value)) out.push(value);
  } else if (typeof value === "number" || typeof value === "bigint") {
    out.push(String(value));
  } else if (Array.isArray(value)) {
    for (const v of value) textOf(v, out);
  } else if (typeof value === "object") {
    for (const v of Object.values(value as Record<string, unknown>)) textOf(v, out);
  }
  return out;
}

interface Doc {
  region_code: string;
  kind: "case" | "register" | "document";
  record_id: number;
  audience: "internal" | "public";
  source: string;
  unit_id: number;
  status: string | null;
  on_date: string | null;
  title: string;
  body: string;
}

async function upsert(db: Db, doc: Doc, now: Date) {
  const tokens = tsvectorOf([
    { text: doc.title, weight: "A" },
    { text: doc.body, weight: "D" },
  ]);
  const values = { ...doc, tokens: sql<string>`${tokens}::tsvector`, indexed_at: now };
  await db
    .insertInto("search_doc")
    .values(values)
    .onConflict((oc) =>
      oc.columns(["region_code", "kind", "record_id", "audience"]).doUpdateSet({
        source: doc.source,
        unit_id: doc.unit_id,
        status: doc.status,
        on_date: doc.on_date,
        title: doc.title,
        body: doc.body,
        tokens: values.tokens,
        indexed_at: now,
      }),
    )
    .execute();
}

async function forget(
  db: Db,
  key: { region: string; kind: Doc["kind"]; id: number; audience: Doc["audience"] },
) {
  await db
    .deleteFrom("search_doc")
    .where("region_code", "=", key.region)
    .where("kind", "=", key.kind)
    .where("record_id", "=", key.id)
    .where("audience", "=", key.audience)
    .execute();
}

/** The first strings of a public projection, in its labels' order: its title in results. */
function publicTitle(p: Record<string, unknown>, order: readonly string[], fallback: string) {
  const keys = [...order, ...Object.keys(p).filter((k) => !order.includes(k))];
  const parts = keys
    .filter((k) => k !== "id")
    .flatMap((k) => (typeof p[k] === "string" && p[k] ? [p[k] as string] : []))
    .slice(0, 2);
  return (parts.join(" ") || fallback).slice(0, 500);
}

/** One document's upsert as a common table expression `name` (for one statement with others). */
function upsertWrite(name: string, doc: Doc, now: Date) {
  const tokens = tsvectorOf([
    { text: doc.title, weight: "A" },
    { text: doc.body, weight: "D" },
  ]);
  return sql`${sql.raw(name)} as (
    insert into search_doc (region_code, kind, record_id, source, unit_id, status, on_date,
      audience, title, body, tokens, indexed_at)
    values (${doc.region_code}, ${doc.kind}, ${doc.record_id}, ${doc.source}, ${doc.unit_id},
      ${doc.status}, ${doc.on_date}::date, ${doc.audience}, ${doc.title}, ${doc.body},
      ${tokens}::tsvector, ${now})
    on conflict (region_code, kind, record_id, audience) do update set source = excluded.source,
      unit_id = excluded.unit_id, status = excluded.status, on_date = excluded.on_date,
      title = excluded.title, body = excluded.body, tokens = excluded.tokens,
      indexed_at = excluded.indexed_at)`;
}

/**
 * The index writes of one case as stored (`row`), as common table expressions
 * (`search_internal`, `search_public`): its internal document upserted, its public one
 * upserted or removed — sent in one statement, alone (`indexCaseRow`) or at the end of a
 * step with its other writes.
 */
export function caseIndexWrites(decl: AnyCaseType, row: Selectable<CaseFileTable>, now: Date) {
  const kind = decl.search?.kind ?? "case";
  const fields = (row.fields ?? {}) as Record<string, unknown>;
  const body = [
    ...textOf(row.numbers),
    ...(decl.search?.fields ?? []).flatMap((f) => textOf(fields[f])),
  ].join("\n");
  const base = {
    region_code: row.region_code,
    kind,
    record_id: row.id,
    source: decl.code,
    unit_id: row.unit_id,
    status: row.state,
    on_date: row.opened_on,
  } as const;
  const internal = upsertWrite(
    "search_internal",
    { ...base, audience: "internal", title: row.title, body },
    now,
  );
  const inState = !decl.publicStates || decl.publicStates.includes(row.state);
  let projection: Record<string, unknown> | undefined;
  try {
    projection = decl.public && inState ? decl.public(toView(row)) : undefined;
  } catch {
    // A projection that fails on this record's data shows nothing (as the portal would),
    // and never breaks the step that wrote the record.
    projection = undefined;
  }
  if (!projection) {
    return sql`${internal}, search_public as (
      delete from search_doc where region_code = ${row.region_code} and kind = ${kind}
         and record_id = ${row.id} and audience = 'public')`;
  }
  const order = Object.keys(decl.publicLabels ?? {});
  const pub = upsertWrite(
    "search_public",
    {
      ...base,
      audience: "public",
      title: publicTitle(projection, order, decl.label.zh),
      body: textOf(projection).join("\n"),
    },
    now,
  );
  return sql`${internal}, ${pub}`;
}

/** (Re)index one case as stored (one statement). */
export async function indexCaseRow(
  db: Db,
  decl: AnyCaseType,
  row: Selectable<CaseFileTable>,
  now: Date,
): Promise<void> {
  await sql`with ${caseIndexWrites(decl, row, now)} select 1`.execute(db);
}

/** (Re)index one case by its key — what the case engine calls after each write. */
export async function indexCase(
  db: Db,
  registry: Registry,
  key: { regionCode: string; id: number },
  now: Date,
): Promise<void> {
  const row = await db
    .selectFrom("case_file")
    .selectAll()
    .where("region_code", "=", key.regionCode)
    .where("id", "=", key.id)
    .executeTakeFirst();
  const decl = row ? registry.caseType(row.case_type) : undefined;
  if (row && decl) await indexCaseRow(db, decl, row, now);
}

/** The entry's data without its encrypted fields (ID and phone numbers never reach the index). */
function clearData(decl: RegisterDecl, data: Record<string, unknown>) {
  const out = { ...data };
  for (const f of decl.encrypted ?? []) delete out[f];
  return out;
}

function entryTitle(decl: RegisterDecl, data: Record<string, unknown>): string {
  try {
    return decl.title(data as never).slice(0, 500) || decl.label.zh;
  } catch {
    return decl.label.zh;
  }
}

/** The entry's documents: the internal one, and the public one while the entry is public. */
function entryDocs(decl: RegisterDecl, row: Selectable<RegisterEntryTable>): Doc[] {
  const data = clearData(decl, (row.data ?? {}) as Record<string, unknown>);
  const fields =
    decl.search?.fields ??
    decl.columns.filter((c) => c.kind === "text" || c.kind === "list").map((c) => c.field);
  const base = {
    region_code: row.region_code,
    kind: "register",
    record_id: row.id,
    source: decl.code,
    unit_id: row.unit_id,
    status: null,
    on_date: toLocalDate(row.created_at),
  } as const;
  const docs: Doc[] = [
    {
      ...base,
      audience: "internal",
      title: entryTitle(decl, data),
      body: fields.flatMap((f) => textOf(data[f])).join("\n"),
    },
  ];
  let shown = false;
  if (decl.public) {
    try {
      shown = decl.public.where ? decl.public.where(data as never) : true;
    } catch {
      shown = false;
    }
  }
  if (shown) {
    const p = publicProjection(decl, row.id, data);
    const { id: _id, ...shownFields } = p;
    docs.push({
      ...base,
      audience: "public",
      title: publicTitle(shownFields, decl.public?.fields ?? [], decl.label.zh),
      body: textOf(shownFields).join("\n"),
    });
  }
  return docs;
}

/** (Re)index one register entry as stored — what the register engine calls after each write. */
export async function indexEntry(
  db: Db,
  decl: RegisterDecl,
  row: Selectable<RegisterEntryTable>,
  now: Date,
): Promise<void> {
  const docs = entryDocs(decl, row);
  for (const doc of docs) await upsert(db, doc, now);
  if (!docs.some((d) => d.audience === "public")) {
    await forget(db, { region: row.region_code, kind: "register", id: row.id, audience: "public" });
  }
}

/** The search documents of many entries, tokenised, and the entries that have no public one. */
export interface EntryDocuments {
  docs: (Doc & { tokens: string })[];
  hidden: { region_code: string; id: number }[];
}

/** Build the documents of many entries of a register (no I/O): what `indexEntries` writes. */
export function entryDocuments(
  decl: RegisterDecl,
  rows: readonly Selectable<RegisterEntryTable>[],
): EntryDocuments {
  const docs = rows.flatMap((r) => entryDocs(decl, r));
  const shown = new Set(docs.filter((d) => d.audience === "public").map((d) => d.record_id));
  return {
    docs: docs.map((d) => ({
      ...d,
      tokens: tsvectorOf([
        { text: d.title, weight: "A" },
        { text: d.body, weight: "D" },
      ]),
    })),
    hidden: rows
      .filter((r) => !shown.has(r.id))
      .map((r) => ({ region_code: r.region_code, id: r.id })),
  };
}

/** Delete the public documents of these entries (one statement). */
export async function forgetPublicEntries(db: Db, hidden: EntryDocuments["hidden"]): Promise<void> {
  if (hidden.length === 0) return;
  await sql`
    delete from search_doc s
     using unnest(${hidden.map((r) => r.region_code)}::text[], ${hidden.map((r) => r.id)}::bigint[])
       as h(region_code, record_id)
     where s.region_code = h.region_code and s.kind = 'register'
       and s.record_id = h.record_id and s.audience = 'public'`.execute(db);
}

/**
 * (Re)index many entries of a register in two statements (the import's batches): one
 * upsert of every document from a JSON array, one delete of the public documents of the
 * entries that are not public.
 */
export async function indexEntries(
  db: Db,
  decl: RegisterDecl,
  rows: readonly Selectable<RegisterEntryTable>[],
  now: Date,
): Promise<void> {
  if (rows.length === 0) return;
  const { docs, hidden } = entryDocuments(decl, rows);
  await sql`
    insert into search_doc (region_code, kind, record_id, audience, source, unit_id, status,
      on_date, title, body, tokens, indexed_at)
    select d.region_code, d.kind, d.record_id, d.audience, d.source, d.unit_id, d.status,
      d.on_date, d.title, d.body, d.tokens::tsvector, ${now}
      from jsonb_to_recordset(${JSON.stringify(docs)}::jsonb) as d(region_code text, kind text,
        record_id bigint, audience text, source text, unit_id bigint, status text, on_date date,
        title text, body text, tokens text)
    on conflict (region_code, kind, record_id, audience) do update set
      source = excluded.source, unit_id = excluded.unit_id, status = excluded.status,
      on_date = excluded.on_date, title = excluded.title, body = excluded.body,
      tokens = excluded.tokens, indexed_at = excluded.indexed_at`.execute(db);
  await forgetPublicEntries(db, hidden);
}

/**
 * Rebuild every search document of a region (or all regions), e.g. after a bulk import
 * or a change of declarations: `fazhi search reindex`. Runs on the connection given
 * (the CLI passes the owner's).
 */
export async function reindexAll(
  db: Kysely<DB>,
  registry: Registry,
  now: Date,
  region?: string,
): Promise<{ cases: number; entries: number }> {
  let cases = 0;
  let entries = 0;
  await db.transaction().execute(async (trx) => {
    let del = trx.deleteFrom("search_doc");
    if (region) del = del.where("region_code", "=", region);
    await del.execute();
    let cq = trx.selectFrom("case_file").selectAll().orderBy("id");
    if (region) cq = cq.where("region_code", "=", region);
    for (const row of await cq.execute()) {
      const decl = registry.caseType(row.case_type);
      if (!decl) continue;
      await indexCaseRow(trx, decl, row, now);
      cases++;
    }
    let eq = trx.selectFrom("register_entry").selectAll().orderBy("id");
    if (region) eq = eq.where("region_code", "=", region);
    for (const row of await eq.execute()) {
      const decl = registry.register(row.register);
      if (!decl) continue;
      await indexEntry(trx, decl, row, now);
      entries++;
    }
  });
  return { cases, entries };
}
