import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { LegalCalendar, parseHolidayNotice } from "../../kernel/time/index.ts";
import { bundledNotices, runDeadline } from "./deadline.ts";

const calendar = new LegalCalendar(bundledNotices());

function call(args: string[], cal = calendar) {
  let out = "";
  let err = "";
  const code = runDeadline(args, cal, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe("fazhi deadline (FAZHI_LANG=en)", () => {
  beforeEach(() => {
    vi.stubEnv("FAZHI_LANG", "en");
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("prints the due date only", () => {
    expect(call(["2020-09-30", "7wd"])).toEqual({ code: 0, out: "2020-10-16\n", err: "" });
    expect(call(["2020-01-31", "1m"])).toEqual({ code: 0, out: "2020-03-02\n", err: "" });
    expect(call(["2020-09-30", "3d"])).toEqual({ code: 0, out: "2020-10-09\n", err: "" });
  });

  it("notes a provisional result on stderr, naming the year, and still succeeds", () => {
    const r = call(["2026-12-30", "3wd"]);
    expect(r.code).toBe(0);
    expect(r.out).toBe("2027-01-05\n");
    expect(r.err).toMatch(/provisional/);
    expect(r.err).toMatch(/2027/);
  });

  it("is not provisional once the year's notice is loaded", () => {
    const n2027 = parseHolidayNotice({
      year: 2027,
      document: "TEST-2027",
      verified: false,
      off: ["2027-01-01", "2027-01-02", "2027-01-03"],
      workdays: [],
    });
    expect(call(["2026-12-30", "3wd"], calendar.withNotice(n2027))).toEqual({
      code: 0,
      out: "2027-01-05\n",
      err: "",
    });
  });

  it("rejects bad input with exit code 2 and a message on stderr", () => {
    const cases: [string[], RegExp][] = [
      [[], /expected 2 arguments, got 0/],
      [["2020-01-01"], /expected 2 arguments/],
      [["2020-01-01", "1d", "x"], /expected 2 arguments, got 3/],
      [["2020-02-30", "1d"], /2020-02-30.*29 days/],
      [["2020/01/01", "1d"], /YYYY-MM-DD/],
      [["2020-01-01", "7w"], /not a period/],
      [["2020-01-01", "0d"], /not a period/],
      [["2020-01-01", "5000wd"], /1 to 1000/],
      [["2018-06-01", "1d"], /before the first loaded calendar year 2019/],
    ];
    for (const [args, message] of cases) {
      const r = call(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.out).toBe("");
      expect(r.err).toMatch(message);
      expect(r.err).toMatch(/usage: fazhi deadline/);
    }
  });
});

describe("fazhi deadline in Chinese (the default)", () => {
  beforeEach(() => {
    vi.stubEnv("FAZHI_LANG", "");
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("prints the date alone, and notes a provisional result in Chinese", () => {
    expect(call(["2020-09-30", "7wd"])).toEqual({ code: 0, out: "2020-10-16\n", err: "" });
    const r = call(["2026-12-30", "3wd"]);
    expect(r.out).toBe("2027-01-05\n");
    expect(r.err).toMatch(/^注意：结果为暂定——尚未载入 2027 年国务院办公厅放假安排通知/);
    expect(r.err).toContain("《全国年节及纪念日放假办法》第二条、第六条");
  });

  it("refuses bad input in Chinese, with the usage in Chinese, and no Latin message", () => {
    const cases: [string[], RegExp][] = [
      [[], /应有 2 个参数，实有 0 个/],
      [["2020-01-01", "1d", "x"], /应有 2 个参数，实有 3 个/],
      [["2020-02-30", "1d"], /起算日“2020-02-30”不是 YYYY-MM-DD 格式的有效日期/],
      [["2020-01-01", "7w"], /"7w"不是有效期间/],
    ];
    for (const [args, message] of cases) {
      const r = call(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.out).toBe("");
      expect(r.err).toMatch(message);
      expect(r.err).toMatch(/用法：fazhi deadline/);
      expect(r.err).not.toMatch(/expected|usage|invalid|not a/);
    }
  });
});
