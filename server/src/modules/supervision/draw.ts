/**
 * The random draw of 双随机、一公开, pure and verifiable (no I/O, no clock, no language's
 * random generator). 国发〔2019〕5号; 《优化营商环境条例》第五十四条: inspection objects and
 * inspectors are both drawn at random and the draw and its results are made public.
 *
 * Commit before reveal (after RFC 3797 and draft-thomson-elegy-vrs):
 * 1. Before any randomness exists, the candidate lists are frozen and published
 *    (`DrawInputs`: objects with their risk class, inspectors with their unit, the
 *    excluded pairs, the ratios) with `inputsHash` = SM3(canonical JSON), the algorithm
 *    and its version, and `seedCommitment` = SM3(seed) — the seed itself stays secret —
 *    and the public random value's source and date are named in advance.
 * 2. Then the seed is revealed (it must hash to the commitment) and mixed with the public
 *    random value (which did not exist at step 1):
 *    key = HMAC-SM3(seed, publicRandomValue).
 * 3. Objects are ordered by HMAC-SM3(key, objectId) and, per risk class, taken from the
 *    top: ⌈size × ratio⌉ of each class. For each drawn object the inspectors are
 *    ordered by HMAC-SM3(key, objectId ‖ "|" ‖ inspectorId) — each object its own
 *    order — and taken from the top, skipping the pairs excluded for conflict; a joint
 *    plan (部门联合抽查) first takes the best-ranked inspector of each department.
 * Ties (equal digests) are broken by the id, so the order is total.
 */
import { createHash, createHmac } from "node:crypto";
import { canonicalJson } from "../../kernel/canonical-json.ts";

export const DRAW_ALGORITHM = "HMAC-SM3 分层排序抽取";
export const DRAW_ALGORITHM_VERSION = "fazhi-draw/1";

export const RISK_CLASSES = ["A", "B", "C", "D"] as const;
export type RiskClass = (typeof RISK_CLASSES)[number];

export interface DrawObject {
  /** The unified social credit code. */
  id: string;
  risk: RiskClass;
}

export interface DrawInspector {
  /** The enforcement certificate number. */
  id: string;
  /** The inspector's body (unit code). */
  unit: string;
}

export interface ExcludedPair {
  object: string;
  inspector: string;
  /** same_unit, kinship, handled_before */
  reason: string;
}

/** Everything published before the randomness exists. */
export interface DrawInputs {
  algorithm: string;
  version: string;
  inspectionDate: string;
  objects: DrawObject[];
  inspectors: DrawInspector[];
  excluded: ExcludedPair[];
  /** Percent of each risk class to draw (0–100, up to two decimals). */
  ratios: Record<RiskClass, number>;
  inspectorsPerObject: number;
  /** The departments of a joint plan (each gets at least one inspector per object); one for an ordinary plan. */
  departments: string[];
}

export interface DrawnObject {
  id: string;
  risk: RiskClass;
  inspectors: string[];
}

export interface DrawResult {
  objects: DrawnObject[];
  resultHash: string;
}

const sm3 = (s: string): string => createHash("sm3").update(s, "utf8").digest("hex");
const hmac = (key: Buffer | string, msg: string): string =>
  createHmac("sm3", key).update(msg, "utf8").digest("hex");

/** SM3 (GB/T 32905-2016) of a string, hex. */
export const sm3Hex = sm3;

/** The frozen inputs in their one canonical order (objects, inspectors, pairs by id). */
export function canonicalInputs(i: DrawInputs): DrawInputs {
  const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return {
    ...i,
    objects: [...i.objects].sort(byId),
    inspectors: [...i.inspectors].sort(byId),
    excluded: [...i.excluded].sort((a, b) =>
      a.object !== b.object
        ? a.object < b.object
          ? -1
          : 1
        : a.inspector < b.inspector
          ? -1
          : a.inspector > b.inspector
            ? 1
            : 0,
    ),
    departments: [...i.departments].sort(),
  };
}

/** SM3 of the canonical JSON of the frozen inputs: what is published at freezing. */
export function inputsHash(i: DrawInputs): string {
  return sm3(canonicalJson(canonicalInputs(i)));
}

/** The commitment to a seed: SM3 of its text. */
export function seedCommitment(seed: string): string {
  return sm3(seed);
}

/** How many of a stratum of `size` a ratio takes: ⌈size × ratio / 100⌉ (in basis points, exact). */
export function stratumCount(size: number, ratioPercent: number): number {
  const bp = Math.round(ratioPercent * 100);
  return Math.min(size, Math.ceil((size * bp) / 10000));
}

export interface Feasibility {
  ok: boolean;
  /** Objects that cannot get enough inspectors (or one of each department). */
  short: string[];
}

