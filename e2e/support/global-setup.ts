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
  const server = await startServer();
  process.stdout.write(`e2e: server at ${server.baseUrl}, data in ${server.dataDir}\n`);
  project.provide("baseUrl", server.baseUrl);
  project.provide("dataDir", server.dataDir);
  project.provide("adminPassword", server.adminPassword);
  return async () => {
    await server.stop();
  };
}
