import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import * as tar from "tar";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openEmbedded } from "../../src/db/embedded.ts";
import { isRoot, postgresIds } from "../../src/db/embedded-root.ts";
import { createRegistry } from "../../src/engines/registry.ts";
import { buildApp } from "../../src/http/app.ts";
import { anchorAllRegions } from "../../src/platform/audit/anchor.ts";
import { makeBackup } from "../../src/platform/backup/backup.ts";
import { type RestoreResult, restoreBackup } from "../../src/platform/backup/restore.ts";
import { LocalFileStore } from "../../src/platform/files/store.ts";
import { examplesModule } from "../fixtures/examples/index.ts";
import { PASSWORD, type TestApp, testApp } from "../support/app.ts";
import { type TestDatabase, testDatabase } from "../support/db.ts";
import { fazhi, VERB_BUDGET_MS } from "../support/fazhi-cli.ts";

/**
 * `fazhi backup` / `fazhi restore` (issue 8; GB/T 22239-2019 8.1.4.9 数据备份恢复): a
 * round trip through the archive gives the same rows in every table, the same audit
 * chains (verified, heads equal), working logins and the same files; a damaged or
 * edited archive, or a database that already holds records, is refused with nothing
 * changed.
 */
let src: TestApp;
let dst: TestDatabase;
let tmp: string;
let archive: string;
let restored: RestoreResult;
const permit = { applicant: { name: "甲公司" }, item: "事项", category: "general" };

async function allRows(db: TestApp["db"]["owner"], table: string, order: string[]) {
  const by = order.length ? `order by ${order.map((c) => `"${c}"`).join(", ")}` : "";
  const { rows } = await sql.raw(`select * from "${table}" ${by}`).execute(db);
  return order.length ? rows : rows.map((r) => JSON.stringify(r)).sort();
}

beforeAll(async () => {
  src = await testApp([examplesModule]);
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "fazhi-backup-test-"));
  archive = path.join(tmp, "backup.tar.gz");
  const unit = await src.unit("500156", "scjgj");
  await src.user("handler", unit, ["case_handler"]);
  src.clock.t = new Date("2024-03-04T02:00:00Z");
  const handler = await src.login("handler");
  for (let i = 0; i < 5; i++) {
    const c = await src.call(handler, {
      method: "POST",
      url: "/api/cases/example_permit",
      payload: { fields: permit, onDate: "2024-03-04" },
    });
    expect(c.statusCode, c.body).toBe(201);
    if (i % 2 === 0) {
      const acc = await src.call(handler, {
        method: "POST",
        url: `/api/cases/example_permit/${c.json().id}/actions/accept`,
        payload: { version: 1, onDate: "2024-03-04" },
      });
      expect(acc.statusCode, acc.body).toBe(200);
    }
  }
  await anchorAllRegions(src.db.owner, src.config, src.clock.now());
  await new LocalFileStore(src.config.fileDir).put(Buffer.from("一份证据材料"));
  await makeBackup(src.url, src.config, archive);
  dst = await testDatabase();
  restored = await restoreBackup(dst.url, dst.config, archive);
}, 120_000);
afterAll(async () => {
  await src?.close();
  await dst?.drop();
  await fs.rm(tmp, { recursive: true, force: true });
});

describe("backup and restore round trip", () => {
  it("restores every table row for row", async () => {
    expect(restored.manifest.tables.length).toBeGreaterThan(20);
    const cases = restored.manifest.tables.find((t) => t.name === "case_file");
    expect(cases?.rows).toBe(5);
    const { rows: pks } = await sql<{ table: string; cols: string[] }>`
      select c.relname as table, coalesce(array_agg(a.attname order by k.ord)
        filter (where a.attname is not null), '{}')::text[] as cols
      from pg_class c join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
      left join pg_index i on i.indrelid = c.oid and i.indisprimary
      left join lateral unnest(i.indkey) with ordinality k(attnum, ord) on true
      left join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
      where c.relkind = 'r' and c.relname not like 'kysely_%' group by c.relname`.execute(
      src.db.owner,
    );
    expect(pks.length).toBe(restored.manifest.tables.length);
    for (const t of pks) {
      const a = await allRows(src.db.owner, t.table, t.cols);
      const b = await allRows(dst.db.owner, t.table, t.cols);
      expect(b, t.table).toEqual(a);
    }
  });

  it("restores the audit chains: verified, the same heads, the same anchors", async () => {
    expect(restored.verify.ok, JSON.stringify(restored.verify.problems)).toBe(true);
    expect(restored.verify.events).toBeGreaterThan(5);
    expect(restored.verify.anchors).toBe(1);
    const heads = (db: TestApp["db"]["owner"]) =>
      db
        .selectFrom("audit_chain_head")
        .selectAll()
        .orderBy("region_code")
        .orderBy("chain_key")
        .execute();
    expect(await heads(dst.db.owner)).toEqual(await heads(src.db.owner));
  });

  it(
    "fazhi audit verify passes on the restored database",
    async () => {
      const r = await fazhi(["audit", "verify"], {
        ...process.env,
        FAZHI_LANG: "en",
        DATABASE_URL: dst.url,
        DATABASE_APP_URL: dst.config.databaseAppUrl,
        FAZHI_DATA_DIR: dst.config.dataDir,
      });
      expect(r.stderr).toBe("");
      expect(r.stdout).toMatch(/audit verified: \d+ events .* 1 anchors — ok/);
      expect(r.code).toBe(0);
    },
    VERB_BUDGET_MS,
  );

  it("restores the keys, the anchors and the file store", async () => {
    for (const dir of ["keyDir", "anchorDir", "fileDir"] as const) {
      const files = restored.manifest.files.length;
      expect(files).toBeGreaterThan(0);
      expect((await fs.stat(dst.config[dir])).isDirectory()).toBe(true);
    }
    const key = await fs.stat(path.join(dst.config.keyDir, "anchor-signing.key"));
    expect(key.mode & 0o077).toBe(0);
    expect(await fs.readFile(path.join(dst.config.keyDir, "field.key"), "utf8")).toBe(
      await fs.readFile(path.join(src.config.keyDir, "field.key"), "utf8"),
    );
    const store = new LocalFileStore(dst.config.fileDir);
    const [file] = restored.manifest.files.filter((f) => f.path.startsWith("files/"));
    const sm3 = path.basename(file!.path);
    expect((await store.get(sm3)).toString()).toBe("一份证据材料");
  });

  it("the restored users log in", async () => {
    const app = await buildApp({
      db: dst.db,
      config: dst.config,
      clock: src.clock.now,
      registry: createRegistry([examplesModule]),
    });
    try {
      const res = await app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username: "handler", password: PASSWORD },
      });
      expect(res.statusCode, res.body).toBe(200);
    } finally {
      await app.close();
    }
  });
});

