/**
 * Import is all-or-nothing: every row is checked and every bad cell reported as
 * `{ row, column, field, reason }`; one bad row and nothing is written. A row is matched
 * to an existing entry by its 系统编号, else by the register's first unique key, and
 * then updated (only if something changed), else created. So an unmodified export
 * re-imports as a no-op, and a masked number left as exported keeps the stored number.
 */
import {
  type FieldError,
  ForbiddenError,
  type Message,
  NotFoundError,
  type Text,
  t,
  textOf,
  ValidationError,
} from "../../../kernel/errors.ts";
import { issueText } from "../../../kernel/issue-text.ts";
import { cleanText } from "../../../kernel/text.ts";
import type { WorkTx } from "../../../platform/work.ts";
import {
  columnOf,
  decryptData,
  type EntryData,
  encryptedFields,
  fieldPath,
  ID_FIELD,
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
  insertEntry,
  loadEntryRow,
  resolveUnit,
  takenKeys,
  updateEntryRow,
} from "../service/index.ts";
import { isBlank, parseCell, raw, reasonOf, text } from "./cells.ts";
import { MAX_IMPORT_ROWS } from "./layout.ts";
import { bad, mapColumns, readWorkbook } from "./sheet.ts";

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

// ---------------------------------------------------------------------------------
// Import

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
      t(
        `您没有导入${decl.label.zh}的权限`,
        `importing into ${decl.label.en} needs the permissions record.write and ${decl.edit.permission}`,
      ),
    );
  }
  const unit = await resolveUnit(w, opts.unitId);
  const ws = await readWorkbook(file);
  const { columns, firstRow, errors } = mapColumns(decl, ws);
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
  const firstKey = decl.uniqueKeys?.[0];

  // Rows holding values (formatting alone does not make a row).
  const numbers: number[] = [];
  ws.eachRow({ includeEmpty: false }, (_row, n) => {
    if (n >= firstRow) numbers.push(n);
  });
  if (numbers.length > MAX_IMPORT_ROWS) {
    throw bad(
      t(
        `超过 ${MAX_IMPORT_ROWS} 行，请拆分文件`,
        `more than ${MAX_IMPORT_ROWS} rows: split the file`,
      ),
    );
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
          fail(
            n,
            ID_FIELD,
            t(`“${text(r)}”不是记录编号`, `"${text(r)}" is not an entry id`),
            c.label,
          );
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
        // Text that cannot be stored (NUL, a lone surrogate) is this cell's error; the
        // rest is kept in NFC, as over HTTP (kernel/text.ts).
        const cleaned = cleanText(v, c.field);
        if (cleaned.problems.length > 0) {
          fail(n, c.field, textOf(cleaned.problems[0]!.message).en);
          cellErrors.add(c.field);
          continue;
        }
        if (v !== undefined) parsed[c.field] = cleaned.value;
      } catch (err) {
        fail(n, c.field, reasonOf(err));
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
        fail(
          n,
          ID_FIELD,
          t(
            `${decl.label.zh}中没有编号为 ${idCell} 的记录`,
            `no entry ${idCell} in ${decl.label.en}`,
          ),
          labelOf(ID_FIELD),
        );
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
    for (const [f, cell] of maskedCells) {
      const old = existing?.[f];
      if (typeof old === "string" && maskSecret(old) === cell) parsed[f] = old;
      else {
        fail(n, f, t("号码已被遮盖，请填写完整号码", "a masked number: enter the full number"));
        cellErrors.add(f);
      }
    }

    const candidate: EntryData = existing ? { ...existing } : {};
    for (const f of present) {
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

  // Unique keys: within the file, then against the register.
  const keyRows = new Map<string, number>();
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
      const region = p.entry?.region_code ?? unit.regionCode;
      const taken = await takenKeys(w, decl, region, [k], p.entry?.id);
      if (taken.length > 0) {
        for (const f of k.fields)
          fail(p.row, f, t("已被另一条记录使用", "already used by another entry"));
      }
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
