import type { Migration } from "kysely";
import * as m0001 from "./0001_core.ts";
import * as m0002 from "./0002_regions_chongqing.ts";

/** Every migration, in order. Module migrations are appended here. */
export const migrations: Record<string, Migration> = {
  "0001_core": m0001,
  "0002_regions_chongqing": m0002,
};