/** Whether every object can be given its inspectors, whatever the seed (checked at freezing). */
export function feasibility(i: DrawInputs): Feasibility {
  const excluded = excludedSet(i.excluded);
  const short: string[] = [];
  for (const o of i.objects) {
    const free = i.inspectors.filter((p) => !excluded.has(`${o.id}|${p.id}`));
    const enough = free.length >= i.inspectorsPerObject;
    const eachDept = i.departments.every((d) => free.some((p) => p.unit === d));
    if (!enough || !eachDept) short.push(o.id);
  }
  return { ok: short.length === 0, short };
}

function excludedSet(pairs: readonly ExcludedPair[]): Set<string> {
  return new Set(pairs.map((p) => `${p.object}|${p.inspector}`));
}

function ranked<T extends { id: string }>(items: readonly T[], score: (t: T) => string): T[] {
  return items
    .map((t) => ({ t, s: score(t) }))
    .sort((a, b) =>
      a.s < b.s ? -1 : a.s > b.s ? 1 : a.t.id < b.t.id ? -1 : a.t.id > b.t.id ? 1 : 0,
    )
    .map((x) => x.t);
}

/** The draw itself: the same inputs, seed and public value give the same result. */
export function runDraw(inputs: DrawInputs, seed: string, publicValue: string): DrawResult {
  const i = canonicalInputs(inputs);
  const key = Buffer.from(hmac(seed, publicValue), "hex");
  const excluded = excludedSet(i.excluded);
  const order = ranked(i.objects, (o) => hmac(key, o.id));
  const drawn: DrawnObject[] = [];
  for (const risk of RISK_CLASSES) {
    const stratum = order.filter((o) => o.risk === risk);
    const n = stratumCount(stratum.length, i.ratios[risk] ?? 0);
    for (const o of stratum.slice(0, n)) {
      const free = ranked(
        i.inspectors.filter((p) => !excluded.has(`${o.id}|${p.id}`)),
        (p) => hmac(key, `${o.id}|${p.id}`),
      );
      const chosen: DrawInspector[] = [];
      if (i.departments.length > 1) {
        for (const d of i.departments) {
          const best = free.find((p) => p.unit === d);
          if (best) chosen.push(best);
        }
      }
      const target = Math.max(i.inspectorsPerObject, chosen.length);
      for (const p of free) {
        if (chosen.length >= target) break;
        if (!chosen.includes(p)) chosen.push(p);
      }
      // Listed in draw order (the department picks keep their own rank order).
      const rankOf = new Map(free.map((p, k) => [p.id, k]));
      chosen.sort((a, b) => rankOf.get(a.id)! - rankOf.get(b.id)!);
      drawn.push({ id: o.id, risk, inspectors: chosen.map((p) => p.id) });
    }
  }
  return { objects: drawn, resultHash: sm3(canonicalJson(drawn)) };
}

export interface PublishedDraw {
  inputs: DrawInputs;
  inputsHash: string;
  seedCommitment: string;
  seed: string;
  publicValue: string;
  result: DrawResult;
}

export type VerifyProblem =
  | "inputs_changed"
  | "seed_mismatch"
  | "result_mismatch"
  | "unknown_algorithm";

export interface Verification {
  ok: boolean;
  problems: VerifyProblem[];
  /** The result recomputed from the published inputs. */
  recomputed: DrawResult;
}

/**
 * Re-run the draw from what was published and compare: the candidate lists must hash
 * to the hash published at freezing, the seed to its commitment, and the recomputed
 * selection must equal the recorded one.
 */
export function verifyDraw(d: PublishedDraw): Verification {
  const problems: VerifyProblem[] = [];
  if (d.inputs.version !== DRAW_ALGORITHM_VERSION) problems.push("unknown_algorithm");
  if (inputsHash(d.inputs) !== d.inputsHash) problems.push("inputs_changed");
  if (seedCommitment(d.seed) !== d.seedCommitment) problems.push("seed_mismatch");
  const recomputed = runDraw(d.inputs, d.seed, d.publicValue);
  if (
    recomputed.resultHash !== d.result.resultHash ||
    canonicalJson(recomputed.objects) !== canonicalJson(d.result.objects)
  ) {
    problems.push("result_mismatch");
  }
  return { ok: problems.length === 0, problems, recomputed };
}

export const VERIFY_PROBLEM_TEXT: Record<VerifyProblem, { zh: string; en: string }> = {
  inputs_changed: {
    zh: "候选名单与冻结时公布的摘要不符（名单被改动）",
    en: "the candidate lists do not match the hash published when they were frozen",
  },
  seed_mismatch: {
    zh: "公布的种子与事先公布的承诺值不符",
    en: "the revealed seed does not match the commitment published in advance",
  },
  result_mismatch: {
    zh: "按公布的输入重新抽取，结果与记录不一致",
    en: "re-running the draw from the published inputs gives a different result",
  },
  unknown_algorithm: {
    zh: "算法版本不明",
    en: "unknown algorithm version",
  },
};
