/** One real server for the whole run; tests read its address with inject(). */
import type { TestProject } from "vitest/node";
import { startServer } from "./server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    dataDir: string;
    adminPassword: string;
    /** The 2020 indicators of Wulong as the demo loaded them, read before any test writes. */
    demoFigures2020: Record<string, number | null>;
  }
}

/** Read the demo's 2020 figures as the rule-of-law office, before any test adds a record. */
async function demoFigures(baseUrl: string): Promise<Record<string, number | null>> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "wl.yfzqb.office", password: "Fazhi-Demo-2020" }),
  });
  if (!login.ok) throw new Error(`e2e set-up: demo login failed (${login.status})`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const res = await fetch(`${baseUrl}/api/indicators/values?region=500156&year=2020`, {
    headers: { cookie },
  });
  if (!res.ok) throw new Error(`e2e set-up: indicators failed (${res.status})`);
  const body = (await res.json()) as { values: { id: string; value: number | null }[] };
  return Object.fromEntries(body.values.map((v) => [v.id, v.value]));
}

export default async function setup(project: TestProject) {
  // Developing a test: FAZHI_E2E_BASE_URL points at a server already running with the demo
  // (tests that need the data directory or the admin password cannot run then).
  const given = process.env.FAZHI_E2E_BASE_URL;
  if (given) {
    project.provide("baseUrl", given.replace(/\/$/, ""));
    project.provide("dataDir", "");
    project.provide("adminPassword", "");
    project.provide("demoFigures2020", await demoFigures(given.replace(/\/$/, "")));
    return async () => {};
  }
  const server = await startServer();
  process.stdout.write(`e2e: server at ${server.baseUrl}, data in ${server.dataDir}\n`);
  project.provide("baseUrl", server.baseUrl);
  project.provide("dataDir", server.dataDir);
  project.provide("adminPassword", server.adminPassword);
  project.provide("demoFigures2020", await demoFigures(server.baseUrl));
  return async () => {
    await server.stop();
  };
}
