import { createHash } from "node:crypto";
import { demoRng } from "../../kernel/codes/demo-rng.ts";
import type { DemoRandom } from "./declare.ts";

/** A 32-bit seed from a text seed (SHA-256, first four bytes). */
export function seedNumber(text: string): number {
  return createHash("sha256").update(text, "utf8").digest().readUInt32BE(0);
}

/** The demo's random numbers for one contribution: the same seed and id, the same numbers. */
export function demoRandom(seed: string, contributionId: string): DemoRandom {
  const r = demoRng(seedNumber(`${seed}\u0000${contributionId}`));
  const int = (min: number, max: number): number => {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new RangeError(`int(${min}, ${max}): need integers with min ≤ max`);
    }
    return min + r.int(max - min + 1);
  };
  return {
    next: r.next,
    int,
    pick: r.pick,
    chance: (p) => r.next() < p,
    shuffle: <T>(items: readonly T[]): T[] => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = r.int(i + 1);
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
  };
}
