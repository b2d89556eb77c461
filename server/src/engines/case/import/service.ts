import { sql } from "kysely";
import { actsFor, checksOff } from "../../../kernel/access.ts";
import {
  ConflictError,
  type FieldError,
  ForbiddenError,
  type Text,
  t,
  ValidationError,
} from "../../../kernel/errors.ts";
import { sm3Hex } from "../../../platform/files/store.ts";
import type { WorkTx } from "../../../platform/work.ts";
import type { AnyCaseType } from "../declare.ts";
import type { CaseDeps } from "../deps.ts";
import { caseTypeOf } from "../service.ts";
import { requirePermission } from "../validate.ts";
import { isBlank } from "./cells.ts";
import { type ImportColumn, importColumns } from "./columns.ts";
import { isKeyRow, mapHeader } from "./header.ts";
import { detectFormat, type FileFormat, fileError, readRows } from "./read.ts";
import { type ImportedCase, type RowError, readRow } from "./row.ts";
import { CHUNK, writeChunk } from "./write.ts";

/**
 * Import a file of historical cases of one case type (CSV or xlsx), all rows or none:
 * the file is read as a stream, each row checked against the declaration (row.ts) and
 * written in chunks of a thousand inside the caller's one transaction (write.ts); the
 * first bad row stops the writing, the rest of the file is still checked so that every
 * bad row is named (row, column, why), and the transaction is rolled back. Permission:
 * `record.write` and `record.import`; a unit imports its own history, a region-scoped
 * office for any unit of its region.
 */
export interface ImportOptions {
  /** The owning unit of rows without a unit code (default: the importer's unit). */
  unitId?: number;
  fileName?: string;
  /** Content type or format; the bytes decide (xlsx is a zip, anything else CSV). */
  format?: string;
}

export interface ImportSummary {
  batch: number;
  sm3: string;
  format: FileFormat;
  rows: number;
  byState: Record<string, number>;
  /** Number sequences moved forward so that new cases continue after the history. */
  sequences: { prefix: string; kind: string; year: number; last: number }[];
}

/** At most this many bad cells are listed (the count of bad rows is always given). */
export const MAX_LISTED_ERRORS = 200;

export function rowErrorField(e: RowError): FieldError {
  return {
    field: `rows.${e.row}${e.key ? `.${e.key}` : ""}`,
    message: t(
      `第 ${e.row} 行「${e.column.zh}」：${e.message.zh}`,
      `row ${e.row}, ${e.column.en}: ${e.message.en}`,
    ),
  };
}

async function unitLookup(w: WorkTx, defaultUnitId: number | undefined) {
  const unitId = defaultUnitId ?? w.actor.unitId;
  if (unitId !== w.actor.unitId && w.actor.scope !== "region" && !checksOff(w.actor)) {
    throw new ForbiddenError(
      t("单位只能导入本单位的历史办件", "a unit imports its own history only"),
    );
  }
  const home = await w.trx
    .selectFrom("unit")
    .select(["id", "region_code"])
    .where("id", "=", unitId)
    .executeTakeFirst();
  if (!home || (!w.actor.regions.includes(home.region_code) && !checksOff(w.actor))) {
    throw new ValidationError(t("您的辖区内没有该单位", "no such unit in your regions"), [
      { field: "unitId", message: t(`没有单位 ${unitId}`, `no unit ${unitId}`) },
    ]);
  }
  // The city supervises its districts: it brings in its own region's history only.
  if (!actsFor(w.actor, { regionCode: home.region_code, unitId })) {
    throw new ForbiddenError(
      t(
        "上级依法治理机构负责监督，不为下级地区的单位导入办件",
        "a supervising region does not import cases for the units of a region below it",
      ),
    );
  }
  const regionCode = home.region_code;
  const units =
    w.actor.scope === "region"
      ? await w.trx
          .selectFrom("unit")
          .select(["id", "code"])
          .where("region_code", "=", regionCode)
          .execute()
      : [];
  const byCode = new Map(units.map((u) => [u.code, Number(u.id)]));
  const own = await w.trx
    .selectFrom("unit")
    .select("code")
    .where("id", "=", w.actor.unitId)
    .executeTakeFirst();
  return {
    regionCode,
    unitId,
    resolve(code: string | undefined): { regionCode: string; unitId: number } | Text {
      if (code === undefined) return { regionCode, unitId };
      if (w.actor.scope !== "region") {
        return code === own?.code
          ? { regionCode, unitId: w.actor.unitId }
          : t(
              `单位只能导入本单位的历史办件（“${code}”不是本单位）`,
              `a unit imports its own history only ("${code}" is another unit)`,
            );
      }
      const id = byCode.get(code);
      return id === undefined
        ? t(
            `区划 ${regionCode} 内没有编码为“${code}”的单位`,
            `no unit "${code}" in region ${regionCode}`,
          )
        : { regionCode, unitId: id };
    },
  };
}

