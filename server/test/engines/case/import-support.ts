import { sm3Hex } from "../../../src/platform/files/store.ts";

/**
 * Files of historical example_permit cases for the import suites: deterministic, in
 * the keys' header (a CSV written by another system) or the Chinese labels.
 */
export const KEYS = [
  "_state",
  "_opened",
  "step.accept",
  "step.decide",
  "step.reject",
  "number.acceptance",
  "number.decision",
  "clock.decision",
  "applicant.name",
  "applicant.idNumber",
  "item",
  "category",
  "decisionSummary",
] as const;

export const LABELS = [
  "当前状态",
  "收案（立案）日期",
  "受理日期",
  "作出决定日期",
  "不予受理日期",
  "受理号",
  "决定书文号",
  "许可决定期限（停止日期或“进行中”）",
  "申请人·姓名或名称",
  "申请人·身份证号",
  "许可事项",
  "类别",
  "决定内容",
] as const;

type Row = Record<(typeof KEYS)[number], string>;

const day = (base: string, add: number) => {
  const d = new Date(`${base}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + add);
  return d.toISOString().slice(0, 10);
};

/** Row i (0-based) of a year of history: decided, accepted (clock running), rejected, received. */
export function historyRow(i: number, year = 2019): Row {
  const opened = day(`${year}-01-02`, i % 300);
  const kind = i % 10;
  const market = i % 2 === 0;
  const r: Row = {
    _state: "decided",
    _opened: opened,
    "step.accept": "",
    "step.decide": "",
    "step.reject": "",
    "number.acceptance": "",
    "number.decision": "",
    "clock.decision": "",
    "applicant.name": `申请人${i}`,
    "applicant.idNumber": "",
    item: `食品经营许可${i}`,
    category: market ? "市场监管事项" : "general",
    decisionSummary: "",
  };
  if (kind === 9) {
    r._state = "rejected";
    r["step.reject"] = day(opened, 1);
  } else if (kind === 8) {
    r._state = "received";
  } else {
    r["step.accept"] = day(opened, 2);
    r["number.acceptance"] = `武隆许受〔${year}〕${i + 1}号`;
    if (kind === 7) {
      r._state = "accepted";
      r["clock.decision"] = "进行中";
    } else {
      r["step.decide"] = day(opened, 12);
      r["number.decision"] = `${market ? "武隆市监许" : "武隆府许"}〔${year}〕${i + 1}号`;
      r.decisionSummary = "准予许可";
    }
  }
  return r;
}

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function csvOf(rows: Row[], header: readonly string[] = KEYS): Buffer {
  const lines = [header.join(",")];
  for (const r of rows) lines.push(KEYS.map((k) => csvCell(r[k])).join(","));
  return Buffer.from(`${lines.join("\n")}\n`, "utf8");
}

export function history(n: number, year = 2019, edit?: (i: number, r: Row) => void): Row[] {
  const rows: Row[] = [];
  for (let i = 0; i < n; i++) {
    const r = historyRow(i, year);
    edit?.(i, r);
    rows.push(r);
  }
  return rows;
}

export { sm3Hex };
