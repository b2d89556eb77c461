import type { Migration } from "kysely";
import * as m0001 from "./0001_core.ts";
import * as m0002 from "./0002_regions_chongqing.ts";
import * as m0003 from "./0003_engines.ts";
import * as m0004 from "./0004_settings.ts";
import * as m0007 from "./0007_case_import.ts";

/** Every migration, in order. Module migrations are appended here. */
export const migrations: Record<string, Migration> = {
  "0001_core": m0001,
  "0002_regions_chongqing": m0002,
  "0003_engines": m0003,
  "0004_settings": m0004,
  "0007_case_import": m0007,
};
