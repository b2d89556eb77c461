import { type Expression, type SqlBool, sql } from "kysely";
import { type FieldError, type Text, t, ValidationError } from "../../../kernel/errors.ts";
import type { WorkTx } from "../../../platform/work.ts";
import {
  blindIndexOf,
  columnOf,
  decryptData,
  encryptedFields,
  maskData,
  type RegisterEnv,
} from "../data.ts";
import type { ColumnDecl, RegisterDecl } from "../declare.ts";
import { assertRead, visible } from "./access.ts";
import { type EntryRow, type EntryView, storedOf, toView } from "./rows.ts";

// ---------------------------------------------------------------------------------
// Listing

export const MAX_PAGE_SIZE = 200;

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
  ownUnit: number,
): Expression<SqlBool> {
  const bad = (message: Text) =>
    new ValidationError(t(`筛选条件“${col.label.zh}”有误`, `invalid filter ${col.field}`), [
      { field: col.field, message },
    ]);
  if (encryptedFields(decl).includes(col.field)) {
    const bi = blindIndexOf(decl, col.field, value, env);
    // A full ID or phone number matches only the caller's own unit's entries: another
    // unit (or the region) must not learn whether a person is in this register (issue 8).
    return sql<SqlBool>`e.unit_id = ${ownUnit} and exists (select 1 from register_key k
      where k.region_code = e.region_code and k.register = e.register
        and k.key_name = ${`bi:${col.field}`} and k.key_value = ${`${bi}:`} || e.id::text)`;
  }
  switch (col.kind) {
    case "enum":
      if (col.options && !Object.hasOwn(col.options, value)) {
        throw bad(
          t(
            `应为以下之一：${Object.values(col.options)
              .map((l) => l.zh)
              .join("、")}`,
            `one of ${Object.keys(col.options).join(", ")}`,
          ),
        );
      }
      return sql<SqlBool>`${e(col.field)} = ${value}`;
    case "list":
      return sql<SqlBool>`e.data->${col.field}::text @> jsonb_build_array(${value}::text)`;
    case "integer":
    case "number": {
      const n = Number(value);
      if (value.trim() === "" || !Number.isFinite(n)) throw bad(t("应为数字", "a number"));
      return sql<SqlBool>`e.data->${col.field}::text = to_jsonb(${String(n)}::numeric)`;
    }
    case "boolean":
      if (value !== "true" && value !== "false") throw bad(t("应为“是”或“否”", "true or false"));
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
      errors.push({
        field,
        message: t(`${decl.label.zh}不能按此筛选`, `not a filter of ${decl.label.en}`),
      });
      continue;
    }
    try {
      conds.push(filterExpression(decl, col, value, env, w.actor.unitId));
    } catch (err) {
      if (err instanceof ValidationError && err.fields) errors.push(...err.fields);
      else throw err;
    }
  }
  if (errors.length > 0) throw new ValidationError(t("筛选条件有误", "invalid filters"), errors);
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
  // Own keys only: `sort=toString` must not find Object.prototype.toString (a 500 the
  // fuzz suite found).
  if (Object.hasOwn(fixed, key)) return sql`${sql.raw(fixed[key]!)} ${dir}, e.id ${dir}`;
  if (!col || encryptedFields(decl).includes(key)) {
    throw new ValidationError(t("不能按此排序", `cannot sort by ${key}`), [
      {
        field: "sort",
        message: t(
          `应为编号、创建时间、更新时间或${decl.label.zh}的一列`,
          `one of id, createdAt, updatedAt or a column of ${decl.label.en}`,
        ),
      },
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
