/**
 * Unified social credit codes (统一社会信用代码), GB 32100-2015
 * 《法人和其他组织统一社会信用代码编码规则》.
 *
 * 18 characters from the 31-character set 0-9 A-H J-N P-R T-U W-Y (no I, O, S, V, Z):
 * - position 1     registration authority code (登记管理部门代码);
 * - position 2     institution category code (机构类别代码);
 * - positions 3-8  registering authority's administrative division code (GB/T 2260);
 * - positions 9-17 subject identifier (主体标识码) = organization code, GB 11714-1997;
 * - position 18    check character: C18 = 31 − (Σ Ci·Wi mod 31), 31 → 0, with
 *   Wi = 3^(i−1) mod 31 = 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28.
 * The standard's example is 91350100M000100Y43.
 *
 * The GB 11714 check of positions 9-17 (weights 3,7,9,10,5,8,4,2; C9 = 11 − (S mod 11),
 * 10 → X, 11 → 0) is reported as `orgCodeValid` and only enforced in strict mode: it
 * holds for every published code we checked, but GB 32100 does not repeat it, so a
 * default rejection could refuse a real code (uncertain; verify with the registry).
 */
import { z } from "zod";
import { ValidationError } from "../errors.ts";
import { zt } from "../issue-text.ts";
import { demoRng } from "./demo-rng.ts";
import { isRegionCode } from "./region.ts";

export const USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

interface CategoryLabel {
  zh: string;
  en: string;
}

/**
 * Registration authority codes and their institution categories (GB 32100-2015 附录 A,
 * 表 A.1). 1, 5, 9 and Y are the common ones; the rest are recalled from the standard
 * and not verified here [R].
 */
export const USCC_AUTHORITIES: Readonly<
  Record<string, CategoryLabel & { categories: Readonly<Record<string, CategoryLabel>> }>
> = {
  "1": {
    zh: "机构编制",
    en: "Establishment (bianzhi) authority",
    categories: {
      "1": { zh: "机关", en: "Government organ" },
      "2": { zh: "事业单位", en: "Public institution" },
      "3": { zh: "中央编办直接管理机构编制的群众团体", en: "Mass organisation (central bianzhi)" },
      "9": { zh: "其他", en: "Other" },
    },
  },
  "2": { zh: "外交", en: "Foreign affairs", categories: {} },
  "3": { zh: "司法行政", en: "Judicial administration", categories: {} },
  "4": { zh: "文化", en: "Culture", categories: {} },
  "5": {
    zh: "民政",
    en: "Civil affairs",
    categories: {
      "1": { zh: "社会团体", en: "Social organisation" },
      "2": { zh: "民办非企业单位", en: "Private non-enterprise unit" },
      "3": { zh: "基金会", en: "Foundation" },
      "9": { zh: "其他", en: "Other" },
    },
  },
  "6": { zh: "旅游", en: "Tourism", categories: {} },
  "7": { zh: "宗教", en: "Religious affairs", categories: {} },
  "8": { zh: "工会", en: "Trade unions", categories: {} },
  "9": {
    zh: "工商（市场监管）",
    en: "Market regulation",
    categories: {
      "1": { zh: "企业", en: "Enterprise" },
      "2": { zh: "个体工商户", en: "Individual business" },
      "3": { zh: "农民专业合作社", en: "Farmers' cooperative" },
    },
  },
  A: { zh: "中央军委改革和编制办公室", en: "CMC reform and establishment office", categories: {} },
  N: { zh: "农业", en: "Agriculture (collective economic organisations)", categories: {} },
  Y: { zh: "其他", en: "Other", categories: { "1": { zh: "其他", en: "Other" } } },
};

export type UsccProblem =
  | "length"
  | "charset"
  | "region"
  | "check_digit"
  | "registration_authority"
  | "org_code";

export type UsccResult =
  | {
      ok: true;
      value: string;
      registrationAuthority: string;
      category: string;
      regionCode: string;
      orgCode: string;
      orgCodeValid: boolean;
    }
  | {
      ok: false;
      reason: UsccProblem;
      /** English message (with the position of the bad character where there is one). */
      message: string;
      /** The same in Chinese, for the user. */
      zh: string;
      /** 1-based position of the first bad character (charset, region, check character). */
      position?: number;
    };

export interface UsccOptions {
  /** Also require a known registration authority and a valid GB 11714 organization code. */
  strict?: boolean;
}

/** The check character for the first 17 characters (GB 32100-2015 §4.3 / 附录 B). */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new ValidationError("USCC body must be 17 characters");
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARSET.indexOf(first17[i]!);
    if (v < 0) throw new ValidationError(`"${first17[i]}" is not a USCC character`);
    sum += v * WEIGHTS[i]!;
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31]!;
}

/** GB 11714-1997 organization code check character for an 8-character body. */
export function orgCodeCheckChar(body8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body8)) {
    throw new ValidationError(`organization code body must be 8 of 0-9 A-Z, got "${body8}"`);
  }
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number.parseInt(body8[i]!, 36) * ORG_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? "X" : c === 11 ? "0" : String(c);
}

function fail(reason: UsccProblem, message: string, zh: string, position?: number): UsccResult {
  return position === undefined
    ? { ok: false, reason, message, zh }
    : { ok: false, reason, message, zh, position };
}

