/**
 * Citizen identification numbers, GB 11643-1999 《公民身份号码》.
 *
 * 18 characters (GB 11643-1999 §4):
 * - positions 1-6   address code (地址码), a GB/T 2260 region code (§5.1);
 * - positions 7-14  birth date YYYYMMDD (出生日期码, §5.2);
 * - positions 15-17 sequence code (顺序码, §5.3): odd for men, even for women;
 * - position 18     check character (校验码, §5.4), ISO 7064:1983 MOD 11-2 over the
 *   first 17 digits, where the value 10 is written "X".
 * The standard's own example is 11010519491231002X (a woman born 1949-12-31, Beijing
 * 朝阳区); 440524188001010014 is its second example.
 *
 * Legacy 15-digit numbers (pre-1999) are rejected: they carry no check character.
 */
import { z } from "zod";
import { ValidationError } from "../errors.ts";
import { demoRng } from "./demo-rng.ts";
import { regionCodeMessage, regionCodeProblem } from "./region.ts";

export type Sex = "male" | "female";

export type IdCardProblem =
  | "length"
  | "charset"
  | "region"
  | "birth_date"
  | "future_birth_date"
  | "check_digit";

export type IdCardResult =
  | { ok: true; value: string; regionCode: string; birthDate: string; sex: Sex }
  | { ok: false; reason: IdCardProblem; message: string };

export interface IdCardOptions {
  /** Today's date (YYYY-MM-DD, Asia/Shanghai); if given, later birth dates are rejected. */
  today?: string;
}

/** Weights W_i = 2^(18-i) mod 11 for positions i = 1..17 (ISO 7064 MOD 11-2). */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = "10X98765432"; // indexed by (sum mod 11)
const EARLIEST_YEAR = 1800;

/** The check character for the first 17 digits (GB 11643-1999 §5.4). */
export function idCardCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new ValidationError(`ID number body must be 17 digits, got "${first17}"`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** "YYYYMMDD" → "YYYY-MM-DD" if it is a real calendar date in range, else null. */
function parseBirthDate(yyyymmdd: string): string | null {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < EARLIEST_YEAR || m < 1 || m > 12 || d < 1) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

function fail(reason: IdCardProblem, message: string): IdCardResult {
  return { ok: false, reason, message };
}

/** Validate an 18-character ID number. Strict: a lowercase "x" is reported as charset. */
export function validateIdCard(s: string, options: IdCardOptions = {}): IdCardResult {
  if (s.length !== 18) return fail("length", `ID number must be 18 characters, got ${s.length}`);
  if (!/^\d{17}[\dX]$/.test(s)) {
    const hint = /^\d{17}x$/.test(s) ? ' (write the check character as uppercase "X")' : "";
    return fail("charset", `ID number must be 17 digits followed by a digit or "X"${hint}`);
  }
  const regionCode = s.slice(0, 6);
  const problem = regionCodeProblem(regionCode);
  if (problem) {
    return fail("region", `ID number address code: ${regionCodeMessage(problem, regionCode)}`);
  }
  const birthDate = parseBirthDate(s.slice(6, 14));
  if (!birthDate) {
    return fail("birth_date", `ID number birth date "${s.slice(6, 14)}" is not a valid date`);
  }
  if (options.today !== undefined && birthDate > options.today) {
    return fail("future_birth_date", `ID number birth date ${birthDate} is in the future`);
  }
  const expected = idCardCheckChar(s.slice(0, 17));
  if (s[17] !== expected) {
    return fail("check_digit", `ID number check character is "${s[17]}", expected "${expected}"`);
  }
  const sex: Sex = Number(s[16]) % 2 === 1 ? "male" : "female";
  return { ok: true, value: s, regionCode, birthDate, sex };
}

/** Trim and upper-case ("x" → "X"); what zIdCard applies before validating. */
export function normalizeIdCard(s: string): string {
  return s.trim().toUpperCase();
}

/** zod schema: normalises (trim, "x" → "X") then validates; the message names the problem. */
export const zIdCard = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((s, ctx) => {
    const r = validateIdCard(s);
    if (!r.ok) ctx.addIssue({ code: "custom", message: r.message, params: { reason: r.reason } });
  });

/** Sequence numbers per (region, birth date, sex): 0..498 → codes 001..997 / 002..998. */
export const ID_CARD_MAX_SEQ = 498;

/**
 * Build a valid ID number (for test and demo data).
 * seq 0..498 gives the sequence code 2·seq+1 (male, odd) or 2·seq+2 (female, even).
 */
export function makeIdCard(regionCode: string, birthDate: string, seq: number, sex: Sex): string {
  const problem = regionCodeProblem(regionCode);
  if (problem) throw new ValidationError(regionCodeMessage(problem, regionCode));
  const compact = birthDate.replaceAll("-", "");
  if (!/^\d{4}-\d{2}-\d{2}$/.test(birthDate) || !parseBirthDate(compact)) {
    throw new ValidationError(`birth date must be a valid YYYY-MM-DD date, got "${birthDate}"`);
  }
  if (!Number.isInteger(seq) || seq < 0 || seq > ID_CARD_MAX_SEQ) {
    throw new ValidationError(`sequence must be an integer 0..${ID_CARD_MAX_SEQ}, got ${seq}`);
  }
  const code = String(2 * seq + (sex === "male" ? 1 : 2)).padStart(3, "0");
  const body = `${regionCode}${compact}${code}`;
  return body + idCardCheckChar(body);
}

export interface DemoIdCardOptions {
  /** Address codes to draw from (default: a few Chongqing districts). */
  regions?: readonly string[];
  /** Birth years, inclusive (default 1950..2005). */
  fromYear?: number;
  toYear?: number;
}

const DEFAULT_DEMO_REGIONS = ["500156", "500101", "500102", "500103", "500112", "500233"];

/** `count` distinct valid ID numbers, the same for the same seed and options. */
export function demoIdCards(
  seed: number,
  count: number,
  options: DemoIdCardOptions = {},
): string[] {
  const rng = demoRng(seed);
  const regions = options.regions ?? DEFAULT_DEMO_REGIONS;
  const fromYear = options.fromYear ?? 1950;
  const span = (options.toYear ?? 2005) - fromYear + 1;
  if (span < 1) throw new ValidationError("demo ID numbers: toYear is before fromYear");
  const out = new Set<string>();
  const maxAttempts = count * 20 + 100;
  for (let attempt = 0; out.size < count; attempt++) {
    if (attempt > maxAttempts) {
      throw new ValidationError(`could not draw ${count} distinct ID numbers from these options`);
    }
    const day = new Date(Date.UTC(fromYear + rng.int(span), 0, 1 + rng.int(365)));
    const birthDate = day.toISOString().slice(0, 10);
    const sex: Sex = rng.int(2) === 0 ? "male" : "female";
    out.add(makeIdCard(rng.pick(regions), birthDate, rng.int(ID_CARD_MAX_SEQ + 1), sex));
  }
  return [...out];
}
