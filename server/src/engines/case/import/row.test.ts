import { describe, expect, it } from "vitest";
import { z } from "zod";
import { permitCaseType } from "../../../../test/fixtures/examples/permit.ts";
import type { LocalDate } from "../../../kernel/time/index.ts";
import { type AnyCaseType, type CaseView, type NumberDecl, STAY } from "../declare.ts";
import { importColumns } from "./columns.ts";
import { mapHeader } from "./header.ts";
import { readNumber, readRow } from "./row.ts";

const decl = permitCaseType as AnyCaseType;
const columns = importColumns(decl);
const view = { fields: { category: "market" }, regionCode: "500156" } as unknown as CaseView;

describe("readNumber", () => {
  it("reads the default format by the declared prefix, then by the text's own prefix", () => {
    const nd = decl.numbers!.find((n) => n.kind === "decision")!;
    expect(readNumber(nd, view, "武隆市监许〔2019〕12号", 2019)).toEqual({
      prefix: "武隆市监许",
      seq: 12,
    });
    expect(readNumber(nd, view, "武隆旧系统许〔2019〕7号", 2019)).toEqual({
      prefix: "武隆旧系统许",
      seq: 7,
    });
    expect(readNumber(nd, view, "武隆市监许〔2018〕12号", 2019)).toBeUndefined();
    expect(readNumber(nd, view, "武隆市监许〔2019〕012号", 2019)).toBeUndefined();
  });

  it("reads a custom format only by the declared prefix", () => {
    const nd: NumberDecl = {
      kind: "k",
      label: { zh: "号", en: "No." },
      prefix: () => "渝武",
      format: ({ prefix, year, seq }) => `${prefix}-${year}-${String(seq).padStart(4, "0")}`,
    };
    expect(readNumber(nd, view, "渝武-2019-0012", 2019)).toEqual({ prefix: "渝武", seq: 12 });
    expect(readNumber(nd, view, "渝武-2019-12", 2019)).toBeUndefined(); // not as the format writes it
    expect(readNumber(nd, view, "渝武-2019-1234", 2019)).toEqual({ prefix: "渝武", seq: 1234 });
    expect(readNumber(nd, view, "别的-2019-1234", 2019)).toBeUndefined();
  });
});

describe("readRow", () => {
  const header = [
    "_state",
    "_opened",
    "step.accept",
    "step.reject",
    "step.decide",
    "applicant.name",
    "item",
    "category",
  ];
  const { map, errors } = mapHeader(header, columns);
  const ctx = {
    decl,
    today: "2020-10-20" as LocalDate,
    unit: () => ({ regionCode: "500156", unitId: 1 }),
  };

  it("maps the header by keys", () => expect(errors).toEqual([]));

  it("orders same-day steps by what the state allows", () => {
    const r = readRow(
      ctx,
      2,
      ["rejected", "2019-03-01", "2019-03-02", "2019-03-02", "", "甲", "事项", "一般事项"],
      map,
    );
    expect(Array.isArray(r)).toBe(false);
    if (Array.isArray(r)) return;
    expect(r.steps.map((s) => `${s.from}>${s.to}`)).toEqual([
      "received>accepted",
      "accepted>rejected",
    ]);
    expect(r.closedOn).toBe("2019-03-02");
    expect(r.clocks).toEqual([
      { clock: "decision", startedOn: "2019-03-02", stoppedOn: "2019-03-02" },
    ]);
  });

  it("refuses a step the procedure does not allow from the state reached", () => {
    const r = readRow(
      ctx,
      5,
      ["decided", "2019-03-01", "", "2019-03-02", "2019-03-05", "甲", "事项", "general"],
      map,
    );
    expect(Array.isArray(r) && r.map((e) => [e.key, e.message.en])).toEqual([
      [
        "step.decide",
        'this step cannot be taken from the state "Rejected" (the steps in date order do not follow the declared procedure)',
      ],
    ]);
  });
});

describe("readRow with a record step (STAY)", () => {
  // The permit with a record step that keeps the state (like a normative document's legality review).
  const withRecord = {
    ...decl,
    transitions: [
      ...decl.transitions,
      { action: "note", label: { zh: "记录", en: "Note" }, from: ["accepted"], to: STAY },
    ],
  } as AnyCaseType;
  const { map } = mapHeader(
    ["_state", "_opened", "step.accept", "step.note", "applicant.name", "item", "category"],
    importColumns(withRecord),
  );
  const ctx = {
    decl: withRecord,
    today: "2020-10-20" as LocalDate,
    unit: () => ({ regionCode: "500156", unitId: 1 }),
  };

  it("keeps the state the case is in", () => {
    const r = readRow(
      ctx,
      2,
      ["accepted", "2019-03-01", "2019-03-02", "2019-03-05", "甲", "事项", "一般事项"],
      map,
    );
    expect(Array.isArray(r) ? r.map((e) => e.message.en) : []).toEqual([]);
    if (Array.isArray(r)) return;
    expect(r.steps.map((s) => `${s.from}>${s.to}`)).toEqual([
      "received>accepted",
      "accepted>accepted",
    ]);
  });
});

describe("readRow with a step's recorded input (importsInput)", () => {
  // A record step whose result a later guard reads (like a legality review's result).
  const withInput = {
    ...decl,
    transitions: [
      ...decl.transitions,
      {
        action: "note",
        label: { zh: "记录", en: "Note" },
        from: ["accepted"],
        to: STAY,
        input: z.object({
          result: z.enum(["ok", "bad"]).meta({
            label: { zh: "结论", en: "Result" },
            enumLabels: { ok: { zh: "通过", en: "OK" }, bad: { zh: "不通过", en: "Bad" } },
          }),
          opinion: z.string().max(5),
        }),
        importsInput: ["result", "opinion"],
      },
    ],
  } as AnyCaseType;
  const columns = importColumns(withInput);
  const header = [
    "_state",
    "_opened",
    "step.accept",
    "step.note",
    "applicant.name",
    "item",
    "category",
    "note.result",
    "note.opinion",
  ];
  const { map, errors } = mapHeader(header, columns);
  const ctx = {
    decl: withInput,
    today: "2020-10-20" as LocalDate,
    unit: () => ({ regionCode: "500156", unitId: 1 }),
  };
  const row = (note: string, result: string, opinion: string) =>
    readRow(
      ctx,
      2,
      ["accepted", "2019-03-01", "2019-03-02", note, "甲", "事项", "一般事项", result, opinion],
      map,
    );

  it("names the columns by the step and the field", () => {
    expect(errors).toEqual([]);
    expect(columns.find((c) => c.key === "note.result")?.label.zh).toBe("记录·结论");
  });

  it("keeps the input on its step (options by their Chinese label)", () => {
    const r = row("2019-03-05", "通过", "可以");
    expect(Array.isArray(r) ? r.map((e) => e.message.en) : []).toEqual([]);
    if (Array.isArray(r)) return;
    expect(r.steps.map((s) => s.input)).toEqual([undefined, { result: "ok", opinion: "可以" }]);
  });

  it("refuses an input without its step, and one its schema refuses", () => {
    const a = row("", "通过", "");
    expect(Array.isArray(a) && a.map((e) => e.key)).toEqual(["note.result"]);
    const b = row("2019-03-05", "通过", "太长的意见文字");
    expect(Array.isArray(b) && b.map((e) => e.key)).toEqual(["note.opinion"]);
  });
});
