// What `fazhi serve` needs once the database is open: the HTTP app, the modules, the law
// library, the demo. Imported as one dynamic import that serve.ts starts before it starts
// the embedded PostgreSQL, so that Node loads this module graph while PostgreSQL starts
// (issue 9: the second start did the two one after the other).
export { createRegistry } from "../../engines/registry.ts";
export { ensureLawLibrary } from "../../engines/search/laws.ts";
export { buildApp } from "../../http/app.ts";
export { loadModules } from "../../modules/index.ts";
export { anchorAllRegions, anchorIntervalMs } from "../../platform/audit/anchor.ts";
export { ensureFirstAdmin } from "../../platform/bootstrap.ts";
export { systemClock } from "../../platform/clock.ts";
export { loadDemoIfEmpty } from "./demo.ts";
