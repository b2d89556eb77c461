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
  fn: (s: string, context: string) => string,
): Record<string, unknown> {
  const out = structuredClone(fields);
  for (const p of decl.people ?? []) {
    for (const member of [p.idField, p.phoneField]) {
      if (!member) continue;
      const context = `case.${decl.code}.${p.field}.${member}`;
      eachPerson(out[p.field], (person) => {
        const v = person[member];
        if (typeof v === "string" && v) person[member] = fn(v, context);
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
