/**
 * xlsx export and import of a register (exceljs).
 *
 * Layout (one sheet, named after the register):
 * - row 1: the Chinese labels, first "系统编号" (the entry id), then the declared columns;
 * - row 2 (hidden): the field codes (`_id`, then each column's field), which the import
 *   reads to map columns, so relabelled or reordered columns still import; a sheet
 *   without the code row is mapped by the labels of row 1 (zh or en);
 * - from row 3: one entry per row. Enum cells hold the option's Chinese label, dates
 *   are YYYY-MM-DD text, booleans 是/否, list items joined by "；" (by line breaks when an
 *   item itself contains "；"), encrypted fields (ID and phone numbers) masked.
 *
 * Import is all-or-nothing: every row is checked and every bad cell reported as
 * `{ row, column, field, reason }`; one bad row and nothing is written. A row is matched
 * to an existing entry by its 系统编号, else by the register's first unique key, and
 * then updated (only if something changed), else created. So an unmodified export
 * re-imports as a no-op, and a masked number left as exported keeps the stored number.
 */
import ExcelJS from "exceljs";
import {
  type FieldError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from "../../kernel/errors.ts";
import { localDateProblem } from "../../kernel/time/index.ts";
import type { WorkTx } from "../../platform/work.ts";
import {
  columnOf,
  decryptData,
  type EntryData,
  encryptedFields,
  fieldPath,
  ID_FIELD,
  maskData,
  maskSecret,
  type RegisterEnv,
  sameData,
  uniqueKeyValues,
} from "./data.ts";
import type { ColumnDecl, RegisterDecl } from "./declare.ts";
import {
  assertRead,
  canEditEntry,
  canWriteRegister,
  type EntryRow,
  insertEntry,
  type ListQuery,
  loadEntryRow,
  resolveUnit,
  selectRows,
  takenKeys,
  updateEntryRow,
} from "./service.ts";

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 10_000;
export const MAX_EXPORT_ROWS = 50_000;

const ID_LABEL = { zh: "系统编号", en: "System id" };
const SEP = "；";
const CODE_ROW = 2;
const FIRST_DATA_ROW = 3;

/** A bad cell of an import: the row (as Excel numbers it), the column's header, the field, why. */
export interface ImportRowError extends FieldError {
  row: number;
  column: string;
  reason: string;
}

export interface ImportResult {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
}

// ---------------------------------------------------------------------------------
// Cells: writing

function joinList(items: string[]): string {
  if (!items.some((s) => s.includes(SEP))) return items.join(SEP);
  // An item holding "；" itself: one item per line (a lone item gets a trailing break).
  return items.length === 1 ? `${items[0]}\n` : items.join("\n");
}

function formatItem(col: ColumnDecl, item: unknown): string {
  if (col.item) return col.item.format(item);
  if (typeof item === "string" && col.options?.[item]) return col.options[item].zh;
  if (item !== null && typeof item === "object") return JSON.stringify(item);
  return String(item ?? "");
}

/** A value as its xlsx cell (see the layout above). */
export function formatCell(col: ColumnDecl, value: unknown): ExcelJS.CellValue {
  if (value === undefined || value === null || value === "") return null;
  switch (col.kind) {
    case "integer":
    case "number":
      return typeof value === "number" ? value : String(value);
    case "boolean":
      return value === true ? "是" : value === false ? "否" : String(value);
    case "enum":
      return typeof value === "string" ? (col.options?.[value]?.zh ?? value) : String(value);
    case "list":
      if (!Array.isArray(value)) return String(value);
      return value.length === 0 ? null : joinList(value.map((x) => formatItem(col, x)));
    default:
      return typeof value === "string" ? value : JSON.stringify(value);
  }
}

function sheetName(decl: RegisterDecl): string {
  return decl.label.zh.replace(/[[\]:*?/\\]/g, " ").slice(0, 31) || decl.code;
}

/** The register's entries matching `query` as an xlsx file (see the layout above). */
export async function exportXlsx(
  w: WorkTx,
  decl: RegisterDecl,
  query: ListQuery,
  env: RegisterEnv = {},
): Promise<Buffer> {
  assertRead(w.actor);
  const { rows, total } = await selectRows(w, decl, { ...query, sort: query.sort ?? "id" }, env, {
    offset: 0,
    limit: MAX_EXPORT_ROWS + 1,
  });
  if (total > MAX_EXPORT_ROWS) {
    throw new ValidationError(
      `more than ${MAX_EXPORT_ROWS} entries: narrow the export with filters`,
    );
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = "Fazhi";
  wb.created = w.now;
  const ws = wb.addWorksheet(sheetName(decl), { views: [{ state: "frozen", ySplit: 1 }] });
  ws.addRow([ID_LABEL.zh, ...decl.columns.map((c) => c.label.zh)]);
  ws.addRow([ID_FIELD, ...decl.columns.map((c) => c.field)]);
  ws.getRow(1).font = { bold: true };
  ws.getRow(CODE_ROW).hidden = true;
  ws.getColumn(1).width = 10;
  ws.getColumn(1).font = { color: { argb: "FF808080" } };
  decl.columns.forEach((c, i) => {
    const column = ws.getColumn(i + 2);
    column.width = c.kind === "list" || c.kind === "text" ? 24 : 14;
    if (c.kind === "text" || c.kind === "date") column.numFmt = "@";
  });
  for (const r of rows) {
    const data = maskData(decl, decryptData(decl, (r.data ?? {}) as EntryData, env));
    ws.addRow([r.id, ...decl.columns.map((c) => formatCell(c, data[c.field]))]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------
// Cells: reading

/** A cell value as read (rich text, hyperlinks and formulas reduced to their text or result). */
export type Raw = string | number | boolean | Date | null;

function raw(v: ExcelJS.CellValue): Raw {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return v;
  if ("richText" in v) return v.richText.map((t) => t.text).join("");
  if ("hyperlink" in v) return v.text;
  if ("formula" in v || "sharedFormula" in v) {
    const result = (v as { result?: unknown }).result;
    if (result === undefined || result === null) return null;
    if (typeof result === "object" && !(result instanceof Date)) return "#ERROR";
    return result as Raw;
  }
  if ("error" in v) return String(v.error);
  return String(v);
}

function isBlank(r: Raw): boolean {
  return r === null || (typeof r === "string" && r.trim() === "");
}

function dateOfDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Excel's day serial (1900 system) → YYYY-MM-DD. */
function dateOfSerial(n: number): string | null {
  if (!Number.isInteger(n) || n < 1 || n > 2958465) return null;
  return dateOfDate(new Date(Math.round((n - 25569) * 86_400_000)));
}

function parseDate(r: Raw): string {
  if (r instanceof Date) return dateOfDate(r);
  if (typeof r === "number") {
    const d = dateOfSerial(r);
    if (d) return d;
    throw new Error(`${r} is not a date (YYYY-MM-DD)`);
  }
  const s = String(r).trim();
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s);
  const norm = m ? `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}` : s;
  const problem = localDateProblem(norm);
  if (problem) throw new Error(problem);
  return norm;
}

function parseNumber(r: Raw, integer: boolean): number {
  const n = typeof r === "number" ? r : Number(String(r).trim().replace(/,/g, ""));
  if (typeof r !== "number" && !/^-?[\d,]*\.?\d+(e-?\d+)?$/i.test(String(r).trim())) {
    throw new Error(`"${String(r)}" is not a number`);
  }
  if (!Number.isFinite(n)) throw new Error(`"${String(r)}" is not a number`);
  if (integer && !Number.isInteger(n)) throw new Error(`${n} is not a whole number`);
  return n;
}

const TRUE = new Set(["是", "true", "TRUE", "True", "Y", "y", "yes", "1", "√", "有"]);
const FALSE = new Set(["否", "false", "FALSE", "False", "N", "n", "no", "0", "×", "无"]);

function parseBoolean(r: Raw): boolean {
  if (typeof r === "boolean") return r;
  const s = String(r).trim();
  if (TRUE.has(s)) return true;
  if (FALSE.has(s)) return false;
  throw new Error(`"${s}" is not 是 or 否`);
}

function optionCode(col: ColumnDecl, text: string): string {
  const options = col.options ?? {};
  const s = text.trim();
  if (Object.hasOwn(options, s)) return s;
  for (const [code, label] of Object.entries(options)) {
    if (label.zh === s || label.en.toLowerCase() === s.toLowerCase()) return code;
  }
  throw new Error(
    `"${s}" is not one of ${Object.values(options)
      .map((l) => l.zh)
      .join("、")}`,
  );
}

function splitList(text: string): string[] {
  const parts = /\r?\n/.test(text) ? text.split(/\r?\n/) : text.split(SEP);
  return parts.map((p) => p.trim()).filter((p) => p !== "");
}

function parseItem(col: ColumnDecl, text: string): unknown {
  if (col.item) return col.item.parse(text);
  if (col.options) return optionCode(col, text);
  if (text.startsWith("{") && text.endsWith("}")) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

/** A cell's value for the column (undefined when blank); throws an Error with the reason. */
export function parseCell(col: ColumnDecl, r: Raw): unknown {
  if (isBlank(r)) return undefined;
  switch (col.kind) {
    case "integer":
      return parseNumber(r, true);
    case "number":
      return parseNumber(r, false);
    case "date":
      return parseDate(r);
    case "boolean":
      return parseBoolean(r);
    case "enum":
      return optionCode(col, String(r));
    case "list":
      return splitList(String(r)).map((item, i) => {
        try {
          return parseItem(col, item);
        } catch (err) {
          throw new Error(`item ${i + 1} ("${item}"): ${(err as Error).message}`);
        }
      });
    default:
      if (r instanceof Date) return dateOfDate(r);
      return typeof r === "string" ? r : String(r);
  }
}

// ---------------------------------------------------------------------------------
// Import

interface SheetColumn {
  index: number;
  label: string;
  field: string;
  col: ColumnDecl | undefined;
}

function bad(message: string, errors: ImportRowError[] = []): ValidationError {
  return new ValidationError(message, errors.length > 0 ? errors : [{ field: "file", message }]);
}

async function readWorkbook(file: Buffer): Promise<ExcelJS.Worksheet> {
  if (file.length === 0) throw bad("the file is empty");
  if (file.length > MAX_IMPORT_BYTES) {
    throw bad(`the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
  }
  // An .xlsx is a zip (local file header PK\x03\x04); .xls, .csv and the rest are not.
  if (file.readUInt32LE(0) !== 0x04034b50) {
    throw bad("not an .xlsx file (Excel 2007 or later); save the sheet as .xlsx and try again");
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file as unknown as ExcelJS.Buffer);
  } catch {
    throw bad("the file cannot be read as an .xlsx workbook");
  }
  const ws = wb.worksheets[0];
  if (!ws) throw bad("the workbook has no sheet");
  return ws;
}

function text(r: Raw): string {
  return r === null ? "" : r instanceof Date ? dateOfDate(r) : String(r).trim();
}

function mapColumns(decl: RegisterDecl, ws: ExcelJS.Worksheet) {
  const errors: ImportRowError[] = [];
  const labels = ws.getRow(1);
  const codes = ws.getRow(CODE_ROW);
  const known = new Set([ID_FIELD, ...decl.columns.map((c) => c.field)]);
  const width = Math.max(labels.cellCount, codes.cellCount);
  const codeCells: string[] = [];
  for (let i = 1; i <= width; i++) codeCells.push(text(raw(codes.getCell(i).value)));
  const nonEmpty = codeCells.filter((c) => c !== "");
  const hasCodeRow = nonEmpty.length > 0 && nonEmpty.every((c) => known.has(c));
  const byLabel = (label: string): string | undefined => {
    if (label === ID_LABEL.zh || label === ID_LABEL.en) return ID_FIELD;
    return decl.columns.find(
      (c) => c.label.zh === label || c.label.en.toLowerCase() === label.toLowerCase(),
    )?.field;
  };
  const columns: SheetColumn[] = [];
  const seen = new Map<string, string>();
  for (let i = 1; i <= width; i++) {
    const label = text(raw(labels.getCell(i).value));
    const field = hasCodeRow ? codeCells[i - 1] || undefined : label ? byLabel(label) : undefined;
    if (!label && !field) continue;
    const shown = label || field || `#${i}`;
    if (!field) {
      errors.push({
        row: 1,
        column: shown,
        field: "",
        reason: `unknown column (the columns of ${decl.label.zh} are ${decl.columns
          .map((c) => c.label.zh)
          .join("、")})`,
        message: `column "${shown}" is not a column of ${decl.label.zh}`,
      });
      continue;
    }
    if (seen.has(field)) {
      errors.push({
        row: 1,
        column: shown,
        field,
        reason: `the same column as "${seen.get(field)}"`,
        message: `column "${shown}" appears twice`,
      });
      continue;
    }
    seen.set(field, shown);
    columns.push({ index: i, label: shown, field, col: columnOf(decl, field) });
  }
  return { columns, firstRow: hasCodeRow ? FIRST_DATA_ROW : 2, errors };
}

interface PendingRow {
  row: number;
  plain: EntryData;
  entry: EntryRow | undefined;
  action: "create" | "update" | "unchanged";
}

/**
 * Import an xlsx file into the register: every row validated first, then all written
 * in this one transaction, or none (ValidationError listing every bad cell).
 */
export async function importXlsx(
  w: WorkTx,
  decl: RegisterDecl,
  file: Buffer,
  opts: { unitId?: number; reason?: string | null } = {},
  env: RegisterEnv = {},
): Promise<ImportResult> {
  if (!canWriteRegister(w.actor, decl)) {
    throw new ForbiddenError(
      `importing into ${decl.label.en} needs the permissions record.write and ${decl.edit.permission}`,
    );
  }
  const unit = await resolveUnit(w, opts.unitId);
  const ws = await readWorkbook(file);
  const { columns, firstRow, errors } = mapColumns(decl, ws);
  const labelOf = (field: string) =>
    columns.find((c) => c.field === field)?.label ?? columnOf(decl, field)?.label.zh ?? field;
  const fail = (row: number, field: string, reason: string, column = labelOf(field)) =>
    errors.push({ row, column, field, reason, message: `row ${row}, ${column}: ${reason}` });
  const enc = new Set(encryptedFields(decl));
  const firstKey = decl.uniqueKeys?.[0];

  // Rows holding values (formatting alone does not make a row).
  const numbers: number[] = [];
  ws.eachRow({ includeEmpty: false }, (_row, n) => {
    if (n >= firstRow) numbers.push(n);
  });
  if (numbers.length > MAX_IMPORT_ROWS) {
    throw bad(`more than ${MAX_IMPORT_ROWS} rows: split the file`);
  }
  const pending: PendingRow[] = [];
  const matchedBy = new Map<number, number>();
  for (const n of numbers) {
    const row = ws.getRow(n);
    const cells = columns.map((c) => ({ c, r: raw(row.getCell(c.index).value) }));
    if (cells.every(({ r }) => isBlank(r))) continue;
    const before = errors.length;
    const parsed: EntryData = {};
    const present = new Set<string>();
    const maskedCells = new Map<string, string>();
    const cellErrors = new Set<string>();
    let idCell: number | undefined;
    for (const { c, r } of cells) {
      if (c.field === ID_FIELD) {
        if (isBlank(r)) continue;
        const id = Number(text(r));
        if (!Number.isSafeInteger(id) || id <= 0)
          fail(n, ID_FIELD, `"${text(r)}" is not an entry id`, c.label);
        else idCell = id;
        continue;
      }
      present.add(c.field);
      if (enc.has(c.field) && !isBlank(r) && text(r).includes("*")) {
        maskedCells.set(c.field, text(r));
        continue;
      }
      try {
        const v = parseCell(c.col!, r);
        if (v !== undefined) parsed[c.field] = v;
      } catch (err) {
        fail(n, c.field, (err as Error).message);
        cellErrors.add(c.field);
      }
    }
    if (errors.length > before && cellErrors.size === 0) continue;

    // Which entry does the row mean?
    let entry: EntryRow | undefined;
    if (idCell !== undefined) {
      try {
        entry = await loadEntryRow(w, decl, idCell);
      } catch (err) {
        if (!(err instanceof NotFoundError)) throw err;
        fail(n, ID_FIELD, `no entry ${idCell} in ${decl.label.zh}`, labelOf(ID_FIELD));
        continue;
      }
    } else if (firstKey?.fields.every((f) => parsed[f] !== undefined)) {
      const [key] = uniqueKeyValues(decl, { ...parsed }, env).filter(
        (k) => k.name === firstKey.name,
      );
      const holder = key ? await takenKeys(w, decl, unit.regionCode, [key]) : [];
      if (holder[0]) {
        try {
          entry = await loadEntryRow(w, decl, holder[0].entryId);
        } catch (err) {
          if (!(err instanceof NotFoundError)) throw err;
          for (const f of firstKey.fields) {
            fail(n, f, "already used by an entry of another unit");
          }
          continue;
        }
      }
    }
    if (entry) {
      const seenAt = matchedBy.get(entry.id);
      if (seenAt !== undefined) {
        fail(n, ID_FIELD, `the same entry as row ${seenAt}`, labelOf(ID_FIELD));
        continue;
      }
      matchedBy.set(entry.id, n);
    }
    const existing = entry ? decryptData(decl, (entry.data ?? {}) as EntryData, env) : undefined;
    for (const [f, cell] of maskedCells) {
      const old = existing?.[f];
      if (typeof old === "string" && maskSecret(old) === cell) parsed[f] = old;
      else {
        fail(n, f, "a masked number: enter the full number");
        cellErrors.add(f);
      }
    }

    const candidate: EntryData = existing ? { ...existing } : {};
    for (const f of present) {
      if (parsed[f] === undefined) delete candidate[f];
      else candidate[f] = parsed[f];
    }
    const result = decl.schema.safeParse(candidate);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const top = String(issue.path[0] ?? "");
        if (cellErrors.has(top)) continue; // already reported for its cell
        errors.push({
          row: n,
          column: top ? labelOf(top) : "",
          field: fieldPath(issue.path),
          reason: issue.message,
          message: `row ${n}, ${top ? labelOf(top) : "entry"}: ${issue.message}`,
        });
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
        `entry ${entry.id} belongs to another unit; only that unit edits it`,
        labelOf(ID_FIELD),
      );
      continue;
    }
    pending.push({ row: n, plain, entry, action });
  }

  // Unique keys: within the file, then against the register.
  const keyRows = new Map<string, number>();
  for (const p of pending) {
    for (const k of uniqueKeyValues(decl, p.plain, env)) {
      const id = `${k.name}\u0000${k.value}`;
      const other = keyRows.get(id);
      if (other !== undefined) {
        for (const f of k.fields)
          fail(p.row, f, `the same ${k.fields.map(labelOf).join(" + ")} as row ${other}`);
        continue;
      }
      keyRows.set(id, p.row);
      if (p.action === "unchanged") continue;
      const region = p.entry?.region_code ?? unit.regionCode;
      const taken = await takenKeys(w, decl, region, [k], p.entry?.id);
      if (taken.length > 0) {
        for (const f of k.fields) fail(p.row, f, "already used by another entry");
      }
    }
  }

  if (errors.length > 0) {
    errors.sort((a, b) => a.row - b.row);
    const badRows = new Set(errors.map((x) => x.row)).size;
    throw new ValidationError(
      `${badRows} row(s) of the file have errors; nothing was imported`,
      errors,
    );
  }
  if (!opts.reason?.trim() && decl.sensitive?.includes("update")) {
    if (pending.some((p) => p.action === "update")) {
      throw new ValidationError(`a reason is required to change ${decl.label.en} entries`, [
        { field: "reason", message: "required" },
      ]);
    }
  }

  const result: ImportResult = { rows: pending.length, created: 0, updated: 0, unchanged: 0 };
  for (const p of pending) {
    if (p.action === "create") {
      await insertEntry(w, decl, unit, p.plain, env);
      result.created++;
    } else if (p.action === "update" && p.entry) {
      const done = await updateEntryRow(w, decl, p.entry, p.plain, env, opts.reason ?? null);
      if (done) result.updated++;
      else result.unchanged++;
    } else {
      result.unchanged++;
    }
  }
  return result;
}
