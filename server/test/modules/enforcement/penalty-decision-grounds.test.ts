import { describe, expect, it } from "vitest";
import { makeIdCard } from "../../../src/kernel/codes/id-card.ts";
import { fineNotice, noticeWith, P, waive } from "./penalty-decision-support.ts";
import {
  company,
  handler,
  leader,
  office,
  ok,
  person,
  refused,
  step,
  t,
  useEnforcementApp,
} from "./support.ts";

/**
 * The decision's rules still missing before issue 10 (part A), over HTTP: age and
 * capacity (arts. 30, 31), grounds of 不予处罚 (art. 33), one fine per act (art. 29), the
 * statutory range and a departure from the benchmark decided collectively.
 */
useEnforcementApp();

const fine = (n: number, extra: Record<string, unknown> = {}) => ({
  decisionKind: "penalty",
  penalties: ["fine"],
  fineAmount: n,
  decisionContent: `罚款${n}元`,
  ...extra,
});

async function notified(
  party: Record<string, unknown>,
  filedOn: string,
  amount = 8000,
  flags = {},
) {
  const n = await noticeWith(filedOn, party, fineNotice(amount), { flags });
  await ok(n.res);
  await ok(await waive(n.id, n.noticeOn));
  return n;
}

describe("age and capacity (arts. 30, 31), and the grounds of no penalty (art. 33)", () => {
  it("refuses a penalty on a party under 14 when it acted; 14 to 18 needs the stated ground", async () => {
    const child = {
      ...person,
      name: "李小明",
      idNumber: makeIdCard("500156", "2008-05-01", 21, "male"),
      minor: true,
    };
    const n = await notified(child, "2021-09-01");
    await refused(
      leader,
      P,
      n.id,
      "decide",
      fine(8000),
      n.noticeOn,
      422,
      /under 14 \(12\).*art\. 30/,
      "input.decisionKind",
    );
    const teen = {
      ...person,
      name: "李大明",
      idNumber: makeIdCard("500156", "2005-01-01", 23, "male"),
      minor: true,
    };
    const m = await notified(teen, "2021-09-02");
    await refused(
      leader,
      P,
      m.id,
      "decide",
      fine(8000),
      m.noticeOn,
      422,
      /party was 15 .*must be lighter/,
      "input.mitigation",
    );
    const dec = await ok(
      await step(
        leader,
        P,
        m.id,
        "decide",
        fine(8000, { mitigation: ["minor_14_18"] }),
        m.noticeOn,
      ),
    );
    expect(dec.fields.mitigation).toEqual(["minor_14_18"]);
  });

  it("refuses a penalty on a party who could not recognise its acts; a no-penalty decision states its ground (首违不罚)", async () => {
    const n = await notified(person, "2021-09-03");
    await refused(
      leader,
      P,
      n.id,
      "decide",
      fine(8000, { mentalIncapacity: true }),
      n.noticeOn,
      422,
      /could not recognise or control its acts: no penalty.*art\. 31/,
      "input.mentalIncapacity",
    );
    const none = {
      decisionKind: "no_penalty_minor",
      decisionContent: "初次违法且危害后果轻微并及时改正，不予行政处罚",
    };
    await refused(
      leader,
      P,
      n.id,
      "decide",
      none,
      n.noticeOn,
      422,
      /states its ground/,
      "input.noPenaltyGround",
    );
    const dec = await ok(
      await step(
        leader,
        P,
        n.id,
        "decide",
        { ...none, noPenaltyGround: "first_violation" },
        n.noticeOn,
      ),
    );
    expect(dec.fields.noPenaltyGround).toBe("first_violation");
    expect(dec.fields.publicationPlan.required).toBe(false);
  });
});

describe("one fine per act (art. 29)", () => {
  it("refuses a second fine for the same act of the same party", async () => {
    const acts = { violationOn: "2021-08-03", discoveredOn: "2021-08-20" };
    const a = await notified(company, "2021-09-06", 8000, acts);
    await ok(await step(leader, P, a.id, "decide", fine(8000), a.noticeOn));
    const b = await notified(company, "2021-09-07", 8000, acts);
    await refused(
      leader,
      P,
      b.id,
      "decide",
      fine(8000),
      b.noticeOn,
      422,
      new RegExp(
        `same act \\(SCJG-001, 2021-08-03\\) of this party was fined in case ${a.id}.*art\\. 29`,
      ),
      "input.fineAmount",
    );
    // Another act of the same party may be fined.
    const c = await notified(company, "2021-09-08", 8000, {
      violationOn: "2021-08-10",
      discoveredOn: "2021-08-20",
    });
    await ok(await step(leader, P, c.id, "decide", fine(8000), c.noticeOn));
  });
});

describe("the statutory range and a departure from the benchmark", () => {
  it("refuses a fine above the provision's maximum; a departure needs the collective discussion", async () => {
    // The benchmark names the provision's range (食品安全法 art. 124: up to 20 times the value; here 5000–45000 for the test).
    const put = await t.call(office, {
      method: "GET",
      url: "/api/registers/discretion_benchmark/entries",
    });
    expect(put.statusCode).toBe(200);
    const entry = put
      .json()
      .items.find((e: { data: { violationCode: string } }) => e.data.violationCode === "SCJG-001");
    const upd = await t.call(handler, {
      method: "PUT",
      url: `/api/registers/discretion_benchmark/entries/${entry.id}`,
      payload: {
        version: entry.version,
        data: { ...entry.data, statutoryMin: 5000, statutoryMax: 45000 },
      },
    });
    expect(upd.statusCode, upd.body).toBeLessThan(300);
    const n = await notified(company, "2021-09-09", 48000);
    await refused(
      leader,
      P,
      n.id,
      "decide",
      fine(48000, { discretionReason: "情节严重" }),
      n.noticeOn,
      422,
      /above the maximum of 45000 yuan/,
      "input.fineAmount",
    );
    await refused(
      leader,
      P,
      n.id,
      "decide",
      fine(3000, { discretionReason: "x" }),
      n.noticeOn,
      422,
      /below the minimum of 5000 yuan .*mitigation needs a statutory ground/,
      "input.mitigation",
    );
    await refused(
      leader,
      P,
      n.id,
      "decide",
      fine(40000, { discretionReason: "情节较重" }),
      n.noticeOn,
      409,
      /departs from the benchmark \(5000–30000 yuan\): beyond a reason, the leaders decide it collectively/,
    );
    await ok(
      await step(
        leader,
        P,
        n.id,
        "collective_discussion",
        { participants: ["局长甲", "副局长乙", "副局长丙"], conclusion: "同意从重" },
        n.noticeOn,
      ),
    );
    await ok(
      await step(
        leader,
        P,
        n.id,
        "decide",
        fine(40000, { discretionReason: "情节较重" }),
        n.noticeOn,
      ),
    );
  });
});
