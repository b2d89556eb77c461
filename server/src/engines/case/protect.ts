import type { Actor } from "../../kernel/access.ts";
import { maskIdCard, maskPhone } from "../../kernel/masking.ts";
import {
  decryptField,
  encryptField,
  isEncryptedField,
} from "../../platform/crypto/field-cipher.ts";
import type { CaseTypeDecl } from "./declare.ts";

/**
 * ID and phone numbers of the people in a case are encrypted at rest with SM4 (key
 * outside the database). A people field holds a person object or a list of them; the
 * declaration names which of its members are the ID and the phone number.
 */
type Person = Record<string, unknown>;

function eachPerson(value: unknown, fn: (p: Person) => void) {
  if (Array.isArray(value)) {
    for (const v of value) if (v && typeof v === "object") fn(v as Person);
  } else if (value && typeof value === "object") {
    fn(value as Person);
  }
}

function transform(
  decl: CaseTypeDecl,
  fields: Record<string, unknown>,
  fn: (s: string, context: string, kind: "id" | "phone") => string,
): Record<string, unknown> {
  const out = structuredClone(fields);
  for (const p of decl.people ?? []) {
    for (const [member, kind] of [
      [p.idField, "id"],
      [p.phoneField, "phone"],
    ] as const) {
      if (!member) continue;
      const context = `case.${decl.code}.${p.field}.${member}`;
      eachPerson(out[p.field], (person) => {
        const v = person[member];
        if (typeof v === "string" && v) person[member] = fn(v, context, kind);
      });
    }
  }
  return out;
}

export function sealPeople(decl: CaseTypeDecl, fields: Record<string, unknown>, key: Buffer) {
  return transform(decl, fields, (s, ctx) => (isEncryptedField(s) ? s : encryptField(key, s, ctx)));
}

export function openPeople(decl: CaseTypeDecl, fields: Record<string, unknown>, key: Buffer) {
  return transform(decl, fields, (s, ctx) => (isEncryptedField(s) ? decryptField(key, s, ctx) : s));
}

/**
 * Who reads a case's ID and phone numbers in full: the owning unit only — the same rule
 * as the registers (engines/register/service/rows.ts seesSecrets). Participants, the
 * rule-of-law office and the city see them masked (500***********1234, 138****5678).
 * [P] 个人信息保护法 art. 28 (ID numbers are sensitive) and art. 34 (state organs: only
 * what the statutory duty needs); GB/T 22239-2019 8.1.4.11 (personal information).
 */
export function seesPeopleInFull(actor: Actor, c: { unitId: number }): boolean {
  return actor.unitId === c.unitId;
}

/** The case's fields as this actor may read them: opened for the owning unit, masked for others. */
export function peopleFor(
  decl: CaseTypeDecl,
  c: { unitId: number; fields: Record<string, unknown> },
  actor: Actor,
  key: Buffer,
): Record<string, unknown> {
  const plain = openPeople(decl, c.fields, key);
  if (seesPeopleInFull(actor, c)) return plain;
  return transform(decl, plain, (s, _ctx, kind) => (kind === "id" ? maskIdCard(s) : maskPhone(s)));
}
