import { describe, expect, it } from "vitest";
import { ValidationError } from "./errors.ts";
import {
  disclosureFor,
  isPersonRoleCode,
  maskIdCard,
  maskName,
  maskPerson,
  maskPhone,
  normaliseNumbers,
  PERSON_ROLE_CODES,
  PERSON_ROLES,
  type PersonData,
  publicationBlockedBy,
  scrubNumbers,
} from "./masking.ts";

describe("maskName", () => {
  it.each([
    ["张三", "张*"],
    ["张三丰", "张**"],
    ["欧阳娜娜", "欧***"],
    [" 李四 ", "李*"],
    ["张", "*"],
    ["", ""],
    ["阿依古丽·买买提", "阿***·***"],
    ["John Smith", "J*** *****"],
  ])("%s → %s", (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });
});

describe("maskIdCard", () => {
  it("keeps the first 3 and last 4 characters by default", () => {
    expect(maskIdCard("500156199007150251")).toBe("500***********0251");
    expect(maskIdCard("11010519491231002X")).toBe("110***********002X");
    expect(maskIdCard("500156199007150251", 6, 4)).toBe("500156********0251");
    expect(maskIdCard("123456")).toBe("******");
  });
});

describe("maskPhone", () => {
  it.each([
    ["13812345678", "138****5678"],
    ["138 1234 5678", "138****5678"],
    ["138-1234-5678", "138****5678"],
    ["+86 13812345678", "+86 138****5678"],
    ["8613812345678", "+86 138****5678"],
    ["023-68881234", "023-****1234"],
    ["(023)68881234", "023-****1234"],
    ["0731-8888123", "0731-***8123"],
    ["023-68881234-801", "023-****1234-801"],
    ["023-68881234转801", "023-****1234-801"],
    ["68881234", "****1234"],
    ["12345", "*****"],
  ])("%s → %s", (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });
});

describe("PERSON_ROLES", () => {
  it("has a complete row with labels and a legal basis for every role", () => {
    expect(PERSON_ROLE_CODES.length).toBeGreaterThanOrEqual(13);
    for (const code of PERSON_ROLE_CODES) {
      const rule = PERSON_ROLES[code];
      expect(rule.code).toBe(code);
      expect(code).toMatch(/^[a-z_]+$/);
      expect(rule.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(rule.en).toMatch(/^[A-Z]/);
      expect(["shown", "masked", "withheld"]).toContain(rule.public);
      expect(rule.basis).toMatch(/\[(P|S|R|I)\]/);
      expect(isPersonRoleCode(code)).toBe(true);
    }
    expect(isPersonRoleCode("nobody")).toBe(false);
    expect(isPersonRoleCode("toString")).toBe(false);
  });

  it("masks private parties, shows officials, withholds minors and third parties", () => {
    const expected: Record<string, string> = {
      applicant: "masked",
      party_natural: "masked",
      complainant: "masked",
      mediation_party: "masked",
      commenter: "masked",
      third_party_person: "withheld",
      minor: "withheld",
      enforcement_officer: "shown",
      official: "shown",
      expert: "shown",
      hearing_participant: "shown",
      legal_person: "shown",
      legal_representative: "shown",
    };
    for (const code of PERSON_ROLE_CODES)
      expect(PERSON_ROLES[code].public, code).toBe(expected[code]);
    expect(Object.keys(expected).sort()).toEqual([...PERSON_ROLE_CODES].sort());
  });
});

describe("maskPerson", () => {
  const person: PersonData = {
    name: "张三丰",
    idNumber: "500156199007150251",
    phone: "13812345678",
    address: "重庆市武隆区某街1号",
    certificateNo: "渝执500156001",
    uscc: "91350100M000100Y43",
  };

  it("applies the table to every role without leaking ID, phone or address", () => {
    for (const code of PERSON_ROLE_CODES) {
      const out = maskPerson(code, person);
      const rule = PERSON_ROLES[code];
      if (rule.public === "withheld") {
        expect(out, code).toBeNull();
        continue;
      }
      expect(out?.role).toBe(code);
      expect(out?.name).toBe(rule.public === "masked" ? "张**" : "张三丰");
      const text = JSON.stringify(out);
      expect(text).not.toContain("500156199007150251");
      expect(text).not.toContain("13812345678");
      expect(text).not.toContain("武隆区");
    }
  });

  it("shows an officer's certificate number and a legal person's USCC", () => {
    expect(maskPerson("enforcement_officer", person)).toEqual({
      role: "enforcement_officer",
      name: "张三丰",
      certificateNo: "渝执500156001",
    });
    expect(
      maskPerson("legal_person", { name: "重庆某某有限公司", uscc: "91350100M000100Y43" }),
    ).toEqual({
      role: "legal_person",
      name: "重庆某某有限公司",
      uscc: "91350100M000100Y43",
    });
    expect(maskPerson("applicant", person)).toEqual({ role: "applicant", name: "张**" });
  });

  it("lets local policy tighten any role but loosen only configurable ones", () => {
    expect(
      maskPerson("party_natural", person, { disclosure: { party_natural: "shown" } })?.name,
    ).toBe("张三丰");
    expect(
      maskPerson("complainant", person, { disclosure: { complainant: "withheld" } }),
    ).toBeNull();
    expect(maskPerson("official", person, { disclosure: { official: "masked" } })?.name).toBe(
      "张**",
    );
    expect(() => maskPerson("minor", person, { disclosure: { minor: "shown" } })).toThrow(
      ValidationError,
    );
    expect(() => disclosureFor("complainant", { disclosure: { complainant: "shown" } })).toThrow(
      /may not be loosened/,
    );
  });

  it("reports roles that block publication of a case", () => {
    expect(publicationBlockedBy(["legal_person", "party_natural"])).toBeNull();
    expect(publicationBlockedBy(["enforcement_officer", "minor"])).toBe("minor");
  });
});

describe("ID and phone numbers in free text", () => {
  const forms = [
    ["plain ID", "身份证500156198005061234号", "身份证******号"],
    ["ID with X", "证件号50015619800506123X。", "证件号******。"],
    ["ID with x, spaced", "500156 19800506 123x", "******"],
    ["ID in full-width digits", "５００１５６１９８００５０６１２３ｘ", "******"],
    ["ID with dashes", "500156-1980-0506-1234", "******"],
    ["old 15-digit ID", "500156800506123", "******"],
    ["mobile", "电话13912345678", "电话******"],
    ["mobile with spaces", "电话 139 1234 5678，", "电话 ******，"],
    ["mobile with dashes", "139-1234-5678", "******"],
    ["mobile with +86", "+86 139 1234 5678", "******"],
    ["mobile with 0086", "0086-13912345678", "******"],
    ["mobile in full width with ＋８６", "＋８６ １３９１２３４５６７８", "******"],
    ["landline", "023-77721234", "******"],
    ["landline in brackets", "（０２３）７７７２１２３４", "******"],
  ] as const;
  it.each(forms)("removes %s", (_, text, out) => {
    expect(scrubNumbers(text)).toBe(out);
  });
  it("keeps amounts, dates, document numbers and USCCs", () => {
    const text = "罚款20000元，2021-09-01决定，武隆市监罚〔2021〕1号，91500156MA5U123456，第12条";
    expect(scrubNumbers(text)).toBe(text);
  });
  it("normalises the forms for leak checks", () => {
    expect(normaliseNumbers("+86 139-1234 5678")).toContain("13912345678");
    expect(normaliseNumbers("５００１５６ １９８００５０６ １２３ｘ")).toBe("50015619800506123X");
  });
});
