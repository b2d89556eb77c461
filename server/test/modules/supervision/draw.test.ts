import { describe, expect, it } from "vitest";
import { drawVerify } from "../../../src/cli/commands/draw.ts";
import { makeUscc } from "../../../src/kernel/codes/uscc.ts";
import { seedCommitment } from "../../../src/modules/supervision/draw.ts";
import { supervisionModule } from "../../../src/modules/supervision/index.ts";
import { verifyStoredDraw } from "../../../src/modules/supervision/spot-check.ts";
import {
  detail,
  handler,
  officers,
  ok,
  open,
  other,
  refused,
  step,
  t,
  useEnforcementApp,
} from "../enforcement/support.ts";

/**
 * The random inspection draw over HTTP (issue 15): the candidate lists frozen with their
 * hash and a commitment to the seed, the public value named in advance and after the
 * freezing, the seed checked against its commitment, a draw that happens once, the
 * inspectors only with a certificate valid on the inspection days and never in conflict,
 * verification that detects a changed list or seed, cancelling with a public reason,
 * results and their transfer to an enforcement case.
 */
useEnforcementApp([supervisionModule]);

const PLAN = "spot_check";
const SEED = "9f2c4b7e1d3a5c6b8e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d";
const objects = Array.from({ length: 30 }, (_, k) => makeUscc("91", "500156", 5000 + k * 13));
const RISK = ["A", "B", "C", "D"] as const;

async function post(s: typeof handler, register: string, data: Record<string, unknown>) {
  return t.call(s, {
    method: "POST",
    url: `/api/registers/${register}/entries`,
    payload: { data },
    headers: { "accept-language": "en" },
  });
}

let seeded = false;
async function seedPools() {
  if (seeded) return;
  seeded = true;
  const item = await post(handler, "spot_check_item", {
    code: "SC-01",
    unitCode: "scjgj",
    item: "食品经营者检查",
    kind: "general",
    legalBasis: "《中华人民共和国食品安全法》第一百一十条",
    subjects: "食品经营者",
    method: "现场检查",
    ratio: 5,
    frequency: "每年1次",
  });
  expect(item.statusCode, item.body).toBe(201);
  for (const [k, uscc] of objects.entries()) {
    const r = await post(handler, "inspection_object", {
      uscc,
      name: `武隆区测试商贸有限公司${k}`,
      industry: "食品经营",
      address: `武隆区芙蓉街道${k}号`,
      risk: RISK[k % 4],
    });
    expect(r.statusCode, r.body).toBe(201);
  }
  const kin = await post(handler, "inspector_avoidance", {
    certificateNo: officers.A.cert,
    uscc: objects[0],
    kind: "kinship",
  });
  expect(kin.statusCode, kin.body).toBe(201);
}

const planFields = (over: Record<string, unknown> = {}) => ({
  title: "2021年食品经营者双随机抽查",
  items: ["SC-01"],
  departments: ["scjgj"],
  ratios: { A: 50, B: 50, C: 50, D: 100 },
  inspectorsPerObject: 2,
  inspectionDate: "2021-03-15",
  inspectionEnd: "2021-04-16",
  publicRandomSource: "中国福利彩票3D游戏 2021-03-05 开奖号码",
  publicRandomDate: "2021-03-05",
  ...over,
});

