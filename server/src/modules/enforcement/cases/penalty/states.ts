import type { StateDecl } from "../../../../engines/case/index.ts";

// ────────────────────────────────────────────────────────────────────────── states

export const POST_DECISION = [
  "decided",
  "served",
  "reminded",
  "court_enforcement",
  "executed",
  "closed",
];
export const BEFORE_DECISION = ["notified", "heard", "reviewed", "discussed"];

export const PENALTY_STATES: Record<string, StateDecl> = {
  filed: { label: { zh: "已立案", en: "Filed" } },
  investigating: { label: { zh: "调查取证中", en: "Under investigation" } },
  investigated: { label: { zh: "调查终结", en: "Investigation concluded" } },
  notified: { label: { zh: "已告知（陈述申辩）", en: "Notified (statement and defence)" } },
  hearing_requested: { label: { zh: "已申请听证", en: "Hearing requested" } },
  hearing_scheduled: { label: { zh: "已通知听证", en: "Hearing scheduled" } },
  heard: { label: { zh: "已听证", en: "Heard" } },
  reviewed: { label: { zh: "已法制审核", en: "Legality review done" } },
  discussed: { label: { zh: "已集体讨论", en: "Discussed collectively" } },
  decided: { label: { zh: "已作出决定", en: "Decided" } },
  served: { label: { zh: "已送达（执行中）", en: "Served (being executed)" } },
  reminded: { label: { zh: "已催告", en: "Reminded" } },
  court_enforcement: {
    label: { zh: "已申请法院强制执行", en: "Court enforcement applied for" },
  },
  executed: { label: { zh: "已执行", en: "Executed" } },
  closed: { label: { zh: "已结案", en: "Closed" }, terminal: true },
  altered: {
    label: {
      zh: "决定已被变更、撤销或确认违法、无效",
      en: "Decision changed, revoked, or confirmed illegal or invalid",
    },
    terminal: true,
  },
  dropped: { label: { zh: "已撤销立案", en: "Dropped" }, terminal: true },
  // Issue 10 part B: transfer to the judiciary (procedures.ts).
  transferred: { label: { zh: "已移送司法机关（中止）", en: "Transferred to the judiciary" } },
  transferred_out: {
    label: { zh: "司法机关已立案（本案终结）", en: "Taken by the judiciary" },
    terminal: true,
  },
};
