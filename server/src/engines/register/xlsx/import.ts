/**
 * Import is all-or-nothing: every row is checked and every bad cell reported as
 * `{ row, column, field, reason }`; one bad row and nothing is written. A row is matched
 * to an existing entry by its 系统编号, else by the register's first unique key, and
 * then updated (only if something changed), else created. So an unmodified export
 * re-imports as a no-op, and a masked number left as exported keeps the stored number.
 *
 * The file is read as a stream of rows (.xlsx with exceljs's streaming reader, or CSV),
 * and the database is asked set-wise (service/batch.ts): two statements to match the
 * rows, one to check their keys, and a few per thousand rows to write (issue 9: it was
 * eleven round trips per row).
 */
import {
  type FieldError,
  ForbiddenError,
  type Message,
  type Text,
  t,
  textOf,
  ValidationError,
} from "../../../kernel/errors.ts";
import { issueText } from "../../../kernel/issue-text.ts";
import type { SheetRow } from "../../../platform/files/sheet-rows.ts";
import type { WorkTx } from "../../../platform/work.ts";
import {
  columnOf,
  decryptData,
  type EntryData,
  encryptedFields,
  fieldPath,
  ID_FIELD,
  type KeyValue,
  maskSecret,
  type RegisterEnv,
  sameData,
  uniqueKeyValues,
} from "../data.ts";
import type { RegisterDecl } from "../declare.ts";
import {
  canEditEntry,
  canWriteRegister,
  type EntryRow,
  holderOf,
  type KeyLookup,
  keyHolders,
  loadEntryRows,
  lookupId,
  resolveUnit,
  writeBatch,
} from "../service/index.ts";
import { CODE_ROW, importLimitsOf } from "./layout.ts";
import { type ParsedRow, parseRow } from "./rows.ts";
import { bad, mapColumns, readCsvRows, readXlsxRows } from "./sheet.ts";
import { unitCodesOfRows, unitColumns, unitNames } from "./units.ts";

/** A bad cell of an import: the row (as Excel numbers it), the column's header, the field, why. */
export interface ImportRowError extends FieldError {
  row: number;
  column: string;
  /** Why, in both languages (the envelope picks the request's). */
  reason: Text;
}

