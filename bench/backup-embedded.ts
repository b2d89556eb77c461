/**
 * `fazhi backup` / `fazhi restore` on the embedded PostgreSQL, through the real command
 * (test/platform/backup.test.ts covers an external server in process):
 *
 *   node --import tsx bench/backup-embedded.ts
 *
 * Installation A serves, opens 30 cases over HTTP and signs an anchor; `fazhi backup`
 * runs while A serves; installation B (with its own users) refuses the restore without
 * --force, restores with it and verifies the audit; B then serves, the restored handler
 * logs in and sees the 30 cases. Exit 1 if any step disagrees.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { BIN, serve, stop } from "../server/test/support/fazhi-cli.ts";
import { httpLogin, install, penaltyFields } from "./support.ts";

const a = await install();
const b = await install();
const file = path.join(os.tmpdir(), `emb-${process.pid}.tar.gz`);
const cli = (env: NodeJS.ProcessEnv, ...args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    env,
    encoding: "utf8",
    cwd: os.tmpdir(),
  });
  console.log(`$ fazhi ${args.join(" ")} → exit ${r.status}\n${r.stdout}${r.stderr}`);
  return r.status;
};
let failed = false;
const expectCode = (got: number | null, want: number, what: string) => {
  if (got !== want) {
    failed = true;
    console.log(`UNEXPECTED: ${what} exited ${got}, expected ${want}`);
  }
};
try {
  let s = await serve(a.env);
  const h = await httpLogin(s.port, "handler");
  let n = 0;
  for (let i = 0; i < 30; i++) {
    const res = await fetch(`http://127.0.0.1:${s.port}/api/cases/penalty_general`, {
      method: "POST",
      headers: h.headers,
      body: JSON.stringify({ fields: penaltyFields(), onDate: "2024-06-03" }),
    });
    if (res.status === 201) n++;
  }
  console.log(`opened ${n} cases on A`);
  expectCode(cli(a.env, "audit", "anchor"), 0, "audit anchor");
  expectCode(cli(a.env, "backup", file), 0, "backup while serving");
  await stop(s.proc);
  expectCode(cli(b.env, "restore", file), 2, "restore onto records without --force");
  expectCode(cli(b.env, "restore", file, "--force"), 0, "restore --force");
  expectCode(cli(b.env, "audit", "verify"), 0, "audit verify");
  s = await serve(b.env);
  const h2 = await httpLogin(s.port, "handler");
  const list = await fetch(`http://127.0.0.1:${s.port}/api/cases/penalty_general?pageSize=200`, {
    headers: h2.headers,
  });
  const body = (await list.json()) as { total?: number; items?: unknown[] };
  const total = body.total ?? body.items?.length;
  console.log(`B after restore: login ok, list ${list.status}, total ${total}`);
  if (list.status !== 200 || total !== n) failed = true;
  await stop(s.proc);
  process.exitCode = failed ? 1 : 0;
} finally {
  await a.remove();
  await b.remove();
  await fs.rm(file, { force: true });
}
