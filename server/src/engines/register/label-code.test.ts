import { describe, expect, it } from "vitest";
import { ValidationError } from "../../kernel/errors.ts";
import { labelCode } from "./label-code.ts";

const KINDS = {
  law: { zh: "法律", en: "Law" },
  speech: { zh: "重要讲话", en: "Speech" },
} as const;

describe("labelCode", () => {
  it("reads the code from the code, the Chinese label or the English one (any case), trimmed", () => {
    expect(labelCode(KINDS, "law")).toBe("law");
    expect(labelCode(KINDS, " 重要讲话 ")).toBe("speech");
    expect(labelCode(KINDS, "SPEECH")).toBe("speech");
  });

  it("refuses any other text, naming the choices in both languages", () => {
    let err: unknown;
    try {
      labelCode(KINDS, "法规");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).text).toEqual({
      zh: "“法规”不是可选的值（可选：法律、重要讲话）",
      en: '"法规" is not one of Law, Speech',
    });
  });
});
