import { describe, expect, it } from "vitest";
import { makeIdCard } from "../../../src/kernel/codes/id-card.ts";
import { addDays, type LocalDate } from "../../../src/kernel/time/index.ts";
import { scanPublic } from "../../support/masking-scanner.ts";
import {
  detail,
  handler,
  leader,
  office,
  ok,
  P,
  person,
  refused,
  step,
  t,
  toNotice,
  useEnforcementApp,
} from "./support.ts";

/**
 * Issue 8: a penalty decision's publication (事后公开) cannot be forged, needs the
 * unit leader's approval, and publishes no ID or phone number in any form it is written.
 */
useEnforcementApp();

const forged = {
  penaltyCaseId: 999999,
  decisionNumber: "伪造罚〔2021〕1号",
  decidedOn: "2021-09-01",
  bodyName: "重庆市某某伪造局",
  category: "market_regulation",
  party: { kind: "legal_person", name: "被冤枉的公司" },
  violation: "虚构的违法行为",
  facts: "虚构",
  penalty: "罚款100万元",
  workingDays: 7,
};

async function portalItems() {
  const res = await t.app.inject({
    method: "GET",
    url: "/public/api/500156/cases/penalty_disclosure",
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as Record<string, unknown>[];
}

describe("a forged penalty disclosure", () => {
  it("is refused over HTTP for every role, and nothing reaches the portal", async () => {
    for (const s of [handler, leader, office]) {
      const res = await t.call(s, {
        method: "POST",
        url: `${P}/penalty_disclosure`,
        payload: { fields: forged, onDate: "2021-09-02" },
      });
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().error.message).toMatch(/opened only by a step of the case it follows/);
    }
    const zh = await t.call(handler, {
      method: "POST",
      url: `${P}/penalty_disclosure`,
      payload: { fields: forged, onDate: "2021-09-02" },
      headers: { "accept-language": "zh-CN" },
    });
    expect(zh.json().error.message).toMatch(/只能由相关案件的办理步骤生成/);
    const list = await t.call(leader, { method: "GET", url: `${P}/penalty_disclosure` });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items).toEqual([]);
    expect(JSON.stringify(await portalItems())).not.toContain("伪造");
  });

  it("is refused by import too", async () => {
    const res = await t.call(leader, {
      method: "POST",
      url: `${P}/penalty_disclosure/import`,
      headers: { "content-type": "text/csv" },
      payload: "决定书文号,处罚机关\n伪造罚〔2021〕2号,重庆市某某伪造局\n",
    });
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json().error.message).toMatch(/not imported/);
  });
});

describe("a real decision's publication", () => {
  const witness = {
    name: "",
    idNumber: makeIdCard("500156", "1975-11-20", 7, "female"),
    phone: "13812345670",
  };
  const withX = "11010519491231002X"; // GB 11643's example with the X check character
  const landline = "02377721234";
  const spaced = (s: string, groups: number[]) => {
    const out: string[] = [];
    let i = 0;
    for (const g of groups) {
      out.push(s.slice(i, i + g));
      i += g;
    }
    return out.join(" ");
  };
  const fullWidth = (s: string) =>
    s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  const facts = [
    "当事人张三丰于店内销售超过保质期的食品",
    `证人身份证号${spaced(witness.idNumber, [6, 8, 4])}`,
    `证人电话+86 ${spaced(witness.phone, [3, 4, 4])}`,
    `另一证人身份证${withX.toLowerCase()}`,
    `当事人电话${fullWidth(person.phone)}`,
    `当事人身份证${person.idNumber.slice(0, 6)}-${person.idNumber.slice(6, 14)}-${person.idNumber.slice(14)}`,
    `举报电话023-${landline.slice(3)}`,
  ].join("；");
  let penaltyId: number;
  let disclosureId: number;

  it("is opened by the decision from the register, and only the unit leader publishes it", async () => {
    const n = await toNotice("2021-09-06", {
      fine: 10000,
      facts,
      legalBasis: `《中华人民共和国食品安全法》第一百二十四条（当事人身份证${person.idNumber}，电话${spaced(person.phone, [3, 4, 4])}）`,
    });
    penaltyId = n.id;
    await ok(
      await step(
        leader,
        "penalty_general",
        n.id,
        "decide",
        {
          decisionKind: "penalty",
          penalties: ["fine"],
          fineAmount: 10000,
          decisionContent: "罚款",
        },
        n.noticeOn,
      ),
    );
    const d = await detail(handler, "penalty_general", n.id);
    disclosureId = d.links.find((l: { kind: string }) => l.kind === "follows").caseId;
    const disc = await detail(handler, "penalty_disclosure", disclosureId);
    expect(disc.case.fields.penaltyCaseId).toBe(penaltyId);
    expect(disc.case.fields.bodyName).toBe("重庆市武隆区市场监督管理局");
    expect(disc.case.fields.decisionNumber).toBe(d.case.numbers.decision);
    const on = addDays(disc.case.fields.decidedOn as LocalDate, 2);
    // 市场监督管理行政处罚信息公示规定 第十六条: internal approval before publication.
    await refused(
      handler,
      "penalty_disclosure",
      disclosureId,
      "publish",
      { channel: "credit_system" },
      on,
      403,
      /unit\.lead/,
    );
    const p = await ok(
      await step(
        leader,
        "penalty_disclosure",
        disclosureId,
        "publish",
        { channel: "credit_system" },
        on,
      ),
    );
    expect(p.state).toBe("published");
  });

  it("shows no ID or phone number on the portal in any written form, legal basis included", async () => {
    const item = (await portalItems()).find((x) => x.id === disclosureId);
    expect(item?.legalBasis).toMatch(/食品安全法/);
    expect(item?.facts).toMatch(/销售超过保质期的食品/);
    const scan = await scanPublic(
      t.app,
      [
        { name: person.name, idNumber: person.idNumber, phone: person.phone },
        witness,
        { name: "", idNumber: withX },
        { name: "", phone: landline },
      ],
      ["/public", "/public/500156"],
      [
        "/public/api/500156/cases/penalty_disclosure",
        // The portal's search: built from the projection, so scrubbed too.
        `/public/api/500156/search?q=${encodeURIComponent("保质期")}`,
        `/public/api/500156/search?q=${encodeURIComponent("张三丰")}`,
        `/public/500156/search?q=${encodeURIComponent("证人")}`,
      ],
    );
    expect(scan.visited).toContain(`/public/500156/sections/penalty_decisions/${disclosureId}`);
    expect(scan.leaks).toEqual([]);
    const hits = await t.app.inject({
      method: "GET",
      url: `/public/api/500156/search?q=${encodeURIComponent("保质期")}`,
    });
    expect(hits.statusCode, hits.body).toBe(200);
    const hit = hits.json().hits.find((h: { id: string }) => h.id === String(disclosureId));
    expect(hit?.snippet).toMatch(/证人身份证号\*{6}/);
  });

  it("the scanner finds the numbers in those forms (it can fail)", async () => {
    const { normaliseNumbers } = await import("../../../src/kernel/masking.ts");
    for (const written of [
      spaced(witness.idNumber, [6, 8, 4]),
      `+86 ${spaced(witness.phone, [3, 4, 4])}`,
      fullWidth(person.phone),
      withX.toLowerCase(),
    ]) {
      const plain = normaliseNumbers(written);
      expect(
        [witness.idNumber, witness.phone, person.phone, withX].some((s) =>
          plain.includes(normaliseNumbers(s)),
        ),
      ).toBe(true);
    }
  });
});
