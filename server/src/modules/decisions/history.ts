/**
 * Reading a decision's own history (the steps' recorded inputs and derived fields):
 * what the gates of the collective decision, the comment period and the post-evaluation
 * look at. Pure functions of `ctx.history`.
 */
import type { StepEvent } from "../../engines/case/index.ts";

export interface TakenStep {
  onDate: string;
  input: Record<string, unknown>;
  derived: Record<string, unknown>;
  index: number;
}

/** Every transition with this action, oldest first. */
export function stepsOf(history: readonly StepEvent[], action: string): TakenStep[] {
  const out: TakenStep[] = [];
  history.forEach((e, index) => {
    if (e.kind !== "transition" || e.action !== action) return;
    out.push({
      onDate: e.onDate,
      input: (e.data.input ?? {}) as Record<string, unknown>,
      derived: (e.data.derived ?? {}) as Record<string, unknown>,
      index,
    });
  });
  return out;
}

/** The latest transition with this action, if any. */
export function lastStep(history: readonly StepEvent[], action: string): TakenStep | undefined {
  return stepsOf(history, action).at(-1);
}

/** Is `later` taken after `earlier` (or `earlier` never taken)? */
export function after(later: TakenStep | undefined, earlier: TakenStep | undefined): boolean {
  if (!later) return false;
  return !earlier || later.index > earlier.index;
}
