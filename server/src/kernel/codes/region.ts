/**
 * GB/T 2260 administrative division codes (中华人民共和国行政区划代码), six digits:
 * positions 1-2 province (省级), 3-4 city (地级), 5-6 county (县级).
 *
 * - XX0000 is a province-level unit, XXYY00 (YY ≠ 00) a prefecture-level unit, anything
 *   else a county-level unit.
 * - Municipalities directly under the central government (直辖市 北京 11, 天津 12,
 *   上海 31, 重庆 50) use the groupings XX01 "市辖区" and XX02 "县". They are not real
 *   prefecture-level units, so a district's parent is the municipality itself:
 *   parentOf("500156") (武隆区) = "500000".
 * - YY = 90 is the GB/T 2260 grouping "省(自治区)直辖县级行政区划" (e.g. 429004 仙桃市,
 *   469005 文昌市, 659001 石河子市). Those units also belong directly to the province.
 * - The format check only knows the province prefixes; whether a code is in force
 *   is a question for the region reference table (platform/regions.ts), not for this
 *   pure module.
 * Labels for the levels live in kernel/labels.ts (REGION_LEVEL_LABELS).
 */
import { z } from "zod";
import { ValidationError } from "../errors.ts";

export type RegionLevel = "province" | "city" | "county";

/** Province-level prefixes of GB/T 2260 (incl. 71 台湾, 81 香港, 82 澳门). */
// biome-ignore format: one row per GB/T 2260 region group
export const PROVINCE_PREFIXES: ReadonlySet<string> = new Set([
  "11", "12", "13", "14", "15",
  "21", "22", "23",
  "31", "32", "33", "34", "35", "36", "37",
  "41", "42", "43", "44", "45", "46",
  "50", "51", "52", "53", "54",
  "61", "62", "63", "64", "65",
  "71", "81", "82",
]);

/** 直辖市: 北京 11, 天津 12, 上海 31, 重庆 50. */
export const MUNICIPALITY_PREFIXES: ReadonlySet<string> = new Set(["11", "12", "31", "50"]);

/** City segment "90": 省(自治区)直辖县级行政区划 (GB/T 2260 grouping). */
const DIRECTLY_ADMINISTERED_SEGMENT = "90";

export type RegionCodeProblem = "format" | "province";

/** Why a string is not a region code, or null if it is one. */
export function regionCodeProblem(code: string): RegionCodeProblem | null {
  if (!/^\d{6}$/.test(code)) return "format";
  if (!PROVINCE_PREFIXES.has(code.slice(0, 2))) return "province";
  return null;
}

export function isRegionCode(code: string): boolean {
  return regionCodeProblem(code) === null;
}

export function regionCodeMessage(problem: RegionCodeProblem, code: string): string {
  return problem === "format"
    ? `region code must be 6 digits (GB/T 2260), got "${code}"`
    : `region code "${code}" starts with "${code.slice(0, 2)}", which is not a GB/T 2260 province code`;
}

function assertRegionCode(code: string): void {
  const problem = regionCodeProblem(code);
  if (problem) throw new ValidationError(regionCodeMessage(problem, code));
}

/** The level implied by the code's shape. */
export function regionLevel(code: string): RegionLevel {
  assertRegionCode(code);
  if (code.endsWith("0000")) return "province";
  if (code.endsWith("00")) return "city";
  return "county";
}

/**
 * The parent of a code, or null for a province-level unit.
 * county → XXYY00 (its prefecture), except in a municipality or under a "90"
 * grouping, where it is XX0000; city → XX0000.
 */
export function parentOf(code: string): string | null {
  const level = regionLevel(code);
  const province = `${code.slice(0, 2)}0000`;
  if (level === "province") return null;
  if (level === "city") return province;
  const prefix = code.slice(0, 2);
  const segment = code.slice(2, 4);
  if (MUNICIPALITY_PREFIXES.has(prefix) || segment === DIRECTLY_ADMINISTERED_SEGMENT) {
    return province;
  }
  return `${code.slice(0, 4)}00`;
}

/** Parent, grandparent, ... up to the province (nearest first). */
export function ancestorsOf(code: string): string[] {
  const out: string[] = [];
  for (let p = parentOf(code); p !== null; p = parentOf(p)) out.push(p);
  return out;
}

/** True if `ancestor` is a strict ancestor of `descendant` (not the code itself). */
export function isAncestorOf(ancestor: string, descendant: string): boolean {
  if (!isRegionCode(ancestor) || !isRegionCode(descendant)) return false;
  return ancestorsOf(descendant).includes(ancestor);
}

/** True if `scope` is the region itself or one of its ancestors (for access checks). */
export function isSelfOrAncestorOf(scope: string, region: string): boolean {
  return scope === region ? isRegionCode(scope) : isAncestorOf(scope, region);
}

/** zod schema for a GB/T 2260 region code; the message names what is wrong. */
export const zRegionCode = z.string().superRefine((code, ctx) => {
  const problem = regionCodeProblem(code);
  if (problem) ctx.addIssue({ code: "custom", message: regionCodeMessage(problem, code) });
});
