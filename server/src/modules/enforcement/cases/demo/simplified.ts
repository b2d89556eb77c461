import type { LocalDate } from "../../../../kernel/time/index.ts";
import { demoUsername } from "../../../directory/index.ts";
import { SIMPLIFIED_TYPE } from "../simplified.ts";
import { wd } from "./dates.ts";
import type { Handle, Plan } from "./plan.ts";
import { type Profile, ROADS, TOWNS } from "./profiles.ts";

// ── a simplified-procedure case

export function simplifiedCase(plan: Plan, p: Profile, on: LocalDate) {
  const { rng, open, act, personParty, firmParty, pickOfficers, stats } = plan;
  const handler = demoUsername(p.unit, "case_handler");
  const s = rng.pick(p.onSpot);
  const party = rng.chance(s.org) ? firmParty() : personParty();
  const warning = rng.chance(s.warning);
  const limit = party.kind === "natural_person" ? 50 : 1000;
  const fine = warning
    ? 0
    : party.kind === "natural_person"
      ? rng.pick([20, 30, 50])
      : rng.pick([200, 500, 1000].filter((x) => x <= limit));
  const h: Handle = { type: SIMPLIFIED_TYPE, id: 0, version: 0 };
  stats.simplified += 1;
  open(h, handler, on, {
    party,
    category: p.category,
    place: `武隆区${rng.pick(TOWNS)}${rng.pick(ROADS)}`,
    facts: `当事人${s.cause}，执法人员当场查实`,
    legalBasis: s.legalBasis,
    penaltyKind: warning ? "warning" : "fine",
    fineAmount: fine,
  });
  act(h, handler, on, "decide_on_spot", {
    officers: pickOfficers(p.unit, on),
    collectedOnSpot: fine > 0 && fine <= 20 && rng.chance(0.5),
  });
  const filed = wd(on, rng.int(1, 2));
  act(h, handler, filed, "file_with_body", { note: "当场处罚决定书报所属行政机关备案" });
  act(h, handler, wd(filed, rng.int(1, 8)), "close", {
    paid: fine > 0,
    ...(fine > 0 ? { receiptNo: `JK${on.replaceAll("-", "")}${rng.int(100, 999)}` } : {}),
  });
}