export async function importCases(
  deps: CaseDeps,
  w: WorkTx,
  caseType: string,
  file: Buffer,
  opts: ImportOptions = {},
): Promise<ImportSummary> {
  const decl = caseTypeOf(deps, caseType);
  requirePermission(w, "record.write", `importing ${decl.label.en}`);
  requirePermission(w, "record.import", `importing ${decl.label.en}`);
  if (decl.openedBy === "step") {
    // Opened only by a step of the case it follows (declare.ts openedBy): no history of its own.
    throw new ForbiddenError(
      t(
        `${decl.label.zh}只能由相关案件的办理步骤生成，不能导入`,
        `a ${decl.label.en} is opened only by a step of the case it follows, not imported`,
      ),
    );
  }
  const format = detectFormat(file, opts.format);
  const units = await unitLookup(w, opts.unitId);
  const sm3 = sm3Hex(file);
  const earlier = await w.trx
    .selectFrom("case_import")
    .select(["id", "imported_at"])
    .where("region_code", "=", units.regionCode)
    .where("case_type", "=", decl.code)
    .where("sm3", "=", sm3)
    .executeTakeFirst();
  if (earlier) {
    throw new ConflictError(
      t(
        `该文件（SM3 ${sm3.slice(0, 12)}…）已于 ${earlier.imported_at.toISOString()} 导入（批次 ${earlier.id}）`,
        `this file (SM3 ${sm3.slice(0, 12)}…) was imported on ${earlier.imported_at.toISOString()} (batch ${earlier.id})`,
      ),
    );
  }
  const batch = await w.trx
    .insertInto("case_import")
    .values({
      region_code: units.regionCode,
      case_type: decl.code,
      unit_id: units.unitId,
      file_name: opts.fileName?.slice(0, 255) ?? null,
      file_format: format,
      sm3,
      imported_by: w.actor.userId,
      imported_at: w.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const batchId = Number(batch.id);

  const columns = importColumns(decl);
  const result = await checkAndWrite(deps, w, decl, columns, file, format, units, {
    id: batchId,
    sm3,
  });
  await w.trx
    .updateTable("case_import")
    .set({ rows: result.rows })
    .where("region_code", "=", units.regionCode)
    .where("id", "=", batchId)
    .execute();
  await w.audit({
    regionCode: units.regionCode,
    action: `case.${decl.code}.import_file`,
    entityType: "case_import",
    entityId: batchId,
    after: {
      caseType: decl.code,
      unitId: units.unitId,
      fileName: opts.fileName ?? null,
      format,
      sm3,
      rows: result.rows,
      byState: result.byState,
    },
  });
  return { batch: batchId, sm3, format, ...result };
}

async function checkAndWrite(
  deps: CaseDeps,
  w: WorkTx,
  decl: AnyCaseType,
  columns: ImportColumn[],
  file: Buffer,
  format: FileFormat,
  units: Awaited<ReturnType<typeof unitLookup>>,
  batch: { id: number; sm3: string },
) {
  const errors: RowError[] = [];
  const badRows = new Set<number>();
  const numberRows = new Map<string, number>();
  const sequences = new Map<string, { prefix: string; kind: string; year: number; last: number }>();
  const byState: Record<string, number> = {};
  let map: (ImportColumn | undefined)[] | undefined;
  let headerRow = 0;
  let rows = 0;
  let chunk: ImportedCase[] = [];
  const fail = (e: RowError) => {
    badRows.add(e.row);
    if (errors.length < MAX_LISTED_ERRORS) errors.push(e);
  };

  const flush = async () => {
    const pending = chunk;
    chunk = [];
    if (pending.length > 0 && badRows.size === 0) {
      await writeChunk(w, decl, deps.fieldKey, batch, pending);
    }
  };

  const ctx = { decl, today: w.today, unit: units.resolve };
  for await (const { n, cells } of readRows(file, format)) {
    if (!map) {
      const header = mapHeader(cells, columns);
      if (header.errors.length > 0) {
        throw new ValidationError(
          t("文件的表头有误，未导入任何办件", "the file's header has errors; nothing was imported"),
          header.errors.map((e) => ({
            field: `rows.${n}`,
            message: t(
              `第 ${n} 行「${e.column}」：${e.message.zh}`,
              `row ${n}, ${e.column}: ${e.message.en}`,
            ),
          })),
        );
      }
      map = header.map;
      headerRow = n;
      continue;
    }
    if (n === headerRow + 1 && isKeyRow(cells, columns)) continue; // the template's key row
    if (cells.every((c) => isBlank(c))) continue;
    rows++;
    const r = readRow(ctx, n, cells, map);
    if (Array.isArray(r)) {
      for (const e of r) fail(e);
      continue;
    }
    for (const num of r.numbers) {
      const key = `${num.kind}\u0000${num.text}`;
      const seqKey = `${num.kind}\u0000${num.prefix}\u0000${num.year}\u0000${num.seq}`;
      const other = numberRows.get(key) ?? numberRows.get(seqKey);
      if (other !== undefined) {
        const col = columns.find((x) => x.key === `number.${num.kind}`)!;
        fail({
          row: n,
          key: col.key,
          column: col.label,
          message: t(`与第 ${other} 行的编号重复`, `the same number as row ${other}`),
        });
        continue;
      }
      numberRows.set(key, n);
      numberRows.set(seqKey, n);
      const sk = `${num.prefix}\u0000${num.kind}\u0000${num.year}`;
      const s = sequences.get(sk);
      if (!s || s.last < num.seq) {
        sequences.set(sk, { prefix: num.prefix, kind: num.kind, year: num.year, last: num.seq });
      }
    }
    byState[r.state] = (byState[r.state] ?? 0) + 1;
    if (badRows.size === 0) {
      chunk.push(r);
      if (chunk.length >= CHUNK) await flush();
    }
  }
  if (!map) throw fileError("文件没有表头行", "the file has no header row");
  if (badRows.size === 0) await flush();
  if (badRows.size === 0 && numberRows.size > 0) {
    // Numbers against the region's cases, once for the whole file (one hash join).
    const kinds: string[] = [];
    const nums: string[] = [];
    for (const key of numberRows.keys()) {
      const [kind, num, more] = key.split("\u0000");
      if (more !== undefined) continue; // the (prefix, year, seq) keys
      kinds.push(kind!);
      nums.push(num!);
    }
    const { rows: taken } = await sql<{ kind: string; num: string }>`
      select kind, num from fazhi_case_numbers_taken(${units.regionCode}, ${batch.id},
        ${kinds}::text[], ${nums}::text[])`.execute(w.trx);
    for (const x of taken) {
      const col = columns.find((c) => c.key === `number.${x.kind}`)!;
      fail({
        row: numberRows.get(`${x.kind}\u0000${x.num}`)!,
        key: col.key,
        column: col.label,
        message: t(
          `编号“${x.num}”已被已有办件使用`,
          `the number "${x.num}" is held by an existing case`,
        ),
      });
    }
  }
  if (badRows.size > 0) {
    errors.sort((a, b) => a.row - b.row);
    throw new ValidationError(
      t(
        `文件中有 ${badRows.size} 行有误，未导入任何办件`,
        `${badRows.size} row(s) of the file have errors; nothing was imported`,
      ),
      errors.map(rowErrorField),
    );
  }
  if (rows === 0) throw fileError("文件中没有办件行", "the file has no rows of cases");

  // Numbers imported advance their sequences: new cases continue after the history.
  const seqs = [...sequences.values()];
  if (seqs.length > 0) {
    // Through the definer function (migration 0010): the batch must be the caller's.
    await sql`select fazhi_raise_number(${units.regionCode}, ${batch.id}, ${JSON.stringify(seqs)}::jsonb)`.execute(
      w.trx,
    );
  }
  return { rows, byState, sequences: seqs };
}
