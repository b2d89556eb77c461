/** One real server for the whole run; tests read its address with inject(). */
import type { TestProject } from "vitest/node";
import { startServer } from "./server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    dataDir: string;
    adminPassword: string;
  }
}

export default async function setup(project: TestProject) {
  // Developing a test: FAZHI_E2E_BASE_URL points at a server already running with the demo
  // (tests that need the data directory or the admin password cannot run then).
  const given = process.env.FAZHI_E2E_BASE_URL;
  if (given) {
    project.provide("baseUrl", given.replace(/\/$/, ""));
    project.provide("dataDir", "");
    project.provide("adminPassword", "");
    return async () => {};
  }
  const server = await startServer();
  process.stdout.write(`e2e: server at ${server.baseUrl}, data in ${server.dataDir}\n`);
  project.provide("baseUrl", server.baseUrl);
  project.provide("dataDir", server.dataDir);
  project.provide("adminPassword", server.adminPassword);
  return async () => {
    await server.stop();
  };
}
