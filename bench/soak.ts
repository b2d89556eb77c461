/**
 * Soak bench (issue 8; loopback only, bounded in time and count; not part of `npm test`):
 * mixed reads and writes against `fazhi serve` at a fixed rate, reporting errors and the
 * server's RSS growth.
 *
 *   npm run bench:soak -- [--minutes 10] [--rate 500] [--url postgres://…]
 *
 * Without --url the installation uses the embedded PostgreSQL. The mix, per request:
 * 50 % a case list (GET /api/cases/penalty_general), 25 % a case's detail, 5 %
 * GET /api/health, 20 % a case opened (POST, a write with numbering, clocks and audit).
 * Requests are sent open-loop at --rate per second with at most 256 in flight (a send
 * that would exceed that is counted as "not sent", never queued without bound). RSS is
 * read from /proc/<pid>/status every 5 s; growth is measured from the end of the first
 * tenth of the run (warm-up: JIT, pools, caches) to the end.
 */
import fs from "node:fs/promises";
import { performance } from "node:perf_hooks";
import { type Serving, serve, stop } from "../server/test/support/fazhi-cli.ts";
import { arg, httpLogin, install, penaltyFields } from "./support.ts";

const MINUTES = Number(arg("minutes", "10"));
const RATE = Number(arg("rate", "500"));
const URL_ = arg("url", "");
const MAX_IN_FLIGHT = 256;

async function rss(pid: number): Promise<number> {
  const status = await fs.readFile(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
}

const inst = await install(URL_ || undefined);
let server: Serving | undefined;
try {
  server = await serve(inst.env);
  const pid = server.proc.pid!;
  const base = `http://127.0.0.1:${server.port}`;
  const s = await httpLogin(server.port, "handler");
  const ids: number[] = [];
  const open = async () => {
    const res = await fetch(`${base}/api/cases/penalty_general`, {
      method: "POST",
      headers: s.headers,
      body: JSON.stringify({ fields: penaltyFields(), onDate: "2024-06-03" }),
    });
    if (res.status === 201) ids.push(((await res.json()) as { id: number }).id);
    else await res.arrayBuffer();
    return res.status;
  };
  for (let i = 0; i < 20; i++) await open();

  const statuses = new Map<string, number>();
  const latencies: number[] = [];
  let inFlight = 0;
  let sent = 0;
  let notSent = 0;
  const one = async () => {
    const r = Math.random();
    const t0 = performance.now();
    let status: number | string;
    try {
      if (r < 0.2) status = await open();
      else {
        const url =
          r < 0.7
            ? "/api/cases/penalty_general?pageSize=20"
            : r < 0.95
              ? `/api/cases/penalty_general/${ids[Math.floor(Math.random() * ids.length)]}`
              : "/api/health";
        const res = await fetch(`${base}${url}`, { headers: s.headers });
        await res.arrayBuffer();
        status = res.status;
      }
    } catch (e) {
      status = (e as { cause?: { code?: string } }).cause?.code ?? "network";
    }
    latencies.push(performance.now() - t0);
    const k = String(status);
    statuses.set(k, (statuses.get(k) ?? 0) + 1);
  };

  const durationMs = MINUTES * 60_000;
  const samples: { at: number; rss: number }[] = [{ at: 0, rss: await rss(pid) }];
  const t0 = performance.now();
  const sampler = setInterval(() => {
    rss(pid)
      .then((v) => samples.push({ at: performance.now() - t0, rss: v }))
      .catch(() => undefined);
  }, 5000);
  const pending = new Set<Promise<void>>();
  // Open loop: every 10 ms, send what the rate says should have been sent by now.
  while (performance.now() - t0 < durationMs) {
    const due = Math.floor(((performance.now() - t0) / 1000) * RATE);
    while (sent + notSent < due) {
      if (inFlight >= MAX_IN_FLIGHT) {
        notSent++;
        continue;
      }
      sent++;
      inFlight++;
      const p: Promise<void> = one().finally(() => {
        inFlight--;
        pending.delete(p);
      });
      pending.add(p);
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  await Promise.all(pending);
  clearInterval(sampler);
  samples.push({ at: performance.now() - t0, rss: await rss(pid) });
  const elapsed = (performance.now() - t0) / 1000;

  const warm = samples.find((x) => x.at >= durationMs / 10) ?? samples[0]!;
  const end = samples[samples.length - 1]!;
  const peak = Math.max(...samples.map((x) => x.rss));
  latencies.sort((a, b) => a - b);
  const pct = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  const ok = [...statuses].filter(([k]) => /^2/.test(k)).reduce((n, [, v]) => n + v, 0);
  const errors = sent - ok;
  const mb = (b: number) => (b / 1048576).toFixed(0);
  console.log(
    `soak: ${MINUTES} min at ${RATE} req/s on ${URL_ ? "external PostgreSQL" : "the embedded PostgreSQL"}`,
  );
  console.table({
    "requests sent": sent,
    "achieved req/s": (sent / elapsed).toFixed(0),
    "not sent (256 in flight)": notSent,
    "2xx": ok,
    errors,
    statuses: JSON.stringify(Object.fromEntries(statuses)),
    "latency p50 / p99 / max, ms": `${pct(0.5).toFixed(0)} / ${pct(0.99).toFixed(0)} / ${latencies.at(-1)?.toFixed(0)}`,
    "RSS after warm-up, MB": mb(warm.rss),
    "RSS at end, MB": mb(end.rss),
    "RSS peak, MB": mb(peak),
    "RSS growth after warm-up": `${(((end.rss - warm.rss) / warm.rss) * 100).toFixed(1)} %`,
    "cases opened": ids.length,
  });
  process.exitCode = errors === 0 ? 0 : 1;
} finally {
  await stop(server?.proc);
  await inst.remove();
}