/** Validate a USCC. Strict about case: lowercase letters are a charset problem. */
export function validateUscc(s: string, options: UsccOptions = {}): UsccResult {
  if (s.length !== 18) {
    return fail(
      "length",
      `unified social credit code must be 18 characters, got ${s.length}`,
      `统一社会信用代码应为18位，实为${s.length}位`,
    );
  }
  const chars = [...s];
  const at = chars.findIndex((c) => !USCC_CHARSET.includes(c));
  if (at >= 0) {
    const bad = chars[at]!;
    const lower = /[a-z]/.test(bad);
    const hint = lower
      ? " (use uppercase letters)"
      : " (allowed: 0-9 and A-Z without I, O, S, V, Z)";
    return fail(
      "charset",
      `unified social credit code character ${at + 1} is "${bad}", not allowed${hint}`,
      `统一社会信用代码第${at + 1}位“${bad}”不是允许的字符（${lower ? "字母应大写" : "可用数字0-9和除I、O、S、V、Z外的大写字母"}）`,
      at + 1,
    );
  }
  const regionCode = s.slice(2, 8);
  const nonDigit = [...regionCode].findIndex((c) => !/\d/.test(c));
  if (nonDigit >= 0) {
    return fail(
      "region",
      `unified social credit code character ${nonDigit + 3} is not a digit: positions 3-8 must be a 6-digit region code`,
      `统一社会信用代码第${nonDigit + 3}位应为数字（第3至8位为行政区划代码）`,
      nonDigit + 3,
    );
  }
  const expected = usccCheckChar(s.slice(0, 17));
  if (s[17] !== expected) {
    return fail(
      "check_digit",
      `unified social credit code character 18 (check character) is "${s[17]}", expected "${expected}"`,
      `统一社会信用代码第18位（校验码）为“${s[17]}”，按前17位计算应为“${expected}”`,
      18,
    );
  }
  const orgCode = s.slice(8, 17);
  const orgCodeValid = orgCodeCheckChar(orgCode.slice(0, 8)) === orgCode[8];
  if (options.strict) {
    if (!(s[0]! in USCC_AUTHORITIES)) {
      return fail(
        "registration_authority",
        `unknown registration authority code "${s[0]}"`,
        `统一社会信用代码第1位“${s[0]}”不是已知的登记管理部门代码`,
        1,
      );
    }
    if (!orgCodeValid) {
      return fail(
        "org_code",
        `organization code ${orgCode} fails its GB 11714 check character`,
        `统一社会信用代码第17位（组织机构代码校验码）有误`,
        17,
      );
    }
  }
  return {
    ok: true,
    value: s,
    registrationAuthority: s[0]!,
    category: s[1]!,
    regionCode,
    orgCode,
    orgCodeValid,
  };
}

/**
 * zod schema: trims and upper-cases, then validates (non-strict); names the problem and
 * the position of the bad character, in Chinese and English.
 */
export const zUscc = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((s, ctx) => {
    const r = validateUscc(s);
    if (!r.ok) {
      ctx.addIssue({
        code: "custom",
        message: zt(r.zh, r.message),
        params: { reason: r.reason, position: r.position },
      });
    }
  });

/** Largest `seq` for makeUscc: 31^8 − 1 (8 base-31 characters). */
export const USCC_MAX_SEQ = 31 ** 8 - 1;

/**
 * Build a valid USCC (for test and demo data): `kind` is positions 1-2 (e.g. "91"
 * enterprise, "92" individual business, "11" government organ), `seq` is written as 8
 * base-31 characters and completed with its GB 11714 and GB 32100 check characters, so
 * the result passes strict validation.
 */
export function makeUscc(kind: string, regionCode: string, seq: number): string {
  if (!/^[0-9A-HJ-NP-RTUW-Y]{2}$/.test(kind)) {
    throw new ValidationError(`USCC kind must be 2 USCC characters, got "${kind}"`);
  }
  if (!isRegionCode(regionCode)) {
    throw new ValidationError(`USCC region must be a GB/T 2260 code, got "${regionCode}"`);
  }
  if (!Number.isInteger(seq) || seq < 0 || seq > USCC_MAX_SEQ) {
    throw new ValidationError(`USCC sequence must be an integer 0..${USCC_MAX_SEQ}, got ${seq}`);
  }
  let body = "";
  for (let n = seq, i = 0; i < 8; i++, n = Math.floor(n / 31)) body = USCC_CHARSET[n % 31] + body;
  const first17 = `${kind}${regionCode}${body}${orgCodeCheckChar(body)}`;
  return first17 + usccCheckChar(first17);
}

export interface DemoUsccOptions {
  /** Positions 1-2 to draw from (default mostly "91" enterprises, some "92", "93", "51", "52"). */
  kinds?: readonly string[];
  /** Registering regions (default: Wulong 500156 and Chongqing 500000). */
  regions?: readonly string[];
}

const DEFAULT_KINDS = ["91", "91", "91", "91", "92", "92", "93", "51", "52", "12"];

/** `count` distinct valid USCCs, the same for the same seed and options. */
export function demoUsccs(seed: number, count: number, options: DemoUsccOptions = {}): string[] {
  const rng = demoRng(seed);
  const kinds = options.kinds ?? DEFAULT_KINDS;
  const regions = options.regions ?? ["500156", "500000"];
  const out = new Set<string>();
  while (out.size < count) {
    // 31^8 ≈ 8.5e11 sequences per kind and region: collisions are rare, never endless.
    out.add(makeUscc(rng.pick(kinds), rng.pick(regions), rng.int(USCC_MAX_SEQ + 1)));
  }
  return [...out];
}
