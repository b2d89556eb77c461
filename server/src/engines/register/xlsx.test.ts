import { describe, expect, it } from "vitest";
import { z } from "zod";
import { meetingRegister } from "../../modules/meetings/register.ts";
import {
  blindIndexRows,
  changedFields,
  decryptData,
  encryptData,
  maskSecret,
  sameData,
  uniqueKeyValues,
} from "./data.ts";
import type { ColumnDecl, RegisterDecl } from "./declare.ts";
import { formatCell, parseCell, type Raw } from "./xlsx/index.ts";

const roundTrip = (col: ColumnDecl, v: unknown) => parseCell(col, formatCell(col, v) as Raw);

describe("xlsx cells", () => {
  const list: ColumnDecl = { field: "l", label: { zh: "列", en: "L" }, kind: "list" };

  it("joins list items by ；, or one per line when an item holds ； itself", () => {
    expect(formatCell(list, ["甲", "乙"])).toBe("甲；乙");
    expect(roundTrip(list, ["甲", "乙"])).toEqual(["甲", "乙"]);
    expect(formatCell(list, ["同意；但", "乙"])).toBe("同意；但\n乙");
    expect(roundTrip(list, ["同意；但", "乙"])).toEqual(["同意；但", "乙"]);
    expect(roundTrip(list, ["同意；但"])).toEqual(["同意；但"]);
    expect(formatCell(list, [])).toBeNull();
    expect(parseCell(list, null)).toBeUndefined();
  });

  it("reads enums by label (zh or en) or code, dates in the usual spellings, 是/否", () => {
    const e: ColumnDecl = {
      field: "e",
      label: { zh: "类", en: "E" },
      kind: "enum",
      options: { a: { zh: "甲类", en: "Alpha" } },
    };
    expect(formatCell(e, "a")).toBe("甲类");
    for (const s of ["甲类", "alpha", "a"]) expect(parseCell(e, s)).toBe("a");
    expect(() => parseCell(e, "乙类")).toThrow(/not one of 甲类/);
    const d: ColumnDecl = { field: "d", label: { zh: "日", en: "D" }, kind: "date" };
    for (const s of ["2020-06-01", "2020/6/1", "2020年6月1日", "2020.06.01"]) {
      expect(parseCell(d, s)).toBe("2020-06-01");
    }
    expect(parseCell(d, new Date(Date.UTC(2020, 5, 1)))).toBe("2020-06-01");
    expect(parseCell(d, 43983)).toBe("2020-06-01");
    expect(() => parseCell(d, "2020-02-30")).toThrow(/not a valid date/);
    const b: ColumnDecl = { field: "b", label: { zh: "是否", en: "B" }, kind: "boolean" };
    expect([formatCell(b, true), formatCell(b, false)]).toEqual(["是", "否"]);
    expect([parseCell(b, "是"), parseCell(b, "否"), parseCell(b, true)]).toEqual([
      true,
      false,
      true,
    ]);
    const i: ColumnDecl = { field: "i", label: { zh: "数", en: "I" }, kind: "integer" };
    expect(parseCell(i, "1,200")).toBe(1200);
    expect(() => parseCell(i, "1.5")).toThrow(/whole number/);
    expect(() => parseCell(i, "十二")).toThrow(/not a number/);
  });

  it("round-trips every meeting column through its codec", () => {
    const m = meetingRegister.schema.parse({
      body: "joint",
      bodies: ["party_group", "government_executive"],
      number: "第114次",
      date: "2020-09-14",
      chair: "卢红",
      attendees: ["甲", "乙"],
      studied: [
        { kind: "speech", title: "在全国抗击新冠肺炎疫情表彰大会上的重要讲话（节选）" },
        { kind: "law", title: "《中华人民共和国民法典》", presenter: "张三" },
      ],
      items: [{ kind: "study", title: "学习：法治化营商环境" }],
      decisions: ["持续优化法治化营商环境"],
      dissent: [{ who: "李四", opinion: "保留意见：程序" }],
    }) as Record<string, unknown>;
    for (const col of meetingRegister.columns) {
      expect(roundTrip(col, m[col.field]), col.field).toEqual(m[col.field]);
    }
  });
});

describe("entry data", () => {
  const key = Buffer.alloc(16, 7);
  const decl = {
    code: "t",
    label: { zh: "测", en: "T" },
    module: "m",
    schema: z.object({ id: z.string(), n: z.string() }),
    columns: [],
    uniqueKeys: [{ name: "id", fields: ["id"] }],
    visibility: "unit",
    edit: { permission: "record.write", scope: "own_unit" },
    title: () => "",
    encrypted: ["id"],
  } satisfies RegisterDecl;

  it("encrypts, keeps an unchanged ciphertext, and decrypts", () => {
    const stored = encryptData(decl, { id: "50015619800101123X", n: "a" }, { fieldKey: key });
    expect(stored.id).toMatch(/^sm4:v1:/);
    expect(decryptData(decl, stored, { fieldKey: key }).id).toBe("50015619800101123X");
    const again = encryptData(
      decl,
      { id: "50015619800101123X", n: "b" },
      { fieldKey: key },
      stored,
    );
    expect(again.id).toBe(stored.id);
    expect(() => encryptData(decl, { id: "x" }, {})).toThrow(/field key is required/);
  });

  it("indexes encrypted values blindly, normalised, never in plaintext", () => {
    const a = uniqueKeyValues(decl, { id: "50015619800101123x" }, { fieldKey: key });
    const b = uniqueKeyValues(decl, { id: "500156 19800101 123X" }, { fieldKey: key });
    expect(a).toEqual(b);
    expect(a[0]!.value).not.toContain("500156");
    const rows = blindIndexRows(decl, { id: "50015619800101123X" }, 42, { fieldKey: key });
    expect(rows[0]!.key_name).toBe("bi:id");
    expect(rows[0]!.key_value).toMatch(/^[0-9a-f]{64}:42$/);
  });

  it("treats absent, null, empty text and empty lists as the same nothing", () => {
    expect(sameData({ a: 1, l: [] }, { a: 1, s: "" })).toBe(true);
    expect(sameData({ a: 1 }, { a: 2 })).toBe(false);
    expect(changedFields({ a: 1, b: [], c: "x" }, { a: 1, c: "y", d: "z" })).toEqual(["c", "d"]);
    expect(maskSecret("13812345678")).toBe("138****5678");
    expect(maskSecret("50015619800101123X")).toBe("500***********123X");
  });
});

describe("formula injection (CWE-1236)", () => {
  const col = { field: "name", label: { zh: "名称", en: "Name" }, kind: "text" } as ColumnDecl;
  const list = { field: "tags", label: { zh: "标签", en: "Tags" }, kind: "list" } as ColumnDecl;
  it("text a spreadsheet would take for a formula goes out marked as text, and reads back as it was", () => {
    for (const v of ["=1+1", "+86", "-5", "@SUM(A1)", "\t=x", "\r=x", "'=x", "''+1"]) {
      const cell = formatCell(col, v);
      expect(cell, v).toBe(`'${v}`);
      expect(parseCell(col, cell as Raw), v).toBe(v);
    }
    for (const v of ["普通文本", "a=b", "'quoted", "1-2"]) {
      expect(formatCell(col, v)).toBe(v);
      expect(parseCell(col, v)).toBe(v);
    }
    expect(formatCell(list, ["=A1", "b"])).toBe("'=A1；b");
    expect(parseCell(list, "'=A1；b")).toEqual(["=A1", "b"]);
  });
});
