/**
 * The pure part of the register engine: checking a declaration, validating entry data
 * against it, SM4 encryption of the declared fields, unique-key values and blind
 * indexes, and comparing data for "nothing changed".
 */
import type { z } from "zod";
import { canonicalJson } from "../../kernel/canonical-json.ts";
import { type FieldError, t, ValidationError } from "../../kernel/errors.ts";
import { issueText } from "../../kernel/issue-text.ts";
import { maskIdCard, maskPhone } from "../../kernel/masking.ts";
import { blindIndex, decryptField, encryptField } from "../../platform/crypto/field-cipher.ts";
import type { ColumnDecl, RegisterDecl } from "./declare.ts";

export type EntryData = Record<string, unknown>;

/** What the engine needs besides the transaction: the SM4 field key (outside the database). */
export interface RegisterEnv {
  fieldKey?: Buffer;
}

const CODE = /^[a-z][a-z0-9_]*$/;
/** The list's own query parameters; a filter column cannot be named like one. */
export const RESERVED_QUERY = new Set(["q", "unitId", "page", "pageSize", "sort"]);

/**
 * Refuse a declaration the engine cannot serve safely: unknown fields in columns,
 * keys, allowlists; an encrypted field in the public allowlist; enum columns without
 * options. Run once when the routes start (and in tests).
 */
export function checkRegisterDecl(decl: RegisterDecl): void {
  const problems: string[] = [];
  const shape = decl.schema.shape as Record<string, unknown>;
  const has = (f: string) => Object.hasOwn(shape, f);
  if (!CODE.test(decl.code)) problems.push(`code "${decl.code}" must match ${CODE}`);
  if (
    decl.importRows !== undefined &&
    !(Number.isInteger(decl.importRows) && decl.importRows >= 1 && decl.importRows <= 200_000)
  ) {
    problems.push(`importRows ${decl.importRows} must be an integer 1..200000`);
  }
  const seen = new Set<string>();
  for (const c of decl.columns) {
    if (!has(c.field)) problems.push(`column "${c.field}" is not a field of the schema`);
    if (c.field === ID_FIELD) problems.push(`column "${c.field}" is reserved`);
    if (seen.has(c.field)) problems.push(`column "${c.field}" is declared twice`);
    seen.add(c.field);
    if (c.kind === "enum" && !c.options) problems.push(`enum column "${c.field}" has no options`);
    if (c.filter && RESERVED_QUERY.has(c.field)) {
      problems.push(`filter column "${c.field}" clashes with the list's own query parameter`);
    }
  }
  for (const k of decl.uniqueKeys ?? []) {
    for (const f of k.fields) {
      if (!has(f)) problems.push(`unique key "${k.name}": "${f}" is not a field`);
    }
    if (k.name.startsWith("bi:"))
      problems.push(`unique key "${k.name}": the bi: prefix is reserved`);
  }
  if (decl.versions && (decl.encrypted?.length ?? 0) > 0) {
    problems.push("a published list (versions) may not hold encrypted fields");
  }
  if (decl.versions?.by !== undefined && !["region", "unit"].includes(decl.versions.by)) {
    problems.push(`versions.by "${decl.versions.by}" must be "region" or "unit"`);
  }
  for (const f of decl.encrypted ?? []) {
    if (!has(f)) problems.push(`encrypted "${f}" is not a field`);
    if (decl.public?.fields.includes(f)) {
      problems.push(`encrypted "${f}" (an ID or phone number) may not be in the public allowlist`);
    }
  }
  for (const f of decl.public?.fields ?? []) {
    if (!has(f)) problems.push(`public field "${f}" is not a field`);
  }
  for (const p of decl.people ?? []) {
    if (!has(p.field)) problems.push(`people field "${p.field}" is not a field`);
  }
  if (problems.length > 0) {
    throw new Error(`register "${decl.code}" is badly declared: ${problems.join("; ")}`);
  }
}

/** The xlsx column holding the entry id (so a re-imported export updates, never duplicates). */
export const ID_FIELD = "_id";

export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join(".") || "data";
}

export function issuesToFields(error: z.ZodError): FieldError[] {
  return error.issues.map((i) => ({ field: fieldPath(i.path), message: issueText(i) }));
}

/** Validate with the declaration's schema: the parsed data, or every field error at once. */
export function validateData(decl: RegisterDecl, data: unknown): EntryData {
  const r = decl.schema.safeParse(data, { reportInput: true });
  if (!r.success) {
    const fields = issuesToFields(r.error);
    const names = [...new Set(fields.map((f) => f.field))].join(", ");
    throw new ValidationError(
      t(`${decl.label.zh}的记录填写有误，请按提示修改`, `invalid ${decl.label.en} entry: ${names}`),
      fields,
    );
  }
  return r.data as EntryData;
}

// ---------------------------------------------------------------------------------
// Encryption at rest

export function cipherContext(decl: RegisterDecl, field: string): string {
  return `register.${decl.code}.${field}`;
}

/** Normalise before a blind index: spaces and hyphens dropped, upper case (ID "x" → "X"). */
export function normalizeForIndex(s: string): string {
  return s.replace(/[\s-]/g, "").toUpperCase();
}

function needKey(decl: RegisterDecl, env: RegisterEnv): Buffer {
  if (!env.fieldKey) {
    throw new Error(`register "${decl.code}" has encrypted fields: the field key is required`);
  }
  return env.fieldKey;
}

