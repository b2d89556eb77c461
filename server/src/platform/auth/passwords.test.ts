import { describe, expect, it } from "vitest";
import { generatePassword, passwordProblems } from "./passwords.ts";

describe("password policy", () => {
  it("refuses common patterns that pass the length and class rules", () => {
    for (const p of ["Password12", "P@ssw0rd2024!", "Admin12345", "Qwerty12345", "Abcd123456"]) {
      expect(passwordProblems(p, "zhang").length, p).toBeGreaterThan(0);
    }
  });
  it("accepts strong passwords and generated ones", () => {
    for (const p of ["Correct-Horse-9", "Qz7#kLm2vWx9", "Fazhi-Demo-2020x"]) {
      expect(passwordProblems(p, "zhang"), p).toEqual([]);
    }
    for (let i = 0; i < 200; i++) expect(passwordProblems(generatePassword(), "zhang")).toEqual([]);
  });
});
