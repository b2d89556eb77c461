import type { DemoContext } from "../../../../engines/demo/index.ts";
import { ENFORCEMENT_REGISTERS_DEMO_ID } from "../../registers/demo.ts";

// ─────────────────────────────────────────────────────────────────────── the registers

export interface Officer {
  name: string;
  cert: string;
  body: string;
  from: string;
  to: string;
  reviewer: boolean;
  qualified: boolean;
}

export interface Registers {
  officers: Officer[];
  /** `${body}:${violationCode}:${circumstance}` → [min, max]. */
  benchmarks: Map<string, [number, number]>;
  /** The lowest fine making a decision major, per body. */
  thresholds: Map<string, number>;
}

export async function readRegisters(ctx: DemoContext): Promise<Registers> {
  const rows = await ctx.trx
    .selectFrom("register_entry")
    .select(["register", "data"])
    .where("region_code", "=", ctx.regionCode)
    .where("register", "in", [
      "enforcement_officer",
      "discretion_benchmark",
      "major_decision_catalogue",
    ])
    .orderBy("id")
    .execute();
  const officers: Officer[] = [];
  const benchmarks = new Map<string, [number, number]>();
  const thresholds = new Map<string, number>();
  for (const r of rows) {
    const d = r.data as Record<string, unknown>;
    if (r.register === "enforcement_officer") {
      officers.push({
        name: String(d.name),
        cert: String(d.certificateNo),
        body: String(d.bodyUnitCode),
        from: String(d.certificateValidFrom),
        to: String(d.certificateValidTo),
        reviewer: d.legalReviewer === true,
        qualified: d.legalQualification === true,
      });
    } else if (r.register === "discretion_benchmark") {
      benchmarks.set(`${d.bodyUnitCode}:${d.violationCode}:${d.circumstance}`, [
        Number(d.fineMin),
        Number(d.fineMax),
      ]);
    } else {
      const fine = ((d.criteria ?? []) as { kind: string; amount?: number }[]).find(
        (c) => c.kind === "fine_at_least",
      );
      if (fine?.amount !== undefined) thresholds.set(String(d.bodyUnitCode), fine.amount);
    }
  }
  if (officers.length === 0) {
    throw new Error(
      `no enforcement officers in the register: the "${ENFORCEMENT_REGISTERS_DEMO_ID}" contribution loads them`,
    );
  }
  return { officers, benchmarks, thresholds };
}

/** The register bodies acting for a unit: the unit and its comprehensive enforcement team. */
const TEAM_OF: Record<string, string> = {
  scjgj: "team-scjg",
  sthjj: "team-sthj",
  jtj: "team-jtys",
  cgj: "team-cg",
  ghzrzyj: "team-ghzy",
};
export const bodiesOf = (unit: string) => [unit, ...(TEAM_OF[unit] ? [TEAM_OF[unit]] : [])];
