// Compiling the server once (issue 9): every start and every CLI verb loading TypeScript
// through tsx paid ~2 s. esbuild (installed with tsx) bundles the CLI into dist/ (see
// build() below). dist/.built records what was built; `fresh()` says whether it still
// matches the sources (file count and newest mtime).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const SERVER = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const SRC = path.join(SERVER, "src");
export const DIST = path.join(SERVER, "dist");
const STAMP = ".built";

/** The files the build is made of: the sources (not tests), and this script itself. */
function sources() {
  return fs
    .readdirSync(SRC, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && !/\.test\.ts$/.test(d.name))
    .map((d) => path.join(d.parentPath ?? d.path, d.name))
    .concat(fileURLToPath(import.meta.url));
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

/**
 * Build dist/ (into a scratch directory, then swapped in): the CLI bundled from
 * src/cli/main.ts — one module graph, so Node resolves and reads a few files instead of
 * some 400 — with each verb's code in its own chunk (loaded when the verb runs) and the
 * npm packages left external. `import.meta.url` keeps each source file's own URL, so the
 * paths taken from it (the law library, the web build) resolve as they do from source.
 */
export async function build() {
  const { build: esbuild } = await import("esbuild");
  const files = sources();
  const sig = signature(files);
  // Scratch space in server/.tmp (ignored by git and the linter), swapped in by rename.
  const scratch = path.join(SERVER, ".tmp");
  fs.mkdirSync(scratch, { recursive: true });
  const tmp = path.join(scratch, `dist-${process.pid}`);
  fs.rmSync(tmp, { recursive: true, force: true });
  const ownUrl = {
    name: "own-import-meta-url",
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, (args) => {
        const text = fs.readFileSync(args.path, "utf8");
        // Every chunk lies directly in dist/: the source is ../src/… from there.
        const rel = JSON.stringify(
          `../${path.relative(SERVER, args.path).split(path.sep).join("/")}`,
        );
        const url = `new URL(${rel}, import.meta.url).href`;
        return { contents: text.replaceAll("import.meta.url", url), loader: "ts" };
      });
    },
  };
  await esbuild({
    entryPoints: { main: path.join(SRC, "cli", "main.ts") },
    outdir: tmp,
    bundle: true,
    splitting: true,
    packages: "external",
    format: "esm",
    platform: "node",
    target: "node20",
    supported: { "import-attributes": true },
    plugins: [ownUrl],
    logLevel: "error",
  });
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
