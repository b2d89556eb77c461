/**
 * The services demo: the catalogue and the windows, then a year of applications
 * (catalogue.ts, applications.ts). After the directory (its units and accounts).
 */
import type { DemoContribution } from "../../../engines/demo/index.ts";
import { loadApplications } from "./applications.ts";
import { catalogueItems, loadCatalogue } from "./catalogue.ts";

export const SERVICES_DEMO_ID = "services";

export const servicesDemo: DemoContribution[] = [
  {
    id: SERVICES_DEMO_ID,
    dependsOn: ["directory"],
    description:
      "the service catalogue (687 licensing items of 1,250), windows and sub-centres, 10,283 joint matters and a sample of applications imported, showcase applications step by step",
    async load(ctx) {
      const items = await loadCatalogue(ctx);
      await loadApplications(ctx, items);
    },
  },
];

export { catalogueItems };
