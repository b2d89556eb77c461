import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { fieldLabel, fieldOptions } from "../labels.ts";
import { defineRegister } from "./define.ts";
import {
  bool,
  count,
  date,
  enumOf,
  field,
  fieldOf,
  list,
  registerFields,
  text,
  unitCode,
  year,
  yuan,
} from "./field-builder.ts";

const KIND = { a: { zh: "甲", en: "A" }, b: { zh: "乙", en: "B" } } as const;

const fields = registerFields({
  name: text("名称", "Name", { max: 10 }),
  note: text("备注", "Note", { optional: true, inList: false }),
  on: date("日期", "On", { filter: true }),
  until: date("截止日期", "Until", { optional: true }),
  unit: unitCode("单位", "Unit"),
  amount: yuan("金额（元）", "Amount (yuan)"),
  people: count("人数", "People"),
  done: bool("已完成", "Done", { optional: true }),
  year: year("年度", "Year", { filter: true }),
  kind: enumOf(KIND, "类别", "Kind", { filter: true }),
  grade: enumOf(KIND, "等级", "Grade", { optional: true }),
  tags: list(z.array(z.string()).max(3).default([]), "标签", "Tags"),
  days: field(z.number().int().min(1), "天数", "Days", "integer", { inList: false }),
});

const VALID = {
  name: "名称",
  on: "2024-02-29",
  unit: "sfj",
  amount: 12.5,
  people: 3,
  year: 2024,
  kind: "a",
  days: 2,
};

function messages(input: unknown): Record<string, string> {
  const r = fields.schema.safeParse(input);
  if (r.success) return {};
  return Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
}

describe("the register field builder", () => {
  it("gives the columns in the fields' order, saying only what each field says", () => {
    expect(fields.columns).toEqual([
      { field: "name", kind: "text" },
      { field: "note", kind: "text", inList: false },
      { field: "on", kind: "date", filter: true },
      { field: "until", kind: "date" },
      { field: "unit", kind: "text", ref: "unit" },
      { field: "amount", kind: "number" },
      { field: "people", kind: "integer" },
      { field: "done", kind: "boolean" },
      { field: "year", kind: "integer", filter: true },
      { field: "kind", kind: "enum", filter: true },
      { field: "grade", kind: "enum" },
      { field: "tags", kind: "list" },
      { field: "days", kind: "integer", inList: false },
    ]);
    expect(Object.keys(fields.schema.shape)).toEqual(fields.columns.map((c) => c.field));
  });

  it("labels every field on its schema, where defineRegister reads the columns' labels", () => {
    for (const c of fields.columns) expect(fieldLabel(fields.schema, c.field)).toBeDefined();
    expect(fieldLabel(fields.schema, "until")).toEqual({ zh: "截止日期", en: "Until" });
    expect(fieldOptions(fields.schema, "grade")).toEqual(KIND);
    const reg = defineRegister({
      code: "t",
      label: { zh: "测试", en: "Test" },
      module: "m",
      ...fields,
      visibility: "region",
      edit: { permission: "record.write", scope: "own_unit" },
      title: (d) => d.name,
    });
    expect(reg.columns.find((c) => c.field === "kind")).toMatchObject({
      label: { zh: "类别", en: "Kind" },
      options: KIND,
    });
    expect(reg.columns.find((c) => c.field === "unit")?.label).toEqual({ zh: "单位", en: "Unit" });
  });

  it("types each field as declared (checked by the type check): optional ones may be absent", () => {
    type D = z.infer<typeof fields.schema>;
    expectTypeOf<D["name"]>().toEqualTypeOf<string>();
    expectTypeOf<D["note"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<D["until"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<D["done"]>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<D["kind"]>().toEqualTypeOf<"a" | "b">();
    expectTypeOf<D["grade"]>().toEqualTypeOf<"a" | "b" | undefined>();
    expectTypeOf<D["tags"]>().toEqualTypeOf<string[]>();
  });

  it("takes a valid entry, filling defaults and trimming text", () => {
    const r = fields.schema.parse({ ...VALID, name: "  名称 " });
    expect(r).toMatchObject({ name: "名称", tags: [] });
  });

  it("requires what is not optional, and only that", () => {
    expect(Object.keys(messages({})).sort()).toEqual(Object.keys(VALID).sort());
    expect(messages({ ...VALID, name: "  " })).toEqual({ name: "required" });
  });

  it("holds each kind's bounds", () => {
    expect(messages({ ...VALID, name: "长".repeat(11) })).toHaveProperty("name");
    expect(messages({ ...VALID, note: "长".repeat(501) })).toHaveProperty("note");
    expect(messages({ ...VALID, on: "2023-02-29" })).toHaveProperty("on");
    expect(messages({ ...VALID, unit: "Not a code" })).toHaveProperty("unit");
    expect(messages({ ...VALID, amount: 1.234 })).toHaveProperty("amount");
    expect(messages({ ...VALID, people: -1 })).toHaveProperty("people");
    expect(messages({ ...VALID, year: 1999 })).toHaveProperty("year");
    expect(messages({ ...VALID, kind: "c" })).toHaveProperty("kind");
    expect(messages({ ...VALID, grade: "c" })).toHaveProperty("grade");
    expect(messages({ ...VALID, tags: ["1", "2", "3", "4"] })).toHaveProperty("tags");
    expect(messages({ ...VALID, days: 0 })).toHaveProperty("days");
  });

  it("makes fields on a module's own base schema", () => {
    const code = fieldOf(z.string().regex(/^[A-Z]+$/), "text", { ref: "unit" });
    const f = registerFields({
      a: code("甲", "A", { filter: true }),
      b: code("乙", "B", { optional: true }),
    });
    expect(f.columns).toEqual([
      { field: "a", kind: "text", ref: "unit", filter: true },
      { field: "b", kind: "text", ref: "unit" },
    ]);
    expect(f.schema.safeParse({ a: "X" }).success).toBe(true);
    expect(f.schema.safeParse({ a: "x" }).success).toBe(false);
    expect(f.schema.safeParse({}).success).toBe(false);
  });
});
