import type { z } from "zod";
import { type Text, t } from "../../../kernel/errors.ts";
import { compareLocalDate, type LocalDate, yearOf } from "../../../kernel/time/index.ts";
import { type AnyCaseType, type CaseView, type NumberDecl, STAY } from "../declare.ts";
import { formatNumber } from "../numbers.ts";
import { CellError, isBlank, parseCell, parseDate, type Raw, textOf } from "./cells.ts";
import type { ImportColumn } from "./columns.ts";
import { issueText } from "./issues.ts";

/**
 * One row of an import file → one historical case, checked against the declaration:
 * the state exists; the steps taken exist and, in date order, lead from the initial
 * state to that state along declared transitions; dates are in order and not in the
 * future; the fields pass the case type's zod schema; fields a step sets come with that
 * step; numbers belong to steps taken and read as the number kind's format (prefix,
 * year of the issuing step, sequence); clock outcomes fit the steps. Pure: the unit is
 * resolved by the caller's lookup.
 */
export interface RowError {
  row: number;
  /** The column's key (`_state`, `party.name`, …) or "" for the row as a whole. */
  key: string;
  column: Text;
  message: Text;
}

export interface ImportedNumber {
  kind: string;
  text: string;
  prefix: string;
  year: number;
  seq: number;
}

export interface ImportedCase {
  row: number;
  regionCode: string;
  unitId: number;
  state: string;
  openedOn: LocalDate;
  closedOn: LocalDate | null;
  fields: Record<string, unknown>;
  title: string;
  numbers: ImportedNumber[];
  /** `input`: the step's recorded input the row carries (`importsInput` columns). */
  steps: {
    action: string;
    from: string;
    to: string;
    onDate: LocalDate;
    input?: Record<string, unknown>;
  }[];
  clocks: { clock: string; startedOn: LocalDate; stoppedOn: LocalDate | null }[];
}

export interface RowContext {
  decl: AnyCaseType;
  today: LocalDate;
  /** The unit of a row: by the unit-code cell (undefined: the importer's default unit). */
  unit(code: string | undefined): { regionCode: string; unitId: number } | Text;
}

const RUNNING = new Set(["进行中", "running", "未停止", "计时中"]);
const SEQ_MARK = 987654321;

/** A number's prefix, year and sequence, read by the number kind's own format. */
export function readNumber(
  nd: NumberDecl,
  view: CaseView,
  text: string,
  year: number,
): { prefix: string; seq: number } | undefined {
  const tryPrefix = (prefix: string) => {
    const s = formatNumber(nd, { prefix, year, seq: SEQ_MARK });
    const at = s.indexOf(String(SEQ_MARK));
    if (at < 0) return undefined;
    const before = s.slice(0, at);
    const after = s.slice(at + String(SEQ_MARK).length);
    if (!text.startsWith(before) || !text.endsWith(after)) return undefined;
    const mid = text.slice(before.length, text.length - after.length);
    if (!/^\d{1,9}$/.test(mid) || Number(mid) < 1) return undefined;
    // The format must give back the text exactly (zero-padded sequences included).
    const seq = Number(mid);
    return formatNumber(nd, { prefix, year, seq }) === text ? { prefix, seq } : undefined;
  };
  let prefix: string | undefined;
  try {
    prefix = nd.prefix(view);
  } catch {
    prefix = undefined;
  }
  const byDecl = prefix === undefined ? undefined : tryPrefix(prefix);
  if (byDecl || nd.format) return byDecl;
  // The default format, with the issuer's prefix as written (history's prefixes may be
  // derived from data the import does not carry).
  const m = /^(.+)〔(\d{4})〕([1-9]\d{0,8})号$/.exec(text);
  if (!m || Number(m[2]) !== year) return undefined;
  return { prefix: m[1]!, seq: Number(m[3]) };
}

function setPath(o: Record<string, unknown>, path: readonly string[], v: unknown) {
  if (path.length === 1) o[path[0]!] = v;
  else {
    const key = path[0]!;
    if (o[key] === undefined) o[key] = {};
    (o[key] as Record<string, unknown>)[path[1]!] = v;
  }
}

