// Compiling the server once (issue 9): every start and every CLI verb loading TypeScript
// through tsx paid ~2 s. esbuild (installed with tsx) transpiles each file of src/ into
// dist/ at the same depth (so the paths a module takes from import.meta.url — the laws,
// the web build — still resolve), relative `.ts` imports become `.js`, other files
// (JSON notices) are copied. dist/.built records what was built; `fresh()` says whether
// it still matches the sources (newest mtime and file count).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const SERVER = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const SRC = path.join(SERVER, "src");
export const DIST = path.join(SERVER, "dist");
const STAMP = ".built";

function sources() {
  return fs
    .readdirSync(SRC, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && !/\.test\.ts$/.test(d.name))
    .map((d) => path.join(d.parentPath ?? d.path, d.name));
}

function signature(files) {
  let newest = 0;
  for (const f of files) newest = Math.max(newest, fs.statSync(f).mtimeMs);
  return `${files.length} ${Math.round(newest)}`;
}

/** Whether dist/ holds the build of the sources as they are. */
export function fresh() {
  try {
    return fs.readFileSync(path.join(DIST, STAMP), "utf8") === signature(sources());
  } catch {
    return false;
  }
}

const RELATIVE_TS = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(["'])(\.{1,2}\/[^"'\n]+?)\.ts\2/g;

/** Build dist/ (into a fresh directory, then swapped in). */
export async function build() {
  const { build: esbuild } = await import("esbuild");
  const files = sources();
  const sig = signature(files);
  // Scratch space in server/.tmp (ignored by git and the linter), swapped in by rename.
  const scratch = path.join(SERVER, ".tmp");
  fs.mkdirSync(scratch, { recursive: true });
  const tmp = path.join(scratch, `dist-${process.pid}`);
  fs.rmSync(tmp, { recursive: true, force: true });
  const ts = files.filter((f) => f.endsWith(".ts"));
  await esbuild({
    entryPoints: ts,
    outdir: tmp,
    outbase: SRC,
    format: "esm",
    platform: "node",
    target: "node20",
    supported: { "import-attributes": true },
    bundle: false,
    logLevel: "error",
  });
  for (const f of ts) {
    const out = path.join(tmp, path.relative(SRC, f)).replace(/\.ts$/, ".js");
    const js = fs.readFileSync(out, "utf8");
    const fixed = js.replace(RELATIVE_TS, (_m, pre, q, spec) => `${pre}${q}${spec}.js${q}`);
    if (fixed !== js) fs.writeFileSync(out, fixed);
  }
  for (const f of files.filter((f) => !f.endsWith(".ts"))) {
    const out = path.join(tmp, path.relative(SRC, f));
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.copyFileSync(f, out);
  }
  fs.writeFileSync(path.join(tmp, STAMP), sig);
  const old = path.join(scratch, `dist-old-${process.pid}`);
  if (fs.existsSync(DIST)) fs.renameSync(DIST, old);
  fs.renameSync(tmp, DIST);
  fs.rmSync(old, { recursive: true, force: true });
}

// `node server/bin/build.js` (npm's postinstall, `npm run build:server`): build if stale.
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  try {
    if (!fresh()) await build();
  } catch (e) {
    // Never fail an install: without dist/, `fazhi` runs the sources through tsx.
    process.stderr.write(`fazhi: server not compiled (${e?.message ?? e}); running from source\n`);
  }
}
