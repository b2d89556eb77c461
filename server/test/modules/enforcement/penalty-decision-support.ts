import { addDays, type LocalDate } from "../../../src/kernel/time/index.ts";
import { handler, officers, ok, open, penaltyFields, step } from "./support.ts";

/** Helpers of the penalty-decision-*.test.ts files (issue 10, part A). */
export const P = "penalty_general";

/** A case to its notice with the given notice input (investigated by `team`). */
export async function noticeWith(
  filedOn: string,
  party: Record<string, unknown>,
  notice: Record<string, unknown>,
  opts: { team?: string[]; flags?: object } = {},
) {
  const c = await open(handler, P, penaltyFields(party, opts.flags), filedOn);
  await ok(
    await step(
      handler,
      P,
      c.id,
      "investigate",
      {
        officers: opts.team ?? [officers.A.cert, officers.B.cert],
        kind: "site_inspection",
        summary: "现场检查",
      },
      filedOn,
    ),
  );
  const concluded = addDays(filedOn as LocalDate, 7);
  await ok(
    await step(
      handler,
      P,
      c.id,
      "conclude_investigation",
      {
        facts: "销售超过保质期的食品",
        evidence: "现场检查笔录",
        legalBasis: "《中华人民共和国食品安全法》第一百二十四条",
        violationCode: "SCJG-001",
        circumstance: "general",
        proposedFine: Number(notice.intendedFine ?? 0),
      },
      concluded,
    ),
  );
  const noticeOn = addDays(concluded, 3);
  const res = await step(handler, P, c.id, "notify", notice, noticeOn);
  return { id: c.id, noticeOn, res };
}

export const waive = (id: number, on: string) =>
  step(
    handler,
    P,
    id,
    "waive_rights",
    { statementWaived: true, hearingWaived: true, signedBy: "李四光" },
    on,
  );

export const fineNotice = (fine: number, extra: Record<string, unknown> = {}) => ({
  intendedPenalty: `罚款${fine}元`,
  intendedPenalties: ["fine"],
  intendedFine: fine,
  ...extra,
});
