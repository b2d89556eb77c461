import { describe, expect, it } from "vitest";
import { cleanText, normaliseText, textProblem } from "./text.ts";

describe("text on the write path", () => {
  it("refuses NUL and lone surrogates, accepts pairs", () => {
    expect(textProblem("a\u0000b")).toBe("nul");
    expect(textProblem("a\ud800b")).toBe("lone_surrogate");
    expect(textProblem("a\udc00")).toBe("lone_surrogate");
    expect(textProblem("表\ud83d\ude00")).toBeUndefined();
    expect(textProblem("普通文字 plain")).toBeUndefined();
  });

  it("normalises to NFC", () => {
    const decomposed = "e\u0301"; // e + combining acute
    expect(normaliseText(decomposed)).toBe("\u00e9");
    expect(normaliseText("abc")).toBe("abc");
  });

  it("walks nested values and keys, naming each bad field by its path", () => {
    const r = cleanText(
      { reason: "a\ud800b", fields: { name: "x\u0000", list: ["ok", "e\u0301"] }, "k\u0000": 1 },
      "body",
    );
    expect(r.problems.map((p) => p.field)).toEqual(["reason", "fields.name", "k?"]);
    expect((r.value as { fields: { list: string[] } }).fields.list[1]).toBe("\u00e9");
    expect(cleanText("a\u0000", "body").problems[0]!.field).toBe("body");
    expect(cleanText({ n: 1, b: true, z: null }, "q")).toEqual({
      value: { n: 1, b: true, z: null },
      problems: [],
    });
  });

  it("leaves buffers alone", () => {
    const b = Buffer.from([0, 1, 2]);
    expect(cleanText(b, "body").value).toBe(b);
  });
});
