import { type Expression, type RawBuilder, type SqlBool, sql } from "kysely";

export type JsonScalar = string | number | boolean | null;

/**
 * Equality on top-level keys of a jsonb document (a case's `fields`, a register
 * entry's `data`, a step's `data`): a value (compared with its JSON type: `true` is not
 * `"true"`), or a list of values (any of them). `null` matches a missing key too.
 */
export type JsonWhere = Readonly<Record<string, JsonScalar | readonly JsonScalar[]>>;

/** Typed reads of a jsonb document's top-level keys, for `filter` predicates. */
export interface JsonAccess {
  /** The value as text (`->>`); null when missing. */
  text(key: string): RawBuilder<string | null>;
  /**
   * A JSON number, or a string holding a decimal number, as numeric; else null. (Typed
   * as a number for comparisons; a selected numeric arrives in JS as a string.)
   */
  num(key: string): RawBuilder<number | null>;
  /** A JSON boolean; else null. */
  bool(key: string): RawBuilder<boolean | null>;
  /** A date string (YYYY-MM-DD, the first 10 characters of the text); empty → null. */
  date(key: string): RawBuilder<string | null>;
  /** The key is present and not JSON null. */
  has(key: string): RawBuilder<SqlBool>;
  /** jsonb containment `@>`, e.g. contains({ tags: ["major"] }). */
  contains(value: Record<string, unknown>): RawBuilder<SqlBool>;
}

export function jsonAccess(column: string): JsonAccess {
  const c = sql.ref(column);
  const text = (key: string) => sql<string | null>`(${c} ->> ${key}::text)`;
  return {
    text,
    num: (key) =>
      sql<number | null>`(case jsonb_typeof(${c} -> ${key}::text)
        when 'number' then (${c} ->> ${key}::text)::numeric
        when 'string' then case when btrim(${c} ->> ${key}::text) ~ '^-?[0-9]+(\\.[0-9]+)?$'
                                then btrim(${c} ->> ${key}::text)::numeric end
        end)`,
    bool: (key) =>
      sql<boolean | null>`(case when jsonb_typeof(${c} -> ${key}::text) = 'boolean'
        then (${c} ->> ${key}::text)::boolean end)`,
    date: (key) => sql<string | null>`left(nullif(${text(key)}, ''), 10)`,
    has: (key) => sql<SqlBool>`(coalesce(jsonb_typeof(${c} -> ${key}::text), 'null') <> 'null')`,
    contains: (value) => sql<SqlBool>`(${c} @> ${JSON.stringify(value)}::jsonb)`,
  };
}

/** The conditions of a JsonWhere on a jsonb column (all must hold). */
export function jsonWhere(column: string, where: JsonWhere | undefined): Expression<SqlBool>[] {
  if (!where) return [];
  const j = jsonAccess(column);
  const one = (key: string, v: JsonScalar): Expression<SqlBool> =>
    v === null ? sql<SqlBool>`(not ${j.has(key)})` : j.contains({ [key]: v });
  return Object.entries(where).map(([key, v]) => {
    if (!Array.isArray(v)) return one(key, v as JsonScalar);
    const list = v as readonly JsonScalar[];
    if (list.length === 0) return sql<SqlBool>`false`;
    return sql<SqlBool>`(${sql.join(
      list.map((x) => one(key, x)),
      sql` or `,
    )})`;
  });
}
