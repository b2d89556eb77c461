import fs from "node:fs/promises";
import { builtinModules } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The compiled server (bin/build.js, issue 9): the npm packages are bundled, except the
// declared externals, and what bundling would break is fixed.
const BUILD = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../bin/build.js");

interface BuildScript {
  bundle(outdir: string): Promise<void>;
  sources(): string[];
  EXTERNAL: string[];
}

let out = "";
let chunks: { name: string; text: string }[] = [];
let script: BuildScript;

beforeAll(async () => {
  script = (await import(pathToFileURL(BUILD).href)) as BuildScript;
  out = await fs.mkdtemp(path.join(os.tmpdir(), "fazhi-build-"));
  await script.bundle(out);
  const names = (await fs.readdir(out)).filter((n) => n.endsWith(".js"));
  chunks = await Promise.all(
    names.map(async (name) => ({ name, text: await fs.readFile(path.join(out, name), "utf8") })),
  );
}, 120_000);

afterAll(async () => {
  if (out) await fs.rm(out, { recursive: true, force: true });
});

/**
 * The bare module names a chunk loads (not its sibling chunks): its static imports (at
 * the start of a line), its dynamic imports, and the `require`s of the bundled CommonJS
 * packages (`__require` in esbuild's output). Text in strings and comments (Kysely's
 * `insert into "person"`) is not an import.
 */
function bareImports(text: string): string[] {
  const found = new Set<string>();
  const spec = String.raw`"([@\w][\w@./:-]*)"`;
  const patterns = [
    new RegExp(String.raw`^(?:import|export|\}).*\bfrom\s*${spec};?$`, "gm"),
    new RegExp(String.raw`^import\s*${spec};?$`, "gm"),
    new RegExp(String.raw`\bimport\(\s*${spec}\s*\)`, "g"),
    new RegExp(String.raw`\b__require\(\s*${spec}\s*\)`, "g"),
  ];
  for (const re of patterns) for (const m of text.matchAll(re)) found.add(m[1]!);
  return [...found];
}

const packageOf = (spec: string) =>
  spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]!;

describe("the compiled server", () => {
  it("loads from node_modules only Node's built-ins and the declared externals", () => {
    const allowed = (spec: string) => {
      if (spec.startsWith("node:") || builtinModules.includes(spec.split("/")[0]!)) return true;
      const pkg = packageOf(spec);
      return script.EXTERNAL.some((e) =>
        e.endsWith("/*") ? pkg.startsWith(e.slice(0, -1)) : e === pkg,
      );
    };
    const outside = chunks.flatMap((c) =>
      bareImports(c.text)
        .filter((s) => !allowed(s))
        .map((s) => `${c.name}: ${s}`),
    );
    expect(outside).toEqual([]);
    // The web framework and the CLI's parser are in the bundle.
    const all = chunks.map((c) => c.text).join("\n");
    expect(all).toContain("node_modules/fastify/fastify.js");
    expect(all).toContain("node_modules/commander/");
  });

  it("reaches no bundled CommonJS package through a dynamic import (its named exports would be lost)", () => {
    // A chunk that is only a CommonJS package's `module.exports` as `default`.
    const onlyDefault = chunks
      .filter((c) => /^export default require_\w+\(\);\s*$/m.test(c.text))
      .map((c) => c.name);
    const imported = chunks.filter((c) =>
      onlyDefault.some((n) => c.text.includes(`import("./${n}")`)),
    );
    expect(imported.map((c) => c.name)).toEqual([]);
    // @fastify/cookie's own `import("cookie")` became a require of the bundled cookie.
    expect(chunks.some((c) => c.text.includes("cookieModule = require_"))).toBe(true);
  });

  it("bundles zod's Chinese and English messages, not its other languages", () => {
    const all = chunks.map((c) => c.text).join("\n");
    expect(all).toContain("node_modules/zod/v4/locales/zh-CN.js");
    expect(all).toContain("node_modules/zod/v4/locales/en.js");
    expect(all).not.toContain("node_modules/zod/v4/locales/fr.js");
  });

  it("is stale when npm installs or updates a package (the bundle holds the packages' code)", () => {
    const root = path.resolve(path.dirname(BUILD), "../..");
    const made = script.sources();
    expect(made).toContain(path.join(root, "package-lock.json"));
    expect(made).toContain(path.join(root, "node_modules", ".package-lock.json"));
  });
});
