import { describe, expect, it } from "vitest";
import { makeUscc } from "../../kernel/codes/uscc.ts";
import {
  DRAW_ALGORITHM,
  DRAW_ALGORITHM_VERSION,
  type DrawInputs,
  feasibility,
  inputsHash,
  type RiskClass,
  runDraw,
  seedCommitment,
  sm3Hex,
  stratumCount,
  verifyDraw,
} from "./draw.ts";

const risks: RiskClass[] = ["A", "B", "B", "C", "C", "C", "D", "D", "D", "D"];

function inputs(over: Partial<DrawInputs> = {}): DrawInputs {
  const objects = Array.from({ length: 200 }, (_, k) => ({
    id: makeUscc("91", "500156", 1000 + k),
    risk: risks[k % risks.length]!,
  }));
  const inspectors = Array.from({ length: 12 }, (_, k) => ({
    id: `5001560${String(k).padStart(5, "0")}`,
    unit: k < 8 ? "scjgj" : "yjglj",
  }));
  return {
    algorithm: DRAW_ALGORITHM,
    version: DRAW_ALGORITHM_VERSION,
    inspectionDate: "2020-06-15",
    objects,
    inspectors,
    excluded: [{ object: objects[0]!.id, inspector: inspectors[0]!.id, reason: "kinship" }],
    ratios: { A: 100, B: 30, C: 8, D: 1 },
    inspectorsPerObject: 2,
    departments: ["scjgj"],
    ...over,
  };
}

const SEED = "a3f1c2d4e5b60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90";
const PUBLIC = "中国福利彩票双色球2020065期：03 09 14 21 27 31 + 07";

describe("SM3 (GB/T 32905-2016 附录A)", () => {
  it("gives the standard's test vectors", () => {
    expect(sm3Hex("abc")).toBe("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    expect(sm3Hex("abcd".repeat(16))).toBe(
      "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732",
    );
  });
});

describe("the draw", () => {
  it("gives the same objects and inspectors from the same inputs, in any list order", () => {
    const a = runDraw(inputs(), SEED, PUBLIC);
    const i = inputs();
    const b = runDraw(
      { ...i, objects: [...i.objects].reverse(), inspectors: [...i.inspectors].reverse() },
      SEED,
      PUBLIC,
    );
    expect(b).toEqual(a);
    expect(a.resultHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("takes ⌈size × ratio⌉ of each risk class", () => {
    const r = runDraw(inputs(), SEED, PUBLIC);
    const count = (k: RiskClass) => r.objects.filter((o) => o.risk === k).length;
    expect([count("A"), count("B"), count("C"), count("D")]).toEqual([20, 12, 5, 1]);
    expect(stratumCount(80, 1)).toBe(1);
    expect(stratumCount(60, 8)).toBe(5);
    expect(stratumCount(3, 0)).toBe(0);
    expect(stratumCount(7, 100)).toBe(7);
  });

  it("gives each object at least two inspectors, never an excluded pair", () => {
    const i = inputs();
    const excluded = i.objects
      .slice(0, 20)
      .flatMap((o) =>
        i.inspectors.slice(0, 6).map((p) => ({ object: o.id, inspector: p.id, reason: "kinship" })),
      );
    const r = runDraw({ ...i, excluded }, SEED, PUBLIC);
    for (const o of r.objects) {
      expect(o.inspectors).toHaveLength(2);
      expect(new Set(o.inspectors).size).toBe(2);
      for (const p of o.inspectors) {
        expect(excluded.some((e) => e.object === o.id && e.inspector === p)).toBe(false);
      }
    }
  });

  it("orders inspectors per object (not one order for all)", () => {
    const r = runDraw(inputs(), SEED, PUBLIC);
    const pairs = new Set(r.objects.map((o) => o.inspectors.join(",")));
    expect(pairs.size).toBeGreaterThan(5);
  });

  it("gives a joint plan one inspector of each department at least", () => {
    const r = runDraw(
      { ...inputs(), departments: ["scjgj", "yjglj"], inspectorsPerObject: 2 },
      SEED,
      PUBLIC,
    );
    const unitOf = new Map(inputs().inspectors.map((p) => [p.id, p.unit]));
    for (const o of r.objects) {
      expect(new Set(o.inspectors.map((p) => unitOf.get(p)))).toEqual(new Set(["scjgj", "yjglj"]));
    }
  });

  it("finds before the draw an object that cannot get enough inspectors", () => {
    const i = inputs();
    const victim = i.objects[3]!.id;
    const excluded = i.inspectors
      .slice(1)
      .map((p) => ({ object: victim, inspector: p.id, reason: "same_unit" }));
    expect(feasibility({ ...i, excluded })).toEqual({ ok: false, short: [victim] });
    expect(feasibility(i).ok).toBe(true);
  });

  it("changes with the seed and with the public value", () => {
    const a = runDraw(inputs(), SEED, PUBLIC);
    expect(runDraw(inputs(), `${SEED.slice(0, -1)}1`, PUBLIC).resultHash).not.toBe(a.resultHash);
    expect(runDraw(inputs(), SEED, `${PUBLIC} `).resultHash).not.toBe(a.resultHash);
  });
});

describe("verifyDraw", () => {
  const i = inputs();
  const published = {
    inputs: i,
    inputsHash: inputsHash(i),
    seedCommitment: seedCommitment(SEED),
    seed: SEED,
    publicValue: PUBLIC,
    result: runDraw(i, SEED, PUBLIC),
  };

  it("matches a draw re-run from its published inputs", () => {
    expect(verifyDraw(published)).toMatchObject({ ok: true, problems: [] });
  });

  it("detects a changed candidate list", () => {
    const objects = i.objects.filter((_, k) => k !== 7);
    expect(verifyDraw({ ...published, inputs: { ...i, objects } }).problems).toContain(
      "inputs_changed",
    );
  });

  it("detects a changed seed", () => {
    const v = verifyDraw({ ...published, seed: `${SEED.slice(0, -1)}1` });
    expect(v.ok).toBe(false);
    expect(v.problems).toContain("seed_mismatch");
    expect(v.problems).toContain("result_mismatch");
  });

  it("detects a changed result", () => {
    const objects = published.result.objects.slice(1);
    expect(verifyDraw({ ...published, result: { ...published.result, objects } }).problems).toEqual(
      ["result_mismatch"],
    );
  });
});
