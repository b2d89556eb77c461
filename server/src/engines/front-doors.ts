import fs from "node:fs";
import path from "node:path";

/**
 * The engines' front doors: the only files under `src/engines/` that a module may
 * import. Everything else in an engine is its own business and may change without
 * touching a module. `front-doors.test.ts` walks the import graph of `src/modules/`
 * (and the test-only module fixtures) and fails on any other import.
 */
export const FRONT_DOORS: readonly string[] = [
  "engines/case/index.ts",
  "engines/register/index.ts",
  "engines/indicator/index.ts",
  "engines/demo/index.ts",
  "engines/portal/index.ts",
  "engines/consultation/index.ts",
  "engines/report/index.ts",
  "engines/registry.ts",
  "engines/settings.ts",
  "engines/labels.ts",
  "engines/fields.ts",
];

const SPECIFIER =
  /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\s+from\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

/** The relative specifiers a TypeScript source imports or re-exports (static and dynamic). */
export function importsOf(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(SPECIFIER)) {
    const s = m[1] ?? m[2];
    if (s?.startsWith(".")) out.push(s);
  }
  return out;
}

/**
 * The imports of one file that reach into an engine other than by its front door:
 * `srcRoot` is `server/src`, `file` the importing file's absolute path.
 */
export function backDoorImports(srcRoot: string, file: string, source: string): string[] {
  const bad: string[] = [];
  for (const spec of importsOf(source)) {
    const target = path.relative(srcRoot, path.resolve(path.dirname(file), spec));
    const rel = target.split(path.sep).join("/");
    if (rel.startsWith("engines/") && !FRONT_DOORS.includes(rel)) bad.push(spec);
  }
  return bad;
}

/** Every `.ts` file under a folder (tests included: they are module code too). */
export function sourcesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => path.join(dir, f));
}
