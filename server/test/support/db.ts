import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import type { FazhiConfig } from "../../src/db/config.ts";
import { type Database, kyselyFor } from "../../src/db/connection.ts";

export interface TestDatabase {
  db: Database;
  config: FazhiConfig;
  name: string;
  url: string;
  drop(): Promise<void>;
}

let counter = 0;

/** A fresh database copied from the migrated template, and temp dirs for keys and anchors. */
export async function testDatabase(): Promise<TestDatabase> {
  const { serverUrl, template, appPassword } = inject("pg");
  const name = `${template.replace("fazhi_tpl_", "fazhi_t_")}_${process.pid}_${++counter}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`create database ${name} template ${template}`);
      break;
    } catch (e) {
      // Another suite copying the template at the same moment: try again shortly.
      if (attempt > 20 || !/being accessed by other users/.test(String(e))) throw e;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  await admin.end();
  const ownerUrl = new URL(serverUrl);
  ownerUrl.pathname = `/${name}`;
  const appUrl = new URL(ownerUrl.toString());
  appUrl.username = "fazhi_app";
  appUrl.password = appPassword ? encodeURIComponent(appPassword) : "";
  const owner = kyselyFor(ownerUrl.toString(), 4);
  const app = kyselyFor(appUrl.toString(), 8);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "fazhi-suite-"));
  const config: FazhiConfig = {
    dataDir: dir,
    keyDir: path.join(dir, "keys"),
    anchorDir: path.join(dir, "anchors"),
    fileDir: path.join(dir, "files"),
    databaseUrl: ownerUrl.toString(),
    databaseAppUrl: appUrl.toString(),
    appPassword: appPassword || undefined,
    port: 0,
    host: "127.0.0.1",
    secureCookies: false,
  };
  const db: Database = {
    owner,
    app,
    embedded: undefined,
    close: async () => {
      await app.destroy();
      await owner.destroy();
    },
  };
  return {
    db,
    config,
    name,
    url: ownerUrl.toString(),
    drop: async () => {
      await db.close();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
