import type { DemoContext } from "./declare.ts";

/** One step of a demo case: the action, its day, and who takes it with what input. */
export interface DemoStep {
  action: string;
  /** The step's day: "2020-03-04" (09:00 that day) or "2020-03-04 14:30"; also its legal date. */
  on: string;
  /** The demo user who takes it (default: the walk's user). */
  by?: string;
  input?: Record<string, unknown>;
  /** The reason a sensitive step asks for. */
  reason?: string;
}

/** A case as far as a walk needs it: its id and the version a step must name. */
export interface WalkedCase {
  id: number;
  version: number;
}

/**
 * Take a case through steps in order, the way its users would: each step through the case
 * engine as its user on its day (`ctx.as`), on the version the step before left (so the
 * engine's optimistic lock is honoured, never bypassed). Returns the case as the last step
 * left it. A step the engine refuses throws, naming nothing more than the engine does:
 * the demo's data is wrong, and the contribution's load fails.
 */
export async function walkCase(
  ctx: Pick<DemoContext, "as" | "cases">,
  caseType: string,
  start: WalkedCase,
  by: string,
  steps: readonly DemoStep[],
): Promise<WalkedCase> {
  let c: WalkedCase = { id: start.id, version: start.version };
  for (const s of steps) {
    const version = c.version;
    const v = await ctx.as(s.by ?? by, s.on, (w) =>
      ctx.cases.step(w, caseType, c.id, s.action, {
        version,
        onDate: s.on.slice(0, 10),
        ...(s.input ? { input: s.input } : {}),
        ...(s.reason ? { reason: s.reason } : {}),
      }),
    );
    c = { id: v.id, version: v.version };
  }
  return c;
}
