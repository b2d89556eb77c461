import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { bootstrapAppRole, kyselyFor, migrateToLatest } from "../src/db/connection.ts";
import { openEmbedded } from "../src/db/embedded.ts";

/**
 * One PostgreSQL for the whole run: the embedded server (a fresh cluster in a temp
 * directory) or, when FAZHI_TEST_DATABASE_URL is set (CI sets it), that server. A
 * template database is migrated once; each suite then gets its own database copied
 * from it (test/support/db.ts), so suites stay fast and independent.
 */
declare module "vitest" {
  export interface ProvidedContext {
    pg: { serverUrl: string; template: string; appPassword: string; kind: "embedded" | "external" };
  }
}

export default async function setup(project: TestProject) {
  const run = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  const template = `fazhi_tpl_${run}`;
  let serverUrl: string;
  let appPassword = "";
  let stop: () => Promise<void>;
  const external = process.env.FAZHI_TEST_DATABASE_URL;
  if (external) {
    serverUrl = external;
    stop = async () => undefined;
  } else {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "fazhi-test-"));
    const server = await openEmbedded(dir);
    serverUrl = server.ownerUrl;
    appPassword = server.appPassword;
    stop = async () => {
      await server.stop();
      await fs.rm(dir, { recursive: true, force: true });
    };
  }

  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${template}`);
  const tplUrl = new URL(serverUrl);
  tplUrl.pathname = `/${template}`;
  const owner = kyselyFor(tplUrl.toString(), 2);
  await bootstrapAppRole(owner, appPassword || undefined);
  await migrateToLatest(owner);
  await owner.destroy();

  project.provide("pg", {
    serverUrl,
    template,
    appPassword,
    kind: external ? "external" : "embedded",
  });

  return async () => {
    const { rows } = await admin.query<{ datname: string }>(
      "select datname from pg_database where datname like $1",
      [`fazhi_%${run}%`],
    );
    for (const r of rows) await admin.query(`drop database if exists ${r.datname} with (force)`);
    await admin.end();
    await stop();
  };
}
