import type { TestProject } from "vitest/node";
export default async function setup(project: TestProject) {
  project.provide("baseUrl", process.env.ZH_BASE ?? "http://127.0.0.1:39417");
  project.provide("dataDir", "/tmp/zh-data");
  project.provide("adminPassword", "x");
}
