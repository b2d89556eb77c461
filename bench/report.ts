/**
 * The complete annual report alone (issue 9's row "the complete annual report"): the first
 * report template's default draft composed with every figure (the report engine's
 * `composeReport`, as `bench/scale.ts` measures it), against the statements that
 * composition sends, captured and sent again by hand as one script (one round trip, no
 * engine around it). Medians of interleaved runs; prints the ratio, the statements
 * counted and how many of them the indicator engine's grouped aggregates sent.
 *
 *   DATABASE_URL=postgres://…/db node --import tsx bench/report.ts [--region 500101] [--year 2016] [--rounds 15]
 *
 * The database must hold data (`npm run bench:data -- --scale district`, same DATABASE_URL).
 */
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { loadConfig } from "../server/src/db/config.ts";
import { openDatabase } from "../server/src/db/connection.ts";
import { createRegistry } from "../server/src/engines/registry.ts";
import { composeReport } from "../server/src/engines/report/compose.ts";
import { MODULES } from "../server/src/modules/index.ts";
import { examplesModule } from "../server/test/fixtures/examples/index.ts";
import { ratio } from "./engines.ts";

/** A statement with its parameters as SQL literals (for the hand-sent script). */
export function inline(text: string, values: unknown[]): string {
  const lit = (v: unknown): string => {
    if (v === null || v === undefined) return "null";
    if (typeof v === "number" || typeof v === "bigint") return String(v);
    if (typeof v === "boolean") return v ? "true" : "false";
    if (v instanceof Date) return `'${v.toISOString()}'`;
    if (Array.isArray(v))
      return `'{${v.map((x) => `"${String(x).replace(/["\\]/g, "\\$&")}"`).join(",")}}'`;
    const s = typeof v === "object" ? JSON.stringify(v) : String(v);
    return `'${s.replace(/'/g, "''")}'`;
  };
  return text.replace(/\$(\d+)/g, (_, n) => lit(values[Number(n) - 1]));
}

const { values: args } = parseArgs({
  options: {
    region: { type: "string", default: "500101" },
    year: { type: "string", default: "2016" },
    rounds: { type: "string", default: "15" },
  },
});
const url = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const config = loadConfig({
  FAZHI_DATA_DIR: path.join(os.tmpdir(), "fazhi-bench-report"),
  DATABASE_URL: url,
});
const db = await openDatabase(config, { migrate: false });
const client = new pg.Client({ connectionString: url });
await client.connect();
try {
  const registry = createRegistry([...MODULES, examplesModule]);
  const template = registry.reports()[0];
  if (!template) throw new Error("no report template is declared");
  const year = Number(args.year);
  const draft = template.draft({ regionName: "区", year });
  const compose = () =>
    composeReport(registry, db.owner, { region: String(args.region), year, template, draft });
  await compose(); // warm: what a running server has read already (caches, prepared code)
  const sent: string[] = [];
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function capture(this: pg.Client, ...a: unknown[]) {
    const q = a[0] as { text?: string; values?: unknown[] } | string;
    const text = typeof q === "string" ? q : q.text;
    const values = (typeof q === "string" ? a[1] : q.values) as unknown[] | undefined;
    if (text) sent.push(inline(text, values ?? []));
    return (original as (...x: unknown[]) => unknown).apply(this, a);
  } as typeof original;
  let composed: Awaited<ReturnType<typeof compose>>;
  try {
    composed = await compose();
  } finally {
    pg.Client.prototype.query = original;
  }
  const script = sent.filter((s) => /^\s*(select|with)\b/i.test(s)).join(";\n");
  const r = await ratio(compose, () => client.query(script), Number(args.rounds));
  const nonNull = composed.figures.filter((f) => f.value !== null).length;
  process.stdout.write(
    `annual report / its statements as one hand-sent script (goal ≤ 1.3): ${r.ratio.toFixed(2)} ` +
      `(${r.ms.toFixed(1)} ms vs ${r.baseMs.toFixed(1)} ms; ${composed.figures.length} figures, ` +
      `${nonNull} with a value, ${sent.length} statements; load ${os.loadavg()[0]!.toFixed(1)})\n`,
  );
  if (process.env.BENCH_REPORT_SQL) for (const s of sent) process.stdout.write(`-- ${s}\n`);
} finally {
  await client.end();
  await db.close();
}
