import { describe, expect, it } from "vitest";
import { z } from "zod";
import { issueText, zt } from "./issue-text.ts";

const first = (schema: z.ZodType, value: unknown, reportInput = true) => {
  const r = schema.safeParse(value, { reportInput });
  if (r.success) throw new Error("expected an issue");
  return issueText(r.error.issues[0]!);
};

describe("zod issues in both languages", () => {
  it("a missing field is 必填, with or without the input kept", () => {
    const s = z.object({ name: z.string() });
    expect(first(s, {})).toEqual({
      zh: "必填",
      en: "Invalid input: expected string, received undefined",
    });
    expect(first(s, {}, false).zh).toBe("必填");
  });

  it("zod's own messages get plain Chinese; English stays zod's", () => {
    expect(first(z.object({ n: z.number() }), { n: "x" }).zh).toBe("应为数字");
    expect(first(z.string().max(3), "abcd").zh).toBe("最多 3 个字符");
    expect(first(z.string().min(1), "").zh).toBe("不能为空");
    expect(first(z.array(z.string()).min(2), ["a"]).zh).toBe("至少 2 项");
    expect(first(z.number().min(5), 1).zh).toBe("不能小于 5");
    expect(first(z.enum(["a", "b"]), "c").zh).toBe("不是可选的值");
    const en = first(z.enum(["a", "b"]), "c").en;
    expect(en).toMatch(/^Invalid option/);
  });

  it("a message declared with zt gives both sides; a plain one is shown as it is", () => {
    const s = z.string().min(2, zt("太短了", "too short"));
    expect(first(s, "a")).toEqual({ zh: "太短了", en: "too short" });
    expect(first(z.string().min(2, "plain words"), "a")).toEqual({
      zh: "plain words",
      en: "plain words",
    });
  });
});
