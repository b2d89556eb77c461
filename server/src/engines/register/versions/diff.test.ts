import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkRegisterDecl } from "../data.ts";
import type { RegisterDecl } from "../declare.ts";
import { diffEntries, type VersionView } from "./read.ts";

const decl: RegisterDecl = {
  code: "fee_test",
  label: { zh: "收费目录", en: "Fees" },
  module: "test",
  schema: z.object({ item: z.string(), standard: z.string(), note: z.string().optional() }),
  columns: [
    { field: "item", label: { zh: "收费项目", en: "Item" }, kind: "text" },
    { field: "standard", label: { zh: "收费标准", en: "Standard" }, kind: "text" },
    { field: "note", label: { zh: "备注", en: "Note" }, kind: "text" },
  ],
  visibility: "region",
  edit: { permission: "record.write", scope: "own_unit" },
  title: (d) => String(d.item),
  versions: {},
};

const v = { id: 1 } as VersionView;
const e = (id: number, data: Record<string, unknown>, unitId = 7) => ({
  id,
  unitId,
  title: String(data.item),
  data,
});

describe("the change list between two versions", () => {
  it("names added, removed and changed entries, with the changed fields and their labels", () => {
    const d = diffEntries(
      decl,
      v,
      null,
      [
        e(1, { item: "甲", standard: "10元" }),
        e(2, { item: "乙", standard: "5元" }),
        e(3, { item: "丙", standard: "1元" }),
      ],
      [
        e(1, { item: "甲", standard: "12元", note: "2020年调整" }),
        e(3, { item: "丙", standard: "1元" }),
        e(4, { item: "丁", standard: "2元" }),
      ],
    );
    expect(d.added.map((x) => x.id)).toEqual([4]);
    expect(d.removed.map((x) => x.id)).toEqual([2]);
    expect(d.unchanged).toBe(1);
    expect(d.changed).toHaveLength(1);
    expect(d.changed[0]!.fields).toEqual([
      { field: "note", label: { zh: "备注", en: "Note" }, before: null, after: "2020年调整" },
      {
        field: "standard",
        label: { zh: "收费标准", en: "Standard" },
        before: "10元",
        after: "12元",
      },
    ]);
  });

  it("takes an entry moved to another unit as changed, an empty field as absent", () => {
    const d = diffEntries(
      decl,
      v,
      null,
      [e(1, { item: "甲", standard: "1元", note: "" })],
      [e(1, { item: "甲", standard: "1元" }, 8)],
    );
    expect([d.changed.length, d.changed[0]?.fields.length, d.unchanged]).toEqual([1, 0, 0]);
  });
});

describe("a published list's declaration", () => {
  it("may not hold encrypted fields, and names a valid publisher", () => {
    expect(() => checkRegisterDecl({ ...decl, encrypted: ["note"] })).toThrow(/encrypted/);
    expect(() => checkRegisterDecl({ ...decl, versions: { by: "office" as "region" } })).toThrow(
      /versions.by/,
    );
    expect(() => checkRegisterDecl(decl)).not.toThrow();
  });
});
