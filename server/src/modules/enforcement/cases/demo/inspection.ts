import type { LocalDate } from "../../../../kernel/time/index.ts";
import { inventName } from "../../../directory/accounts.ts";
import { demoUsername } from "../../../directory/index.ts";
import { COMPULSION_TYPE, INSPECTION_TYPE } from "../inspection.ts";
import { cd, wd } from "./dates.ts";
import { generalCase } from "./general-case.ts";
import type { Handle, Plan } from "./plan.ts";
import type { Profile } from "./profiles.ts";

// ── an inspection (some lead to a penalty case)

export function inspection(plan: Plan, p: Profile, on: LocalDate, leadsToCase: boolean) {
  const { rng, open, act, personParty, firmParty, pickOfficers, stats } = plan;
  const handler = demoUsername(p.unit, "case_handler");
  const h: Handle = { type: INSPECTION_TYPE, id: 0, version: 0 };
  stats.inspections += 1;
  open(h, handler, on, {
    party: rng.chance(0.8) ? firmParty() : personParty(),
    category: p.category,
    kind: rng.pick(["routine", "random", "random", "complaint", "special"]),
    matter: rng.pick(p.inspectionMatters),
    legalBasis: "有关法律、法规规定的监督检查职责",
  });
  const inspectedOn = wd(on, rng.int(0, 5));
  const problem = leadsToCase || rng.chance(0.4);
  act(h, handler, inspectedOn, "inspect", {
    officers: pickOfficers(p.unit, inspectedOn),
    place: "当事人经营场所",
    findings: problem ? "发现存在违法违规问题，已制作现场检查笔录" : "未发现违法违规问题",
    problemFound: problem,
    recorder: `JLY2020${String(rng.int(1, 935)).padStart(5, "0")}`,
  });
  if (leadsToCase) {
    const filedOn = wd(inspectedOn, rng.int(1, 3));
    act(h, handler, filedOn, "conclude", {
      result: "case_filed",
      note: "发现违法行为，已立案查处",
    });
    generalCase(plan, p, filedOn, { inspection: h });
  } else if (problem) {
    const deadline = cd(inspectedOn, rng.int(10, 30));
    act(h, handler, inspectedOn, "order_rectification", {
      rectificationDeadline: deadline,
      requirements: "限期整改存在的问题",
    });
    act(h, handler, wd(deadline, rng.int(1, 5)), "conclude", { result: "rectified" });
  } else {
    act(h, handler, inspectedOn, "conclude", { result: "no_problem" });
  }
}

// ── a seal-up or seizure

export function seizure(plan: Plan, p: Profile, on: LocalDate, extend: boolean, inForce = false) {
  const { rng, names, open, act, firmParty, pickOfficers, stats } = plan;
  const handler = demoUsername(p.unit, "case_handler");
  const leader = demoUsername(p.unit, "unit_leader");
  const h: Handle = { type: COMPULSION_TYPE, id: 0, version: 0 };
  stats.seizures += 1;
  const market = p.category === "market_regulation";
  open(h, handler, on, {
    party: firmParty(),
    category: p.category,
    measure: market ? "seizure" : "seal_up",
    items: market
      ? ["涉嫌不符合食品安全标准的食品一批", "相关原料"]
      : ["涉嫌超标排放的生产设备一套"],
    place: "当事人经营场所",
    reason: market
      ? "涉嫌经营不符合食品安全标准的食品，防止转移"
      : "涉嫌通过逃避监管的方式排放污染物",
    legalBasis: market
      ? "《中华人民共和国食品安全法》第一百一十条第（四）项"
      : "《中华人民共和国环境保护法》第二十五条",
  });
  // 行政强制法 art. 18 (一): the leader approves first (the approving user takes the step).
  act(h, leader, on, "approve", { opinion: "同意实施" });
  // The name drawn once went to a free-text approver; still drawn, so that the demo's random
  // sequence (and the seed's figures) stay as they were.
  inventName(rng, names);
  act(h, handler, on, "impose", {
    officers: pickOfficers(p.unit, on),
    listHandedOver: true,
  });
  let end = cd(on, rng.int(10, 25));
  if (extend) {
    const extendOn = cd(on, 25);
    // 行政强制法 art. 25: once, at most 30 days, with the leader's approval, served in writing.
    act(h, leader, extendOn, "extend_term", {
      days: 30,
      reason: "检验结果尚未出具，情况复杂",
      noticeNo: `延期决定${extendOn.replaceAll("-", "")}`,
      noticeServedOn: extendOn,
    });
    end = cd(on, 45);
  }
  if (inForce) return;
  act(h, handler, end, "decide_handling", {
    // Confiscation only by a penalty decision: the items go to the penalty case.
    handling: rng.pick(["penalty_case", "released", "destroyed"]),
    note: "依法作出处理决定",
  });
}