describe("restore refuses", () => {
  const count = async () =>
    (
      await dst.db.owner
        .selectFrom("audit_event")
        .select((e) => e.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n;

  it("a database that already holds records, unless forced", async () => {
    const before = await count();
    await expect(restoreBackup(dst.url, dst.config, archive)).rejects.toThrow(
      /already holds records.*--force/,
    );
    expect(await count()).toBe(before);
    const again = await restoreBackup(dst.url, dst.config, archive, { force: true });
    expect(again.verify.ok).toBe(true);
    expect(again.keptAside.length).toBe(3);
  });

  it("an archive with one edited byte in a table, naming the part", async () => {
    const x = await fs.mkdtemp(path.join(tmp, "x-"));
    await tar.x({ file: archive, cwd: x });
    const part = (await fs.readdir(path.join(x, "db"))).find((f) =>
      f.endsWith("-audit_event.copy"),
    )!;
    const file = path.join(x, "db", part);
    const text = await fs.readFile(file, "utf8");
    await fs.writeFile(file, text.replace("accept", "acce9t"));
    const bad = path.join(tmp, "tampered.tar.gz");
    await tar.c({ gzip: true, file: bad, cwd: x }, await fs.readdir(x));
    const before = await count();
    await expect(restoreBackup(dst.url, dst.config, bad, { force: true })).rejects.toThrow(
      new RegExp(`damaged: db/${part} does not match its SM3`),
    );
    expect(await count()).toBe(before);
  });

  it("an archive made by a newer Fazhi (a schema version this one does not know)", async () => {
    const x = await fs.mkdtemp(path.join(tmp, "v-"));
    await tar.x({ file: archive, cwd: x });
    const m = JSON.parse(await fs.readFile(path.join(x, "manifest.json"), "utf8"));
    await fs.writeFile(
      path.join(x, "manifest.json"),
      JSON.stringify({ ...m, migration: "9999_future" }),
    );
    const newer = path.join(tmp, "newer.tar.gz");
    await tar.c({ gzip: true, file: newer, cwd: x }, await fs.readdir(x));
    const before = await count();
    await expect(restoreBackup(dst.url, dst.config, newer, { force: true })).rejects.toThrow(
      /schema version 9999_future, which this version of Fazhi does not know/,
    );
    expect(await count()).toBe(before);
  });

  it(
    "a truncated archive, through the command line, with exit code 2",
    async () => {
      const bytes = await fs.readFile(archive);
      const bad = path.join(tmp, "truncated.tar.gz");
      await fs.writeFile(bad, bytes.subarray(0, Math.floor(bytes.length / 2)));
      const r = await fazhi(["restore", bad, "--force"], {
        ...process.env,
        DATABASE_URL: dst.url,
        DATABASE_APP_URL: dst.config.databaseAppUrl,
        FAZHI_DATA_DIR: dst.config.dataDir,
      });
      expect(r.stderr).toMatch(/is damaged or not a Fazhi backup/);
      expect(r.code).toBe(2);
    },
    VERB_BUDGET_MS,
  );
});

describe("a damaged embedded data directory", () => {
  const made: string[] = [];
  afterAll(async () => {
    for (const d of made) await fs.rm(d, { recursive: true, force: true });
  });
  async function cluster(files: Record<string, string>) {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "fazhi-damaged-"));
    made.push(dir);
    await fs.chmod(dir, 0o755);
    const pg = path.join(dir, "pg");
    await fs.mkdir(pg, { mode: 0o700 });
    const ids = isRoot() ? await postgresIds() : undefined;
    for (const [name, text] of Object.entries(files)) {
      await fs.writeFile(path.join(pg, name), text);
      if (ids) await fs.chown(path.join(pg, name), ids.uid, ids.gid);
    }
    if (ids) await fs.chown(pg, ids.uid, ids.gid);
    return { dir, pg };
  }

  it("without PG_VERSION is refused (never initialised over), with the way back", async () => {
    const { dir, pg } = await cluster({ base: "x" });
    await expect(openEmbedded(dir)).rejects.toThrow(
      /data directory .*pg is damaged \(PG_VERSION is missing\); Fazhi will not run on it\. The way back: .*move .* aside.*fazhi restore <file>/,
    );
    expect(await fs.readFile(path.join(pg, "base"), "utf8")).toBe("x"); // left as it was
  });

  it("without its control file is refused at start, with the way back", async () => {
    const { dir } = await cluster({ PG_VERSION: "17\n", "postgresql.conf": "" });
    await expect(openEmbedded(dir)).rejects.toThrow(
      /is damaged \(.*pg_control.*fazhi restore <file>/,
    );
  }, 90_000);
});
