#!/usr/bin/env node
// `npm start`: build the web app only when its sources changed since the last build
// (issue 9: it was rebuilt at every start), then `fazhi serve` (compiled, see build.js).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const WEB = path.join(ROOT, "web");
const STAMP = path.join(WEB, "dist", ".built");

/** The web sources' signature: every file's path, size and mtime (cheap: no reading). */
function webSignature() {
  const files = ["index.html", "vite.config.ts", "package.json", "tsconfig.json"]
    .map((f) => path.join(WEB, f))
    .filter((f) => fs.existsSync(f));
  for (const d of fs.readdirSync(path.join(WEB, "src"), { recursive: true, withFileTypes: true })) {
    if (d.isFile()) files.push(path.join(d.parentPath ?? d.path, d.name));
  }
  return files
    .sort()
    .map((f) => {
      const st = fs.statSync(f);
      return `${path.relative(WEB, f)} ${st.size} ${Math.round(st.mtimeMs)}`;
    })
    .join("\n");
}

if (fs.existsSync(path.join(WEB, "package.json"))) {
  const sig = webSignature();
  let built = "";
  try {
    built = fs.readFileSync(STAMP, "utf8");
  } catch {}
  if (built !== sig || !fs.existsSync(path.join(WEB, "dist", "index.html"))) {
    const r = spawnSync("npm", ["run", "build", "--workspace", "web"], {
      cwd: ROOT,
      stdio: "inherit",
    });
    if (r.status !== 0) process.exit(r.status ?? 1);
    fs.writeFileSync(STAMP, sig);
  }
}

process.argv.splice(2, 0, "serve");
await import("./fazhi.js");
