import { performance } from "node:perf_hooks";

/**
 * FAZHI_TRACE_START=1: where a start's time goes (issue 9). Each mark prints to stderr
 * the milliseconds since the process started (Node's own start-up included) and since
 * the previous mark:
 *
 *   fazhi start:   1840 ms  (+  620)  database open (started, roles, migrations)
 */
let last = 0;

export function traceLine(label: string, at: number, previous: number): string {
  const ms = (n: number) => String(Math.round(n)).padStart(6);
  return `fazhi start: ${ms(at)} ms  (+${ms(at - previous)})  ${label}\n`;
}

export function traceStart(
  label: string,
  env: NodeJS.ProcessEnv = process.env,
  write: (line: string) => void = (line) => process.stderr.write(line),
): void {
  if (env.FAZHI_TRACE_START !== "1") return;
  const at = performance.now();
  write(traceLine(label, at, last));
  last = at;
}