export interface ImportResult {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportOptions {
  unitId?: number;
  reason?: string | null;
}

// ---------------------------------------------------------------------------------
// Import

interface PendingRow {
  row: number;
  plain: EntryData;
  entry: EntryRow | undefined;
  action: "create" | "update" | "unchanged";
}

function assertImport(w: WorkTx, decl: RegisterDecl): void {
  if (!canWriteRegister(w.actor, decl)) {
    throw new ForbiddenError(
      t(
        `您没有导入${decl.label.zh}的权限`,
        `importing into ${decl.label.en} needs the permissions record.write and ${decl.edit.permission}`,
      ),
    );
  }
}

/** Import an .xlsx file (the export's layout, or labels only): all rows or none. */
export async function importXlsx(
  w: WorkTx,
  decl: RegisterDecl,
  file: Buffer,
  opts: ImportOptions = {},
  env: RegisterEnv = {},
): Promise<ImportResult> {
  assertImport(w, decl);
  const unit = await resolveUnit(w, opts.unitId);
  return importRows(w, decl, unit, readXlsxRows(file, importLimitsOf(decl)), opts, env);
}

/** Import a CSV file (UTF-8 or GB18030; the header row of labels, as the template): all rows or none. */
export async function importCsv(
  w: WorkTx,
  decl: RegisterDecl,
  file: Buffer,
  opts: ImportOptions = {},
  env: RegisterEnv = {},
): Promise<ImportResult> {
  assertImport(w, decl);
  const unit = await resolveUnit(w, opts.unitId);
  return importRows(w, decl, unit, readCsvRows(file, importLimitsOf(decl)), opts, env);
}

const tooMany = (max: number) =>
  bad(t(`超过 ${max} 行，请拆分文件`, `more than ${max} rows: split the file`));

async function importRows(
  w: WorkTx,
  decl: RegisterDecl,
  unit: { id: number; regionCode: string },
  source: AsyncIterable<SheetRow>,
  opts: ImportOptions,
  env: RegisterEnv,
): Promise<ImportResult> {
  // The rows as they stream in (formatting alone does not make a row), at most the limit.
  const maxRows = importLimitsOf(decl).rows;
  const sheet: SheetRow[] = [];
  for await (const r of source) {
    if (!r.cells.some((c) => c !== null && c !== "")) continue;
    sheet.push(r);
    if (sheet.length > maxRows + CODE_ROW) throw tooMany(maxRows);
  }
  const labels = sheet.find((r) => r.n === 1)?.cells ?? [];
  const codes = sheet.find((r) => r.n === CODE_ROW)?.cells;
  const { columns, firstRow, errors } = mapColumns(decl, labels, codes);
  const data = sheet.filter((r) => r.n >= firstRow);
  if (data.length > maxRows) throw tooMany(maxRows);

  const labelOf = (field: string) =>
    columns.find((c) => c.field === field)?.label ?? columnOf(decl, field)?.label.zh ?? field;
  const fail = (row: number, field: string, why: Message, column = labelOf(field)) => {
    const reason = textOf(why);
    errors.push({
      row,
      column,
      field,
      reason,
      message: t(`第 ${row} 行“${column}”：${reason.zh}`, `row ${row}, ${column}: ${reason.en}`),
    });
  };
  const enc = new Set(encryptedFields(decl));
  const parsedRows: ParsedRow[] = [];
  for (const r of data) {
    const p = parseRow(r.n, r.cells, columns, enc, fail, () => errors.length);
    if (p && !p.skip) parsedRows.push(p);
  }
  if (unitColumns(decl).length > 0) {
    unitCodesOfRows(decl, parsedRows, await unitNames(w, [unit.regionCode]), fail);
  }

  // Which entries do the rows mean? By id, else by the first unique key: two statements.
  const firstKey = decl.uniqueKeys?.[0];
  const keyOfRow = new Map<ParsedRow, KeyValue>();
  for (const p of parsedRows) {
    if (p.idCell !== undefined || !firstKey?.fields.every((f) => p.parsed[f] !== undefined))
      continue;
    const [key] = uniqueKeyValues(decl, { ...p.parsed }, env).filter(
      (k) => k.name === firstKey.name,
    );
    if (key) keyOfRow.set(p, key);
  }
  const firstLookups = [...keyOfRow.values()].map((k) => ({
    region: unit.regionCode,
    name: k.name,
    value: k.value,
  }));
  const byKey = await keyHolders(w, decl, firstLookups);
  const holderOfRow = (p: ParsedRow) => {
    const k = keyOfRow.get(p);
    return k ? holderOf(byKey, unit.regionCode, k) : undefined;
  };
  const entries = await loadEntryRows(w, decl, [
    ...parsedRows.flatMap((p) => (p.idCell !== undefined ? [p.idCell] : [])),
    ...parsedRows.flatMap((p) => holderOfRow(p) ?? []),
  ]);

  const pending: PendingRow[] = [];
  const matchedBy = new Map<number, number>();
  for (const p of parsedRows) {
    const n = p.row;
    let entry: EntryRow | undefined;
    if (p.idCell !== undefined) {
      entry = entries.get(p.idCell);
      if (!entry) {
        fail(
          n,
          ID_FIELD,
          t(
            `${decl.label.zh}中没有编号为 ${p.idCell} 的记录`,
            `no entry ${p.idCell} in ${decl.label.en}`,
          ),
          labelOf(ID_FIELD),
        );
        continue;
      }
    } else {
      const holder = holderOfRow(p);
      if (holder !== undefined) {
        entry = entries.get(holder);
        if (!entry) {
          for (const f of firstKey!.fields) {
            fail(n, f, t("已被其他单位的记录使用", "already used by an entry of another unit"));
          }
          continue;
        }
      }
    }
    if (entry) {
      const seenAt = matchedBy.get(entry.id);
      if (seenAt !== undefined) {
        fail(
          n,
          ID_FIELD,
          t(`与第 ${seenAt} 行是同一条记录`, `the same entry as row ${seenAt}`),
          labelOf(ID_FIELD),
        );
        continue;
      }
      matchedBy.set(entry.id, n);
    }
    const existing = entry ? decryptData(decl, (entry.data ?? {}) as EntryData, env) : undefined;
    const { parsed, cellErrors } = p;
    for (const [f, cell] of p.masked) {
      const old = existing?.[f];
      if (typeof old === "string" && maskSecret(old) === cell) parsed[f] = old;
      else {
        fail(n, f, t("号码已被遮盖，请填写完整号码", "a masked number: enter the full number"));
        cellErrors.add(f);
      }
    }

    const candidate: EntryData = existing ? { ...existing } : {};
    for (const f of p.present) {
      if (parsed[f] === undefined) delete candidate[f];
      else candidate[f] = parsed[f];
    }
    const result = decl.schema.safeParse(candidate, { reportInput: true });
    if (!result.success) {
      for (const issue of result.error.issues) {
        const top = String(issue.path[0] ?? "");
        if (cellErrors.has(top)) continue; // already reported for its cell
        fail(n, fieldPath(issue.path), issueText(issue), top ? labelOf(top) : "");
      }
      continue;
    }
    if (cellErrors.size > 0) continue;
    const plain = result.data as EntryData;
    const action = !existing ? "create" : sameData(existing, plain) ? "unchanged" : "update";
    if (action === "update" && entry && !canEditEntry(w.actor, decl, entry)) {
      // Another unit's entry of a region-wide register: left as it is, it is no error.
      fail(
        n,
        ID_FIELD,
        t(
          "这条记录属于其他单位，只能由该单位修改",
          `entry ${entry.id} belongs to another unit; only that unit edits it`,
        ),
        labelOf(ID_FIELD),
      );
      continue;
    }
    pending.push({ row: n, plain, entry, action });
  }

  // Unique keys: within the file, then against the register (one statement).
  const keyRows = new Map<string, number>();
  const checks: { p: PendingRow; k: KeyValue; region: string }[] = [];
  for (const p of pending) {
    for (const k of uniqueKeyValues(decl, p.plain, env)) {
      const id = `${k.name}\u0000${k.value}`;
      const other = keyRows.get(id);
      if (other !== undefined) {
        for (const f of k.fields)
          fail(
            p.row,
            f,
            t(
              `${k.fields.map(labelOf).join("、")}与第 ${other} 行相同`,
              `the same ${k.fields.map(labelOf).join(" + ")} as row ${other}`,
            ),
          );
        continue;
      }
      keyRows.set(id, p.row);
      if (p.action === "unchanged") continue;
      checks.push({ p, k, region: p.entry?.region_code ?? unit.regionCode });
    }
  }
  const lookups: KeyLookup[] = checks.map((c) => ({
    region: c.region,
    name: c.k.name,
    value: c.k.value,
  }));
  // The keys already asked for when matching rows are not asked again (for a file of new
  // entries with one unique key: all of them).
  const asked = new Set(firstLookups.map(lookupId));
  const holders = new Map([
    ...byKey,
    ...(await keyHolders(
      w,
      decl,
      lookups.filter((l) => !asked.has(lookupId(l))),
    )),
  ]);
  for (const { p, k, region } of checks) {
    const holder = holderOf(holders, region, k);
    if (holder !== undefined && holder !== p.entry?.id) {
      for (const f of k.fields)
        fail(p.row, f, t("已被另一条记录使用", "already used by another entry"));
    }
  }

  if (errors.length > 0) {
    errors.sort((a, b) => a.row - b.row);
    const badRows = new Set(errors.map((x) => x.row)).size;
    throw new ValidationError(
      t(
        `文件中有 ${badRows} 行有误，未导入任何记录`,
        `${badRows} row(s) of the file have errors; nothing was imported`,
      ),
      errors,
    );
  }
  if (!opts.reason?.trim() && decl.sensitive?.includes("update")) {
    if (pending.some((p) => p.action === "update")) {
      throw new ValidationError(
        t(
          `修改${decl.label.zh}记录须填写理由`,
          `a reason is required to change ${decl.label.en} entries`,
        ),
        [{ field: "reason", message: t("必填", "required") }],
      );
    }
  }

  const { created, updated } = await writeBatch(
    w,
    decl,
    unit,
    pending.filter((p) => p.action === "create").map((p) => p.plain),
    pending.flatMap((p) =>
      p.action === "update" && p.entry ? [{ entry: p.entry, plain: p.plain }] : [],
    ),
    opts.reason ?? null,
    env,
  );
  return { rows: pending.length, created, updated, unchanged: pending.length - created - updated };
}
