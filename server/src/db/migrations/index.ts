import type { Migration } from "kysely";
import * as m0001 from "./0001_core.ts";
import * as m0002 from "./0002_regions_chongqing.ts";
import * as m0003 from "./0003_engines.ts";
import * as m0004 from "./0004_settings.ts";
import * as m0005 from "./0005_case_engine_2.ts";
import * as m0006 from "./0006_search.ts";
import * as m0007 from "./0007_case_import.ts";
import * as m0008 from "./0008_tenancy.ts";
import * as m0009 from "./0009_settings_effective.ts";
import * as m0010 from "./0010_tenancy_2.ts";
import * as m0011 from "./0011_identity.ts";
import * as m0012 from "./0012_performance.ts";
import * as m0015 from "./0015_register_key_entry.ts";
import * as m0016 from "./0016_case_import_numbers.ts";
import * as m0018 from "./0018_register_versions.ts";
import * as m0019 from "./0019_report.ts";
import * as m0020 from "./0020_services.ts";
import * as m0023 from "./0023_consultation.ts";
import * as m0024 from "./0024_register_import_batch.ts";
import * as m0026 from "./0026_search_top.ts";

/** Every migration, in order. Module migrations are appended here. */
export const migrations: Record<string, Migration> = {
  "0001_core": m0001,
  "0002_regions_chongqing": m0002,
  "0003_engines": m0003,
  "0004_settings": m0004,
  "0005_case_engine_2": m0005,
  "0006_search": m0006,
  "0007_case_import": m0007,
  "0008_tenancy": m0008,
  "0009_settings_effective": m0009,
  "0010_tenancy_2": m0010,
  "0011_identity": m0011,
  "0012_performance": m0012,
  "0015_register_key_entry": m0015,
  "0016_case_import_numbers": m0016,
  "0018_register_versions": m0018,
  "0019_report": m0019,
  "0020_services": m0020,
  "0023_consultation": m0023,
  "0024_register_import_batch": m0024,
  "0026_search_top": m0026,
};