export function readRow(
  ctx: RowContext,
  n: number,
  cells: Raw[],
  map: (ImportColumn | undefined)[],
): ImportedCase | RowError[] {
  const { decl } = ctx;
  const errors: RowError[] = [];
  const colOf = new Map<string, ImportColumn>();
  const fail = (col: ImportColumn | undefined, message: Text) =>
    errors.push({
      row: n,
      key: col?.key ?? "",
      column: col ? col.label : t("整行", "the row"),
      message,
    });

  const fields: Record<string, unknown> = {};
  const stepFields: { col: ImportColumn; field: string; action: string; value: unknown }[] = [];
  const stepInputs: typeof stepFields = [];
  const stepDates: { action: string; onDate: LocalDate; col: ImportColumn }[] = [];
  const numberCells: { col: ImportColumn; kind: string; text: string }[] = [];
  const clockCells = new Map<string, { col: ImportColumn; value: string }>();
  let unitCode: string | undefined;
  let state: string | undefined;
  let openedOn: LocalDate | undefined;
  for (let i = 0; i < map.length; i++) {
    const col = map[i];
    if (!col) continue;
    colOf.set(col.key, col);
    // An object field (the party) is there when its columns are, so that a blank member
    // is named as itself.
    if (col.target.kind === "field" && col.target.path.length === 2) {
      const top = col.target.path[0]!;
      if (fields[top] === undefined) fields[top] = {};
    }
    const r = cells[i] ?? null;
    if (isBlank(r)) continue;
    let v: unknown;
    try {
      v =
        col.target.kind === "clock" || col.target.kind === "number"
          ? textOf(r)
          : parseCell(col.kind, r, col.options);
    } catch (err) {
      if (err instanceof CellError) fail(col, err.text);
      else throw err;
      continue;
    }
    const tg = col.target;
    if (tg.kind === "unit") unitCode = v as string;
    else if (tg.kind === "state") state = v as string;
    else if (tg.kind === "opened") openedOn = v as LocalDate;
    else if (tg.kind === "step") stepDates.push({ action: tg.action, onDate: v as LocalDate, col });
    else if (tg.kind === "number")
      numberCells.push({ col, kind: tg.numberKind, text: v as string });
    else if (tg.kind === "clock") clockCells.set(tg.clock, { col, value: v as string });
    else if (tg.kind === "field") setPath(fields, tg.path, v);
    else if (tg.kind === "stepInput")
      stepInputs.push({ col, field: tg.field, action: tg.action, value: v });
    else stepFields.push({ col, field: tg.field, action: tg.action, value: v });
  }
  const col = (key: string) => colOf.get(key);
  if (state === undefined) fail(col("_state"), t("必填", "required"));
  if (openedOn === undefined) fail(col("_opened"), t("必填", "required"));
  const unit = ctx.unit(unitCode);
  if ("zh" in unit) fail(col("_unit"), unit);

  // Dates: none in the future, none before the opening.
  if (openedOn && compareLocalDate(openedOn, ctx.today) > 0) {
    fail(
      col("_opened"),
      t(`${openedOn} 晚于今天（${ctx.today}）`, `${openedOn} is after today (${ctx.today})`),
    );
  }
  for (const s of stepDates) {
    if (compareLocalDate(s.onDate, ctx.today) > 0) {
      fail(
        s.col,
        t(`${s.onDate} 晚于今天（${ctx.today}）`, `${s.onDate} is after today (${ctx.today})`),
      );
    } else if (openedOn && compareLocalDate(s.onDate, openedOn) < 0) {
      fail(
        s.col,
        t(
          `${s.onDate} 早于立案日期 ${openedOn}`,
          `${s.onDate} is before the opening (${openedOn})`,
        ),
      );
    }
  }

  // The fields, by the case type's schema (every problem named by its column).
  const badCells = new Set(errors.map((e) => e.key));
  const parsed = decl.fields.safeParse(fields);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const p = issue.path.map(String);
      const c = col(p.slice(0, 2).join(".")) ?? col(p[0] ?? "");
      if (c && badCells.has(c.key)) continue; // already named for its cell
      fail(
        c ?? ({ key: p.join("."), label: { zh: p.join("."), en: p.join(".") } } as ImportColumn),
        issueText(issue),
      );
    }
  }
  if (errors.length > 0 || !state || !openedOn || "zh" in unit || !parsed.success) return errors;
  const plain = { ...(parsed.data as Record<string, unknown>) };

  // The path: the steps in date order (same day: declared order, then whichever the
  // state allows) from the initial state along declared transitions to the row's state.
  const order = new Map(decl.transitions.map((tr, i) => [tr.action, i] as const));
  const pending = [...stepDates].sort(
    (a, b) => compareLocalDate(a.onDate, b.onDate) || order.get(a.action)! - order.get(b.action)!,
  );
  let cur = decl.initial;
  const steps: ImportedCase["steps"] = [];
  while (pending.length > 0) {
    const day = pending[0]!.onDate;
    const idx = pending.findIndex(
      (s) =>
        s.onDate === day &&
        decl.transitions.some((tr) => tr.action === s.action && tr.from.includes(cur)),
    );
    if (idx < 0) {
      const s = pending[0]!;
      const label = decl.states[cur]?.label ?? { zh: cur, en: cur };
      fail(
        s.col,
        t(
          `办件在“${label.zh}”状态时不能进行此步骤（按日期排列的步骤不符合流程）`,
          `this step cannot be taken from the state "${label.en}" (the steps in date order do not follow the declared procedure)`,
        ),
      );
      return errors;
    }
    const s = pending.splice(idx, 1)[0]!;
    const tr = decl.transitions.find((x) => x.action === s.action && x.from.includes(cur))!;
    // A record step (STAY) keeps the state the case is in.
    const to = tr.to === STAY ? cur : tr.to;
    steps.push({ action: s.action, from: cur, to, onDate: s.onDate });
    cur = to;
  }
  if (cur !== state) {
    const got = decl.states[cur]?.label ?? { zh: cur, en: cur };
    const want = decl.states[state]?.label ?? { zh: state, en: state };
    fail(
      col("_state"),
      t(
        `所填步骤使办件处于“${got.zh}”，而非“${want.zh}”`,
        `the steps given lead to "${got.en}", not "${want.en}"`,
      ),
    );
    return errors;
  }
  const terminal = decl.states[state]?.terminal === true;
  const lastDate = steps.at(-1)?.onDate ?? openedOn;
  const closedOn = terminal ? lastDate : null;
  const dateOf = (action: string): LocalDate | undefined =>
    action === "create" ? openedOn : steps.find((s) => s.action === action)?.onDate;

  // Fields a step sets come with that step, and pass its input schema.
  for (const sf of stepFields) {
    if (!steps.some((s) => s.action === sf.action)) {
      const tr = decl.transitions.find((x) => x.action === sf.action)!;
      fail(
        sf.col,
        t(
          `由“${tr.label.zh}”步骤填写，但本行未进行该步骤`,
          `set by the step "${tr.label.en}", which the row does not take`,
        ),
      );
      continue;
    }
    const tr = decl.transitions.find((x) => x.action === sf.action)!;
    const schema = (tr.input!.shape as Record<string, z.ZodType>)[sf.field]!;
    const r = schema.safeParse(sf.value);
    if (!r.success) fail(sf.col, issueText(r.error.issues[0]!));
    else plain[sf.field] = r.data;
  }

  // Inputs a step records (`importsInput`): with that step, each by its input schema.
  for (const si of stepInputs) {
    const st = steps.find((s) => s.action === si.action);
    const tr = decl.transitions.find((x) => x.action === si.action)!;
    if (!st) {
      fail(
        si.col,
        t(
          `属于“${tr.label.zh}”步骤，但本行未进行该步骤`,
          `belongs to the step "${tr.label.en}", which the row does not take`,
        ),
      );
      continue;
    }
    const schema = (tr.input!.shape as Record<string, z.ZodType>)[si.field]!;
    const r = schema.safeParse(si.value);
    if (!r.success) fail(si.col, issueText(r.error.issues[0]!));
    else st.input = { ...st.input, [si.field]: r.data };
  }

  // Numbers: issued by a step the row takes (or at opening), in that step's year.
  const view: CaseView = {
    regionCode: unit.regionCode,
    id: 0,
    caseType: decl.code,
    unitId: unit.unitId,
    state,
    title: "",
    fields: plain,
    numbers: {},
    parentId: null,
    version: 1,
    openedOn,
    closedOn,
    handlerUserId: null,
  };
  const numbers: ImportedNumber[] = [];
  for (const nc of numberCells) {
    const nd = decl.numbers!.find((x) => x.kind === nc.kind)!;
    const issuer = decl.issuesOnCreate?.includes(nc.kind)
      ? "create"
      : decl.transitions.find((x) => x.issues?.includes(nc.kind))?.action;
    const on = issuer ? dateOf(issuer) : undefined;
    if (!on) {
      fail(
        nc.col,
        t("本行未进行签发该编号的步骤", "the row does not take the step that issues this number"),
      );
      continue;
    }
    const year = yearOf(on);
    const read = readNumber(nd, view, nc.text, year);
    if (!read) {
      const example = formatNumber(nd, { prefix: "前缀", year, seq: 1 });
      fail(
        nc.col,
        t(
          `“${nc.text}”不符合编号格式（如 ${example}，年份为签发步骤的年份）`,
          `"${nc.text}" does not read as a number of this kind (e.g. ${example}, the year of the issuing step)`,
        ),
      );
      continue;
    }
    numbers.push({ kind: nc.kind, text: nc.text, year, ...read });
  }

  // Clocks: started by the steps taken; stopped by a stop step, by closing, or as the
  // row says (a date, or still running).
  const clocks: ImportedCase["clocks"] = [];
  for (const cd of decl.clocks ?? []) {
    const cell = clockCells.get(cd.code);
    const started = cd.startOn.viaLink ? undefined : dateOf(cd.startOn.action);
    if (!started) {
      if (cell)
        fail(
          cell.col,
          t(
            "此时限未起算（本行未进行起算步骤）",
            "this clock never started (the row does not take its starting step)",
          ),
        );
      continue;
    }
    let stopped: LocalDate | null = null;
    for (const st of steps) {
      if (compareLocalDate(st.onDate, started) < 0 || st.action === cd.startOn.action) continue;
      if (cd.stopOn.some((x) => !x.viaLink && x.action === st.action)) {
        stopped = st.onDate;
        break;
      }
    }
    if (!stopped && closedOn) stopped = closedOn;
    if (cell) {
      if (RUNNING.has(cell.value.toLowerCase())) {
        if (stopped) {
          fail(
            cell.col,
            t(
              `按所填步骤，此时限已于 ${stopped} 停止`,
              `by the steps given this clock stopped on ${stopped}`,
            ),
          );
          continue;
        }
      } else {
        let d: LocalDate;
        try {
          d = parseDate(cell.value) as LocalDate;
        } catch (err) {
          fail(cell.col, err instanceof CellError ? err.text : t("不是日期", "not a date"));
          continue;
        }
        if (compareLocalDate(d, started) < 0 || compareLocalDate(d, ctx.today) > 0) {
          fail(
            cell.col,
            t(
              `停止日期应在起算日 ${started} 与今天之间`,
              `the stop date must be between the start (${started}) and today`,
            ),
          );
          continue;
        }
        if (stopped && d !== stopped) {
          fail(
            cell.col,
            t(
              `按所填步骤，此时限于 ${stopped} 停止`,
              `by the steps given this clock stopped on ${stopped}`,
            ),
          );
          continue;
        }
        stopped = d;
      }
    }
    clocks.push({ clock: cd.code, startedOn: started, stoppedOn: stopped });
  }
  if (errors.length > 0) return errors;

  let title: string;
  try {
    title = decl.title(plain).slice(0, 500);
  } catch {
    title = decl.label.zh;
  }
  return {
    row: n,
    regionCode: unit.regionCode,
    unitId: unit.unitId,
    state,
    openedOn,
    closedOn,
    fields: plain,
    title,
    numbers,
    steps,
    clocks,
  };
}
