import type pg from "pg";

/**
 * What a logical backup reads from the database's catalogue: the tables of the `public`
 * schema in foreign-key dependency order (referenced tables first), their stored
 * columns (generated columns are recomputed, never copied) and primary keys, and the
 * sequences with their positions. Kysely's own migration tables are left out: the
 * migration version is recorded in the manifest and replayed by the migrator.
 */
export interface TableInfo {
  name: string;
  columns: string[];
  primaryKey: string[];
}

export interface SequenceInfo {
  name: string;
  /** null: never used (the restored schema's fresh sequence is already right). */
  lastValue: string | null;
}

const SKIP = new Set(["kysely_migration", "kysely_migration_lock"]);

export const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;

export async function listTables(client: pg.ClientBase): Promise<TableInfo[]> {
  const { rows: tables } = await client.query<{ oid: number; name: string }>(
    `select c.oid::int as oid, c.relname as name from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
      order by c.relname`,
  );
  const { rows: cols } = await client.query<{ oid: number; name: string }>(
    `select a.attrelid::int as oid, a.attname as name from pg_attribute a
       join pg_class c on c.oid = a.attrelid
       join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
      order by a.attrelid, a.attnum`,
  );
  const { rows: pks } = await client.query<{ oid: number; name: string }>(
    `select i.indrelid::int as oid, a.attname as name
       from pg_index i
       join pg_class c on c.oid = i.indrelid
       join pg_namespace n on n.oid = c.relnamespace
       cross join lateral unnest(i.indkey) with ordinality as k(attnum, ord)
       join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
      where n.nspname = 'public' and i.indisprimary
      order by i.indrelid, k.ord`,
  );
  const { rows: fks } = await client.query<{ from: number; to: number }>(
    `select conrelid::int as from, confrelid::int as to from pg_constraint
      where contype = 'f' and conrelid <> confrelid`,
  );
  const byOid = new Map(
    tables
      .filter((t) => !SKIP.has(t.name))
      .map((t) => [t.oid, { name: t.name, columns: [] as string[], primaryKey: [] as string[] }]),
  );
  for (const c of cols) byOid.get(c.oid)?.columns.push(c.name);
  for (const k of pks) byOid.get(k.oid)?.primaryKey.push(k.name);

  // Topological order (Kahn), ties by name so that every backup lists tables alike.
  const deps = new Map<number, Set<number>>([...byOid.keys()].map((o) => [o, new Set<number>()]));
  for (const fk of fks) if (byOid.has(fk.from) && byOid.has(fk.to)) deps.get(fk.from)!.add(fk.to);
  const order: TableInfo[] = [];
  const done = new Set<number>();
  while (done.size < byOid.size) {
    const ready = [...byOid.keys()]
      .filter((o) => !done.has(o) && [...deps.get(o)!].every((d) => done.has(d)))
      .sort((a, b) => byOid.get(a)!.name.localeCompare(byOid.get(b)!.name));
    // A cycle of foreign keys: take the rest by name (restore skips FK checks for it).
    const take = ready.length > 0 ? ready : [...byOid.keys()].filter((o) => !done.has(o));
    for (const o of take) {
      done.add(o);
      order.push(byOid.get(o)!);
    }
  }
  return order;
}

export async function listSequences(client: pg.ClientBase): Promise<SequenceInfo[]> {
  const { rows } = await client.query<{ name: string; last_value: string | null }>(
    `select sequencename as name, last_value::text as last_value from pg_sequences
      where schemaname = 'public' order by sequencename`,
  );
  return rows.map((r) => ({ name: r.name, lastValue: r.last_value }));
}

/** The newest migration applied (the schema version a backup was made at). */
export async function schemaVersion(client: pg.ClientBase): Promise<string | undefined> {
  const { rows } = await client.query<{ name: string }>(
    `select name from kysely_migration order by name desc limit 1`,
  );
  return rows[0]?.name;
}
