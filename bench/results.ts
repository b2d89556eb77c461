/**
 * `bench/results.json`: the figures of the last `npm run bench`, with the machine they
 * were measured on (ratios travel between machines; the description says how far).
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), "results.json");

export function machine(postgres?: string) {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? "unknown",
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    loadAverage: os.loadavg().map((x) => Number(x.toFixed(2))),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: postgres ?? "unknown",
  };
}

/** Write the results; `merge` keeps the other figures of the file (a part run alone). */
export async function writeResults(
  results: Record<string, string>,
  postgres?: string,
  merge = false,
): Promise<void> {
  let before: Record<string, string> = {};
  if (merge) {
    try {
      before = JSON.parse(await fs.readFile(FILE, "utf8")).results ?? {};
    } catch {}
  }
  const body = {
    measuredAt: new Date().toISOString(),
    machine: machine(postgres),
    results: { ...before, ...results },
  };
  await fs.writeFile(FILE, `${JSON.stringify(body, null, 2)}\n`);
}
