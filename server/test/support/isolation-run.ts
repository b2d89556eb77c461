import type { FastifyInstance } from "fastify";
import type { TestApp } from "./app.ts";
import { type Extras, MATRIX } from "./isolation-matrix.ts";
import { allSentinels, fingerprint, forbidden, found, textOf } from "./isolation-scan.ts";
import { PASSWORD, ROLE_INFO, ROLES, type RoleKey, type World } from "./isolation-seed.ts";

export interface Cookie {
  cookie: string;
  csrf: string;
}

let address = 0;
/** Log in (with the second factor for administrators) from an address of its own (the login rate limit counts per address). */
export async function loginAs(t: TestApp, username: string): Promise<Cookie> {
  address++;
  const s = await t.login(username, PASSWORD, `10.8.${address >> 8}.${address & 255}`);
  return { cookie: s.cookie, csrf: s.csrf };
}

export interface MatrixRun {
  problems: string[];
  requests: number;
  writesRefused: number;
  /** role → routes (METHOD path) it was driven through. */
  covered: Map<RoleKey, Set<string>>;
  /** Sentinels some answer showed (to a role allowed to see them): the scan can see. */
  seen: Set<string>;
}

/**
 * Drive every probe of the matrix as every role against `app` and judge each answer:
 * never a 5xx; no sentinel the role may not see (body, and docx/xlsx parts decoded);
 * the statuses the entry expects (`strict`: with the checks in code; row-level security
 * alone may refuse differently — 404 for 403, an empty list — and is judged on what
 * leaks and what changes); a write aimed at records the role does not act on refused
 * with 4xx and no business row changed.
 */
/** (ISO_DUMP=<file>: the problems and the time spent per route are written there too.) */
export async function runMatrix(
  t: TestApp,
  app: FastifyInstance,
  w: World,
  x: Extras,
  sessions: Record<RoleKey, Cookie | undefined>,
  strict: boolean,
): Promise<MatrixRun> {
  const run: MatrixRun = {
    problems: [],
    requests: 0,
    writesRefused: 0,
    covered: new Map(),
    seen: new Set(),
  };
  const everything = allSentinels(w);
  const time = new Map<string, number>();
  let ip = 0;
  for (const role of ROLES) {
    const routes = new Set<string>();
    run.covered.set(role, routes);
    for (const [route, entry] of Object.entries(MATRIX)) {
      const banned = forbidden(w, role, entry);
      for (const probe of entry.probes(w, x)) {
        if (probe.mayWrite?.(role)) continue;
        let s = sessions[role];
        if (entry.ownSession && role !== "anon") s = await loginAs(t, ROLE_INFO[role].username!);
        const started = performance.now();
        const before = probe.mayWrite ? await fingerprint(t.db) : undefined;
        const res = await app.inject({
          ...probe.req,
          remoteAddress: `10.9.${(++ip >> 8) & 255}.${ip & 255}`,
          headers: {
            "accept-language": "en",
            ...(probe.req.headers ?? {}),
            ...(s ? { cookie: s.cookie, "x-csrf-token": s.csrf } : {}),
          },
        });
        run.requests++;
        time.set(route, (time.get(route) ?? 0) + performance.now() - started);
        routes.add(route);
        const where = `${role} ${probe.req.method} ${probe.req.url} → ${res.statusCode}`;
        if (res.statusCode >= 500) run.problems.push(`${where}: server error ${res.body}`);
        const text = textOf(res);
        for (const leak of found(text, banned)) {
          run.problems.push(`${where}: shows ${leak.set}'s ${leak.what} (${leak.value})`);
        }
        for (const seen of found(text, everything)) run.seen.add(`${seen.set}.${seen.what}`);
        const expected = probe.expect?.(role);
        if (strict && expected && !expected.includes(res.statusCode)) {
          run.problems.push(`${where}: expected ${expected.join("/")} ${res.body.slice(0, 200)}`);
        }
        if (before !== undefined) {
          if (res.statusCode < 400 || res.statusCode >= 500) {
            run.problems.push(`${where}: a write on another's records was not refused`);
          } else run.writesRefused++;
          if ((await fingerprint(t.db)) !== before) {
            run.problems.push(`${where}: business rows changed`);
          }
        }
      }
    }
  }
  if (process.env.ISO_DUMP) {
    const { writeFileSync } = await import("node:fs");
    const slow = [...time].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${Math.round(v)} ${k}`);
    writeFileSync(
      process.env.ISO_DUMP + (strict ? ".code" : ".rls"),
      [
        `requests ${run.requests}, writes refused ${run.writesRefused}`,
        ...run.problems,
        "",
        ...slow,
      ].join("\n"),
    );
  }
  return run;
}
