/**
 * 行政处罚·普通程序 (administrative penalty, general procedure): filing → investigation →
 * notice of the intended penalty with the rights to state, defend and (where it applies)
 * ask for a hearing → hearing → legality review → collective discussion → decision →
 * service → execution (payment at a bank, 罚缴分离; surcharge; reminder; court) → closed.
 *
 * The procedure is the one in force on the filing date (rules.ts): the 2017 text before
 * 2021-07-15, the 2021 revision from then. Guards refuse, naming the clause:
 * - investigation records without two officers holding certificates valid that day;
 * - a hearing scheduled less than 7 (working) days ahead (lead time);
 * - a decision inside the hearing-request window unless the party waived it;
 * - a decision heavier than the notice (no heavier penalty for defending oneself);
 * - a decision needing a legality review (art. 58 categories, the body's catalogue, or
 *   every decision under the 2017 text) without a passed review by a legal reviewer —
 *   a first-time reviewer holding the legal qualification — covering every item;
 * - a complex or major violation decided without the leaders' collective discussion;
 * - a fine outside the discretion benchmark without a reason.
 * A decision that must be published opens its publication record (disclosure.ts).
 *
 * Here: the case's fields (fields.ts) and states (states.ts); its steps by stage —
 * investigation.ts, notice-and-hearing.ts, review-and-decision.ts, service-and-execution.ts,
 * endings.ts — with their guards (guards.ts), inputs (inputs.ts) and the publication plan
 * (publication.ts); its clocks (clocks.ts); its decision number and documents (documents.ts).
 */
import type { CaseTypeDecl } from "../../../../engines/case/index.ts";
import { bodyRegister } from "../../registers/bodies.ts";
import { benchmarkRegister, catalogueRegister } from "../../registers/catalogue.ts";
import { officerRegister } from "../../registers/officers.ts";
import { MODULE, PARTY_PEOPLE } from "../common.ts";
import { DECISION_EXTENSION, RECONSIDERATION_FIRST } from "../execution-settings.ts";
import { PROCEDURE_SETTING_CODES } from "../procedure-settings.ts";
import {
  DECISION_DAYS,
  PUBLICATION_BY_CATEGORY,
  PUBLICATION_SCOPE,
  PUBLICATION_WORKING_DAYS,
} from "../settings.ts";
import { PENALTY_CLOCKS, PENALTY_SUSPENSION } from "./clocks.ts";
import { DECISION_LIMIT_EXTENSION } from "./decision-limit.ts";
import { PenaltyDerived } from "./derived.ts";
import { PENALTY_DOCUMENTS, PENALTY_NUMBERS } from "./documents.ts";
import { ENDING_STEPS } from "./endings.ts";
import { FLAGS, PENALTY_TYPE, type PenaltyCase, PenaltyFields } from "./fields.ts";
import { INVESTIGATION_STEPS } from "./investigation.ts";
import { NOTICE_AND_HEARING_STEPS } from "./notice-and-hearing.ts";
import { PROCEDURE_CLOCKS, PROCEDURE_STEPS } from "./procedures.ts";
import { REVIEW_AND_DECISION_STEPS } from "./review-and-decision.ts";
import { SERVICE_AND_EXECUTION_STEPS } from "./service-and-execution.ts";
import { PENALTY_STATES } from "./states.ts";

export {
  DISCLOSURE_TYPE,
  type LegalReviewRecord,
  PENALTY_TYPE,
  type PenaltyCase,
  PenaltyFields,
  rulesOf,
} from "./fields.ts";

// ───────────────────────────────────────────────────────────────────── declaration

export const penaltyCaseType: CaseTypeDecl<PenaltyCase> = {
  code: PENALTY_TYPE,
  label: { zh: "行政处罚（普通程序）", en: "Administrative penalty (general procedure)" },
  module: MODULE,
  fields: PenaltyFields,
  derived: PenaltyDerived,
  // The art. 58 / art. 57 flags are set at filing and revised when the investigation concludes.
  revisableFields: Object.keys(FLAGS),
  title: (f) => `${f.cause}（${f.party.name}）`,
  states: PENALTY_STATES,
  initial: "filed",
  transitions: [
    ...INVESTIGATION_STEPS,
    ...NOTICE_AND_HEARING_STEPS,
    ...REVIEW_AND_DECISION_STEPS,
    ...SERVICE_AND_EXECUTION_STEPS,
    ...ENDING_STEPS,
    ...PROCEDURE_STEPS,
  ],
  clocks: [...PENALTY_CLOCKS, ...PROCEDURE_CLOCKS],
  suspension: PENALTY_SUSPENSION,
  extensions: [DECISION_LIMIT_EXTENSION],
  numbers: PENALTY_NUMBERS,
  links: ["opened_from", "follows", "reviews"],
  people: PARTY_PEOPLE.map((p) => ({ ...p })),
  documents: PENALTY_DOCUMENTS,
  // What the clocks, guards and derive look up by name (checked when the modules load):
  // the decision limit and publication settings; officers, bodies, the major-decision
  // catalogue and the discretion benchmarks (registers/lookup.ts).
  reads: {
    settings: [
      DECISION_DAYS,
      PUBLICATION_SCOPE,
      PUBLICATION_WORKING_DAYS,
      PUBLICATION_BY_CATEGORY,
      // Issue 10 part B
      RECONSIDERATION_FIRST,
      DECISION_EXTENSION,
      ...PROCEDURE_SETTING_CODES,
    ],
    registers: [
      officerRegister.code,
      bodyRegister.code,
      catalogueRegister.code,
      benchmarkRegister.code,
    ],
  },
};
