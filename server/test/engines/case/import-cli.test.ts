import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { importCasesCommand } from "../../../src/cli/commands/import.ts";
import { CliError } from "../../../src/cli/runtime.ts";
import { createUser } from "../../../src/platform/auth/users.ts";
import { type TestDatabase, testDatabase } from "../../support/db.ts";

/** `fazhi import cases <type> <file> --as <user>`: the same import as over HTTP. */
let t: TestDatabase;
const KEYS =
  "_state,_opened,step.decide_on_spot,step.file_with_body,step.close,number.decision,party.kind,party.name,party.address,category,place,facts,legalBasis,penaltyKind,fineAmount,paid";
const row = (i: number, category = "market_regulation") =>
  `closed,2018-03-0${i},2018-03-0${i},2018-03-1${i},2018-03-2${i},武隆市监简罚〔2018〕${i}号,natural_person,当事人${i},重庆市武隆区巷口镇${i}号,${category},武隆区巷口镇,当事人占道经营,《重庆市市容环境卫生管理条例》第二十条,fine,50,是`;

beforeAll(async () => {
  t = await testDatabase();
  const unit = await t.db.owner
    .insertInto("unit")
    .values({
      region_code: "500156",
      code: "scjgj",
      name_zh: "区市场监管局",
      name_en: "Market",
      kind: "department",
      parent_id: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await createUser(t.db.owner, {
    username: "leader",
    displayName: "局长",
    unitId: unit.id,
    roles: ["unit_leader"],
    password: "Correct-Horse-9",
  });
  await createUser(t.db.owner, {
    username: "handler",
    displayName: "办案员",
    unitId: unit.id,
    roles: ["case_handler"],
    password: "Correct-Horse-9",
  });
});
afterAll(async () => t.drop());

describe("fazhi import cases", () => {
  it("imports a CSV as the user and prints the summary", async () => {
    const file = path.join(t.config.dataDir, "history.csv");
    await fs.writeFile(file, [KEYS, row(1), row(2), row(3)].join("\n"));
    const out = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    let written = "";
    try {
      await importCasesCommand("penalty_simplified", file, { as: "leader" }, t.config);
      written = out.mock.calls.map((c) => String(c[0])).join("");
    } finally {
      out.mockRestore();
    }
    const printed = JSON.parse(written);
    expect(printed).toMatchObject({ rows: 3, byState: { closed: 3 }, format: "csv" });
    expect(printed.sequences).toEqual([
      { prefix: "武隆市监简罚", kind: "decision", year: 2018, last: 3 },
    ]);
    const batch = await t.db.owner
      .selectFrom("case_import")
      .select(["file_name", "rows"])
      .executeTakeFirstOrThrow();
    expect(batch).toEqual({ file_name: "history.csv", rows: 3 });
  });

  it("names every bad row (in English with --lang en) and imports nothing", async () => {
    const file = path.join(t.config.dataDir, "bad.csv");
    await fs.writeFile(file, [KEYS, row(4), row(5, "nonsense")].join("\n"));
    const err = await importCasesCommand(
      "penalty_simplified",
      file,
      { as: "leader", lang: "en" },
      t.config,
    ).catch((e) => e);
    expect(err).toBeInstanceOf(CliError);
    expect(err.message).toMatch(
      /^1 row\(s\) of the file have errors; nothing was imported\n {2}row 3, Enforcement area: "nonsense" is not one of/,
    );
    const n = await t.db.owner
      .selectFrom("case_file")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(3);
  });

  it("refuses a user without record.import", async () => {
    const file = path.join(t.config.dataDir, "other.csv");
    await fs.writeFile(file, [KEYS, row(6)].join("\n"));
    const err = await importCasesCommand(
      "penalty_simplified",
      file,
      { as: "handler" },
      t.config,
    ).catch((e) => e);
    expect(err).toBeInstanceOf(CliError);
    expect(err.message).toMatch(/record\.import/);
  });
});
