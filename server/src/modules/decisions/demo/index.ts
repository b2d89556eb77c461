import type { DemoContribution } from "../../../engines/demo/index.ts";
import { DIRECTORY_DEMO_ID } from "../../directory/index.ts";

export const decisionsDemo: DemoContribution = {
  id: "decisions",
  dependsOn: [DIRECTORY_DEMO_ID],
  description: "the 2020 decision catalogue, decisions step by step, filed risk assessments, legal advisers",
  async load() {},
};
