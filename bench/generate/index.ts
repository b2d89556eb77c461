/**
 * The generator's modules (bench/data.ts `--modules`, default all) and the scales'
 * per-district counts. Each module says where its records land, for the run's report of
 * what the database holds.
 */
import { SIMPLIFIED_TYPE } from "../../server/src/modules/enforcement/cases/simplified.ts";
import type { Counts, District, Outcome } from "./common.ts";
import { generateDecisions } from "./decisions.ts";
import { generateEnforcement, generateRegisters } from "./enforcement.ts";
import { generateGovernance } from "./governance.ts";
import { generateOversight } from "./oversight.ts";
import { generateRules } from "./rules.ts";
import { generateServices } from "./services.ts";
import { generateSupervision } from "./supervision.ts";

export interface GenModule {
  name: string;
  generate(d: District, out: Outcome): Promise<void>;
  /** Where its records are: case types and registers. */
  caseTypes: string[];
  registers: string[];
}

/** In the order they run (enforcement and registers first: what bench/scale.ts measures). */
export const GEN_MODULES: GenModule[] = [
  {
    name: "enforcement",
    generate: generateEnforcement,
    caseTypes: [SIMPLIFIED_TYPE],
    registers: [],
  },
  { name: "registers", generate: generateRegisters, caseTypes: [], registers: ["example_officer"] },
  {
    name: "services",
    generate: generateServices,
    caseTypes: ["service_application"],
    registers: ["service_item"],
  },
  { name: "governance", generate: generateGovernance, caseTypes: ["mediation"], registers: [] },
  { name: "oversight", generate: generateOversight, caseTypes: ["reconsideration"], registers: [] },
  { name: "rules", generate: generateRules, caseTypes: ["normative_document"], registers: [] },
  { name: "decisions", generate: generateDecisions, caseTypes: ["major_decision"], registers: [] },
  {
    name: "supervision",
    generate: generateSupervision,
    caseTypes: [],
    registers: ["credit_record"],
  },
];

/** Districts of a scale, and records per district (a province year: 40 districts). */
export const SCALES: Record<string, { districts: number; counts: Counts }> = {
  tiny: {
    districts: 1,
    counts: {
      enforcement: 30,
      officers: 5,
      catalogue: 40,
      applications: 60,
      mediation: 24,
      reconsideration: 20,
      documents: 20,
      decisions: 10,
      credit: 60,
    },
  },
  ...Object.fromEntries(
    (
      [
        ["district", 1],
        ["city", 10],
        ["province", 40],
      ] as const
    ).map(([name, districts]) => [
      name,
      {
        districts,
        counts: {
          enforcement: 5_000,
          officers: 200,
          catalogue: 1_182, // the demo catalogue's items handled in the centre
          applications: 25_000,
          mediation: 3_750,
          reconsideration: 500,
          documents: 2_000,
          decisions: 500,
          credit: 50_000,
        },
      },
    ]),
  ),
};