async function count(type: string) {
  const r = await t.db.owner
    .selectFrom("case_file")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("case_type", "=", type)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

describe("the directory", () => {
  it("refuses an invalid credit code naming the position of the bad character", async () => {
    await seedPools();
    const bad = `${objects[1]!.slice(0, 17)}${objects[1]![17] === "0" ? "1" : "0"}`;
    const r = await post(handler, "inspection_object", {
      uscc: bad,
      name: "错误代码公司",
      industry: "食品经营",
      address: "武隆区",
      risk: "A",
    });
    expect(r.statusCode).toBe(422);
    expect(r.body).toMatch(/character 18/);
    const zh = await t.call(handler, {
      method: "POST",
      url: "/api/registers/inspection_object/entries",
      headers: { "accept-language": "zh-CN" },
      payload: {
        data: { uscc: "91500156I0001234X5", name: "x", industry: "y", address: "z", risk: "A" },
      },
    });
    expect(zh.statusCode).toBe(422);
    expect(zh.body, zh.body).toMatch(/第9位/);
  });
});

describe("labels", () => {
  it("serves the module's labels, Chinese first", async () => {
    const r = await t.call(undefined, { method: "GET", url: "/api/labels" });
    expect(r.statusCode).toBe(200);
    const l = r.json();
    expect(l.modules.supervision.zh).toBe("事中事后监管与信用");
    expect(l.caseTypes.spot_check.states.frozen.zh).toBe("名单已冻结公布");
    expect(l.caseTypes.spot_check.actions.draw.zh).toBe("揭示种子并抽取");
    expect(l.registers.credit_record.columns.uscc.zh).toBe("统一社会信用代码");
  });
});

describe("a draw", () => {
  it("freezes the lists, draws once from the revealed seed, and verifies", async () => {
    await seedPools();
    const c = await open(handler, PLAN, planFields(), "2021-03-01");

    // The public value must not exist yet when the lists are frozen.
    await refused(
      handler,
      PLAN,
      c.id,
      "freeze",
      { seedCommitment: seedCommitment(SEED) },
      "2021-03-05",
      409,
      /must come after the freezing day/,
    );
    const frozen = await ok(
      await step(
        handler,
        PLAN,
        c.id,
        "freeze",
        { seedCommitment: seedCommitment(SEED) },
        "2021-03-02",
      ),
    );
    const inputs = frozen.fields.frozen.inputs;
    expect(inputs.objects).toHaveLength(30);
    // C's certificate ended 2020-06-30; X is of another unit: never candidates.
    const ids = inputs.inspectors.map((p: { id: string }) => p.id).sort();
    expect(ids).toEqual(
      [officers.A.cert, officers.B.cert, officers.N.cert, officers.R.cert].sort(),
    );
    expect(inputs.excluded).toContainEqual({
      object: objects[0],
      inspector: officers.A.cert,
      reason: "kinship",
    });
    expect(frozen.fields.frozen.inputsHash).toMatch(/^[0-9a-f]{64}$/);

    // A wrong seed, or a draw before the public value exists: refused, nothing written.
    await refused(
      handler,
      PLAN,
      c.id,
      "draw",
      { seed: SEED.replace(/^9/, "8"), publicRandomValue: "4 1 7" },
      "2021-03-05",
      422,
      /does not match the commitment/,
      "input.seed",
    );
    await refused(
      handler,
      PLAN,
      c.id,
      "draw",
      { seed: SEED, publicRandomValue: "4 1 7" },
      "2021-03-04",
      409,
      /no draw before it/,
    );
    const before = await count("spot_check_inspection");
    const drawn = await ok(
      await step(
        handler,
        PLAN,
        c.id,
        "draw",
        { seed: SEED, publicRandomValue: "4 1 7" },
        "2021-03-05",
      ),
    );
    const result = drawn.fields.result.objects as { id: string; inspectors: string[] }[];
    // A 50% of 8 → 4, B 50% of 8 → 4, C 50% of 7 → 4, D 100% of 7 → 7.
    expect(result).toHaveLength(19);
    for (const o of result) {
      expect(o.inspectors).toHaveLength(2);
      expect(o.inspectors).not.toContain(officers.C.cert);
      if (o.id === objects[0]) expect(o.inspectors).not.toContain(officers.A.cert);
    }
    expect(await count("spot_check_inspection")).toBe(before + 19);

    // Once: a second draw is refused.
    await refused(
      handler,
      PLAN,
      c.id,
      "draw",
      { seed: SEED, publicRandomValue: "4 1 7" },
      "2021-03-06",
      409,
      /./,
    );

    // Verification from the published inputs; a changed list or seed is detected.
    const stored = (await detail(handler, PLAN, c.id)).case.fields;
    expect(verifyStoredDraw(stored)).toMatchObject({ ok: true, drawn: true });
    const fewer = structuredClone(stored);
    fewer.frozen.inputs.objects.pop();
    expect(verifyStoredDraw(fewer).problems.map((p) => p.code)).toContain("inputs_changed");
    const reseeded = { ...stored, seed: SEED.replace(/^9/, "7") };
    expect(verifyStoredDraw(reseeded).problems.map((p) => p.code)).toEqual(
      expect.arrayContaining(["seed_mismatch", "result_mismatch"]),
    );

    // `fazhi draw verify <id>`: matches; after the stored candidate list is changed, it
    // names the change and exits 1.
    const said: string[] = [];
    await drawVerify(String(c.id), { json: true }, { config: t.config, out: (x) => said.push(x) });
    expect(JSON.parse(said[0]!)).toMatchObject({ ok: true, drawn: true, objects: 19 });
    // In Chinese by default; English with --lang en.
    const zh: string[] = [];
    await drawVerify(String(c.id), {}, { config: t.config, out: (x) => zh.push(x) });
    expect(zh[0]).toContain(`双随机抽查任务 ${c.id}`);
    expect(zh[0]).toContain("核验结果：一致");
    expect(zh[0]).not.toMatch(/[A-Za-z]{3,}/);
    const en: string[] = [];
    await drawVerify(String(c.id), { lang: "en" }, { config: t.config, out: (x) => en.push(x) });
    expect(en[0]).toContain("verified: re-running the draw");
    await expect(drawVerify("abc", {}, { config: t.config })).rejects.toThrow(
      /抽查任务编号应为数字/,
    );
    await t.db.owner
      .updateTable("case_file")
      .set({ fields: JSON.stringify(fewer) })
      .where("id", "=", c.id)
      .execute();
    await drawVerify(String(c.id), { json: true }, { config: t.config, out: (x) => said.push(x) });
    const zhBad: string[] = [];
    await drawVerify(String(c.id), {}, { config: t.config, out: (x) => zhBad.push(x) });
    expect(zhBad[0]).toContain("核验结果：不一致\n  - 候选名单与冻结时公布的摘要不符");
    expect(JSON.parse(said[1]!)).toMatchObject({
      ok: false,
      problems: expect.arrayContaining([expect.objectContaining({ code: "inputs_changed" })]),
    });
    expect(process.exitCode).toBe(1);
    process.exitCode = 0;
    const tamperedPage = await t.app.inject({
      method: "GET",
      url: `/public/500156/sections/spot_checks/${c.id}`,
    });
    expect(tamperedPage.body).toContain("不一致：候选名单与冻结时公布的摘要不符");
    await t.db.owner
      .updateTable("case_file")
      .set({ fields: JSON.stringify(stored) })
      .where("id", "=", c.id)
      .execute();

    // The public page re-computes the draw.
    const page = await t.app.inject({
      method: "GET",
      url: `/public/500156/sections/spot_checks/${c.id}`,
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("一致：按公布的名单");
    expect(page.body).toContain(stored.frozen.inputsHash);
  }, 120_000);

  it("the same inputs give the same draw (a second task over the same lists)", async () => {
    await seedPools();
    const a = await open(handler, PLAN, planFields({ title: "甲" }), "2021-03-01");
    const b = await open(handler, PLAN, planFields({ title: "乙" }), "2021-03-01");
    // Both frozen before either draws (a draw's inspections leave its objects out of later pools).
    const hashes: string[] = [];
    for (const c of [a, b]) {
      const f = await ok(
        await step(
          handler,
          PLAN,
          c.id,
          "freeze",
          { seedCommitment: seedCommitment(SEED) },
          "2021-03-02",
        ),
      );
      hashes.push(f.fields.frozen.inputsHash);
    }
    expect(hashes[1]).toBe(hashes[0]);
    const results: unknown[] = [];
    for (const c of [a, b]) {
      const d = await ok(
        await step(
          handler,
          PLAN,
          c.id,
          "draw",
          { seed: SEED, publicRandomValue: "4 1 7" },
          "2021-03-05",
        ),
      );
      results.push(d.fields.result);
    }
    expect(results[1]).toEqual(results[0]);
  });

  it("only the unit's own departments; an infeasible pool is refused before the draw", async () => {
    await seedPools();
    const c = await open(
      handler,
      PLAN,
      planFields({ departments: ["sthjj"], inspectorsPerObject: 2 }),
      "2021-03-01",
    );
    await refused(
      handler,
      PLAN,
      c.id,
      "freeze",
      { seedCommitment: seedCommitment(SEED) },
      "2021-03-02",
      409,
      /must include this unit/,
    );
    const d = await open(
      handler,
      PLAN,
      planFields({ departments: ["scjgj", "sthjj"], inspectorsPerObject: 6 }),
      "2021-03-01",
    );
    await refused(
      handler,
      PLAN,
      d.id,
      "freeze",
      { seedCommitment: seedCommitment(SEED) },
      "2021-03-02",
      409,
      /not enough eligible inspectors for any/,
    );
  });

  it("cancelling needs a reason, and the reason is public", async () => {
    await seedPools();
    const c = await open(handler, PLAN, planFields({ title: "作废测试" }), "2021-03-01");
    await ok(
      await step(
        handler,
        PLAN,
        c.id,
        "freeze",
        { seedCommitment: seedCommitment(SEED) },
        "2021-03-02",
      ),
    );
    await refused(handler, PLAN, c.id, "cancel", { cancelReason: "" }, "2021-03-03", 422, /./);
    const r = await ok(
      await step(
        handler,
        PLAN,
        c.id,
        "cancel",
        { cancelReason: "抽查事项调整，重新拟定" },
        "2021-03-03",
        "抽查事项调整",
      ),
    );
    expect(r.state).toBe("cancelled");
    const page = await t.app.inject({
      method: "GET",
      url: `/public/500156/sections/spot_checks/${c.id}`,
    });
    expect(page.body).toContain("抽查事项调整，重新拟定");
  });

  it("another unit cannot take the draw's steps", async () => {
    await seedPools();
    const c = await open(handler, PLAN, planFields({ title: "他单位" }), "2021-03-01");
    const r = await t.call(other, {
      method: "POST",
      url: `/api/cases/${PLAN}/${c.id}/actions/freeze`,
      payload: {
        version: c.version,
        input: { seedCommitment: seedCommitment(SEED) },
        onDate: "2021-03-02",
      },
    });
    expect([403, 404]).toContain(r.statusCode);
  });
});

describe("results", () => {
  it("a transfer opens a linked enforcement inspection; publication on time is recorded", async () => {
    await seedPools();
    const rows = await t.db.owner
      .selectFrom("case_file")
      .select(["id"])
      .where("case_type", "=", "spot_check_inspection")
      .where("state", "=", "assigned")
      .orderBy("id")
      .limit(2)
      .execute();
    expect(rows.length).toBe(2);
    const [first, second] = rows.map((r) => Number(r.id)) as [number, number];
    const enforcementBefore = await count("administrative_inspection");
    await refused(
      handler,
      "spot_check_inspection",
      first,
      "record_result",
      { endedOn: "2021-03-10", finding: "no_problem", summary: "未发现问题" },
      "2021-04-16",
      422,
      /between 2021-03-15/,
      "input.endedOn",
    );
    await ok(
      await step(
        handler,
        "spot_check_inspection",
        first,
        "record_result",
        { endedOn: "2021-04-16", finding: "transferred", summary: "发现涉嫌违法，移交立案" },
        "2021-04-16",
      ),
    );
    expect(await count("administrative_inspection")).toBe(enforcementBefore + 1);
    const published = await ok(
      await step(handler, "spot_check_inspection", first, "publish", {}, "2021-05-14"),
    );
    expect(published.fields.publishedOnTime).toBe(true);

    await ok(
      await step(
        handler,
        "spot_check_inspection",
        second,
        "record_result",
        { endedOn: "2021-04-16", finding: "no_problem", summary: "未发现问题" },
        "2021-04-16",
      ),
    );
    // 20 working days from 2021-04-16 (the May Day holidays do not count, the make-up days do) end on 2021-05-17.
    const late = await ok(
      await step(handler, "spot_check_inspection", second, "publish", {}, "2021-05-21"),
    );
    expect(late.fields.publishedOnTime).toBe(false);

    // A result recorded and not published within 20 working days is on the warning list.
    const third = Number(
      (
        await t.db.owner
          .selectFrom("case_file")
          .select("id")
          .where("case_type", "=", "spot_check_inspection")
          .where("state", "=", "assigned")
          .orderBy("id")
          .executeTakeFirstOrThrow()
      ).id,
    );
    await ok(
      await step(
        handler,
        "spot_check_inspection",
        third,
        "record_result",
        { endedOn: "2021-04-16", finding: "corrected", summary: "已责令整改" },
        "2021-04-16",
      ),
    );
    const warnings = await t.call(handler, { method: "GET", url: "/api/warnings?limit=200" });
    expect(warnings.statusCode, warnings.body).toBe(200);
    const mine = (
      warnings.json().items as { caseId: number; clock: string; warning: string }[]
    ).filter((w) => w.caseId === third);
    expect(mine).toEqual([
      expect.objectContaining({ clock: "result_publication", warning: "overdue" }),
    ]);
  });
});
