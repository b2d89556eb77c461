/**
 * The history's planned steps dated after the demo's own date, handed from the history
 * (index.ts) to the contribution that closes it when the demo is loaded later (closing.ts).
 * Per loaded database, held only between the two contributions of one load.
 */
import type { DemoContext } from "../../../../engines/demo/index.ts";
import type { PlannedStep } from "./plan.ts";

const leftovers = new WeakMap<object, PlannedStep[]>();

export function handOver(ctx: DemoContext, steps: PlannedStep[]): void {
  leftovers.set(ctx.database, steps);
}

export function takeOver(ctx: DemoContext): PlannedStep[] {
  const steps = leftovers.get(ctx.database) ?? [];
  leftovers.delete(ctx.database);
  return steps;
}
