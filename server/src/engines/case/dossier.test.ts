import { describe, expect, it } from "vitest";
import { z } from "zod";
import { L, labelledEnum } from "../labels.ts";
import { describeValues } from "./dossier.ts";

describe("a dossier's step record", () => {
  const schema = z.object({
    result: labelledEnum({ lawful: { zh: "合法", en: "Lawful" } }, "审查结论", "Result"),
    signed: L(z.boolean(), "已署名", "Signed"),
    advisers: L(
      z.array(
        z.object({
          name: L(z.string(), "姓名", "Name"),
          note: L(z.string().optional(), "意见", "Note"),
        }),
      ),
      "法律顾问",
      "Advisers",
    ),
    tags: L(z.array(z.string()), "标签", "Tags"),
  });

  it("names every value by its Chinese label, options by their labels, never by the key", () => {
    const lines = describeValues(schema, {
      result: "lawful",
      signed: true,
      advisers: [{ name: "张三", note: "无异议" }],
      tags: [],
    });
    expect(lines).toEqual([
      "审查结论：合法",
      "已署名：是",
      "法律顾问：",
      "  （1）",
      "    姓名：张三",
      "    意见：无异议",
      "标签：（无）",
    ]);
  });

  it("keeps a value the schema does not declare, under its key", () => {
    expect(describeValues(schema, { extra: 3 })).toEqual(["extra：3"]);
  });
});
