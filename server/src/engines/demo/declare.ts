import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";

/** Deterministic random numbers for the demo (same seed, same demo). */
export interface DemoRandom {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
}

export interface DemoContext {
  /** Owner connection inside one transaction per contribution. */
  trx: Transaction<DB>;
  db: Kysely<DB>;
  rng: DemoRandom;
  /** The demo's "now" (fixed, so the demo is the same every time). */
  now: Date;
}

/**
 * A module's part of the demo: records generated (never totals typed in), loaded after
 * the contributions it depends on.
 */
export interface DemoContribution {
  id: string;
  dependsOn?: string[];
  load(ctx: DemoContext): Promise<void>;
}
