import { describe, expect, it } from "vitest";
import { createRegistry, type ModuleDecl } from "./registry.ts";

const asker: ModuleDecl = { code: "asker", label: { zh: "甲", en: "A" } };
const answerer = (code: string): ModuleDecl => ({
  code: `answerer_${code.replace(".", "_")}_${Math.random().toString(36).slice(2, 6)}`,
  label: { zh: "乙", en: "B" },
  answers: [
    {
      code,
      label: { zh: "问", en: "Q" },
      answer: async (_w, q) => ({ region: q.regionCode, on: q.onDate, input: q.input }),
    },
  ],
});

describe("module answers (ModuleDecl.answers)", () => {
  it("finds the module that answers a question, and none when no module does", async () => {
    const r = createRegistry([asker, answerer("credit.check")]);
    const a = r.answer("credit.check");
    expect(a?.label.zh).toBe("问");
    const out = await a?.answer(undefined as never, {
      regionCode: "500156",
      onDate: "2020-05-06",
      input: { uscc: "x" },
    });
    expect(out).toEqual({ region: "500156", on: "2020-05-06", input: { uscc: "x" } });
    expect(createRegistry([asker]).answer("credit.check")).toBeUndefined();
  });

  it("refuses two modules answering the same question", () => {
    expect(() => createRegistry([answerer("credit.check"), answerer("credit.check")])).toThrow(
      /duplicate answer "credit.check"/,
    );
  });
});