export function encryptedFields(decl: RegisterDecl): string[] {
  return decl.encrypted ?? [];
}

/**
 * The stored form: each encrypted field's text replaced by its SM4 ciphertext. A value
 * that did not change keeps its previous ciphertext, so "what changed" stays truthful.
 */
export function encryptData(
  decl: RegisterDecl,
  plain: EntryData,
  env: RegisterEnv,
  previousStored?: EntryData,
): EntryData {
  const fields = encryptedFields(decl);
  if (fields.length === 0) return plain;
  const key = needKey(decl, env);
  const out = { ...plain };
  for (const f of fields) {
    const v = plain[f];
    if (typeof v !== "string" || v === "") continue;
    const prev = previousStored?.[f];
    if (typeof prev === "string") {
      try {
        if (decryptField(key, prev, cipherContext(decl, f)) === v) {
          out[f] = prev;
          continue;
        }
      } catch {
        // unreadable previous value: encrypt afresh
      }
    }
    out[f] = encryptField(key, v, cipherContext(decl, f));
  }
  return out;
}

export function decryptData(decl: RegisterDecl, stored: EntryData, env: RegisterEnv): EntryData {
  const fields = encryptedFields(decl);
  if (fields.length === 0) return stored;
  const key = needKey(decl, env);
  const out = { ...stored };
  for (const f of fields) {
    const v = stored[f];
    if (typeof v === "string" && v !== "") out[f] = decryptField(key, v, cipherContext(decl, f));
  }
  return out;
}

/** How an encrypted value shows in lists and xlsx exports: 138****5678, 500***********1234. */
export function maskSecret(value: string): string {
  const digits = value.replace(/\D/g, "");
  const phoneLike = /^[\d\s()+-]+$/.test(value.trim()) && digits.length <= 13;
  return phoneLike ? maskPhone(value) : maskIdCard(value);
}

export function maskData(decl: RegisterDecl, plain: EntryData): EntryData {
  const fields = encryptedFields(decl);
  if (fields.length === 0) return plain;
  const out = { ...plain };
  for (const f of fields) {
    const v = plain[f];
    if (typeof v === "string" && v !== "") out[f] = maskSecret(v);
  }
  return out;
}

// ---------------------------------------------------------------------------------
// Unique keys and blind indexes (rows of register_key)

export function blindIndexOf(
  decl: RegisterDecl,
  field: string,
  value: string,
  env: RegisterEnv,
): string {
  return blindIndex(needKey(decl, env), normalizeForIndex(value), cipherContext(decl, field));
}

function isEmpty(v: unknown): boolean {
  return (
    v === undefined ||
    v === null ||
    (typeof v === "string" && v.trim() === "") ||
    (Array.isArray(v) && v.length === 0)
  );
}

export interface KeyValue {
  name: string;
  fields: string[];
  value: string;
}

/**
 * The unique keys of an entry (plaintext data): canonical JSON of the key's values, an
 * encrypted field's value replaced by its blind index (no plaintext ID number ever
 * lands in register_key). A key with an empty part is not enforced (like SQL NULL).
 */
export function uniqueKeyValues(
  decl: RegisterDecl,
  plain: EntryData,
  env: RegisterEnv,
): KeyValue[] {
  const enc = new Set(encryptedFields(decl));
  const out: KeyValue[] = [];
  for (const k of decl.uniqueKeys ?? []) {
    const parts = k.fields.map((f) => plain[f]);
    if (parts.some(isEmpty)) continue;
    const values = k.fields.map((f, i) =>
      enc.has(f) ? blindIndexOf(decl, f, String(parts[i]), env) : parts[i],
    );
    out.push({ name: k.name, fields: k.fields, value: canonicalJson(values) });
  }
  return out;
}

/**
 * Blind-index rows for equality lookups on encrypted fields: key_name `bi:<field>`,
 * key_value `<hmac>:<entry id>` (the entry id keeps two entries with the same number
 * from colliding on register_key's primary key; a lookup asks for `<hmac>:` || id).
 */
export function blindIndexRows(
  decl: RegisterDecl,
  plain: EntryData,
  entryId: number,
  env: RegisterEnv,
): { key_name: string; key_value: string }[] {
  const rows: { key_name: string; key_value: string }[] = [];
  for (const f of encryptedFields(decl)) {
    const v = plain[f];
    if (typeof v !== "string" || v.trim() === "") continue;
    rows.push({ key_name: `bi:${f}`, key_value: `${blindIndexOf(decl, f, v, env)}:${entryId}` });
  }
  return rows;
}

// ---------------------------------------------------------------------------------
// Comparing

function prune(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(prune);
  if (v && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (!isEmpty(x)) out[k] = prune(x);
    }
    return out;
  }
  return v;
}

/** Equal data, where an absent field, null, "" and [] all mean "nothing". */
export function sameData(a: EntryData, b: EntryData): boolean {
  return canonicalJson(prune(a)) === canonicalJson(prune(b));
}

/** The top-level fields whose values differ (for "who changed what"). */
export function changedFields(before: EntryData | null, after: EntryData | null): string[] {
  const a = (before ?? {}) as EntryData;
  const b = (after ?? {}) as EntryData;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const norm = (v: unknown) => canonicalJson(isEmpty(v) ? null : prune(v));
  return keys.filter((k) => norm(a[k]) !== norm(b[k]));
}

export function columnOf(decl: RegisterDecl, field: string): ColumnDecl | undefined {
  return decl.columns.find((c) => c.field === field);
}
