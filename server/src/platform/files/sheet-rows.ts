import { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { parse } from "csv-parse";
import type ExcelJS from "exceljs";
import { t, ValidationError } from "../../kernel/errors.ts";
import { loadExcelJS } from "./exceljs.ts";

/** A cell as read from a CSV (text) or an xlsx sheet (text, number, boolean, date). */
export type Raw = string | number | boolean | Date | null;

/**
 * Reading an import file as a stream of rows (shared by the case and register imports): CSV (csv-parse; UTF-8 with or without a
 * BOM, or GB18030 as Chinese spreadsheets save it) or xlsx (exceljs's streaming reader,
 * the first sheet). Neither builds the whole sheet in memory; rows come one at a time,
 * numbered as a spreadsheet numbers them (the header is row 1).
 */
export type FileFormat = "csv" | "xlsx";

export interface SheetRow {
  n: number;
  cells: Raw[];
}

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const CSV_MIME = "text/csv";

export function fileError(zh: string, en: string): ValidationError {
  return new ValidationError(t(zh, en), [{ field: "file", message: t(zh, en) }]);
}

/** xlsx files are zip archives (PK\x03\x04); anything else is read as CSV text. */
export function detectFormat(file: Buffer, hint?: string): FileFormat {
  if (file.length >= 4 && file.readUInt32LE(0) === 0x04034b50) return "xlsx";
  if (hint?.includes("spreadsheetml")) {
    throw fileError("文件不是有效的 .xlsx 工作簿", "the file is not a valid .xlsx workbook");
  }
  return "csv";
}

/** CSV text: UTF-8 unless the bytes are not valid UTF-8 (then GB18030, as Excel saves Chinese CSV). */
function csvText(file: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(file);
  } catch {
    return new TextDecoder("gb18030").decode(file);
  }
}

export async function* csvRows(file: Buffer): AsyncGenerator<SheetRow> {
  const parser = Readable.from([csvText(file)]).pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }),
  );
  let n = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      n++;
      yield { n, cells: record };
    }
  } catch (err) {
    throw fileError(
      `第 ${n + 1} 行附近的 CSV 格式有误：${(err as Error).message}`,
      `the CSV cannot be read near row ${n + 1}: ${(err as Error).message}`,
    );
  }
}

function rawOf(v: unknown): Raw {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return v;
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.richText))
    return (o.richText as { text: string }[]).map((x) => x.text).join("");
  if ("hyperlink" in o) return String(o.text ?? "");
  if ("formula" in o || "sharedFormula" in o) return rawOf(o.result);
  if ("error" in o) return String(o.error);
  return String(v);
}

export async function* xlsxRows(file: Buffer): AsyncGenerator<SheetRow> {
  const ExcelJS = await loadExcelJS();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([file]), {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  decodeWholeCharacters(reader);
  try {
    for await (const ws of reader) {
      for await (const row of ws as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as unknown[];
        const cells: Raw[] = [];
        for (let i = 1; i < values.length; i++) cells.push(rawOf(values[i]));
        yield { n: row.number, cells };
      }
      return; // the first sheet only
    }
  } catch (err) {
    if (err instanceof ValidationError) throw err;
    throw fileError(
      "文件无法作为 .xlsx 工作簿读取",
      "the file cannot be read as an .xlsx workbook",
    );
  }
}

/** A stream's chunks as text, never splitting a multi-byte UTF-8 character between two. */
async function* decoded(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const d = new StringDecoder("utf8");
  for await (const c of chunks) {
    const s = typeof c === "string" ? c : d.write(c);
    if (s) yield s;
  }
  const rest = d.end();
  if (rest) yield rest;
}

interface ReaderInternals {
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
}

/**
 * exceljs 4.4's streaming reader decodes each chunk of a part (zlib's 16 KB) on its own,
 * so a Chinese character straddling two chunks comes out as "��" — in the shared strings
 * and in inline strings of large sheets (exceljs issues #2084, #2316; a 2,000-row credit
 * file lost "导" of "归集导入" on row 1037). Its parser passes text through unchanged: the
 * worksheet and the shared strings are handed to it already decoded, whole characters.
 */
function decodeWholeCharacters(reader: unknown): void {
  const r = reader as ReaderInternals;
  const sheets = r._parseWorksheet.bind(r);
  const strings = r._parseSharedStrings.bind(r);
  r._parseWorksheet = (iterator, sheetNo) => sheets(decoded(iterator), sheetNo);
  r._parseSharedStrings = (entry) => {
    (entry as NodeJS.ReadableStream & { setEncoding(e: string): unknown }).setEncoding("utf8");
    return strings(entry);
  };
}

export function readRows(file: Buffer, format: FileFormat): AsyncGenerator<SheetRow> {
  if (file.length === 0) throw fileError("文件为空", "the file is empty");
  return format === "xlsx" ? xlsxRows(file) : csvRows(file);
}
