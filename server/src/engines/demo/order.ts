import type { DemoContribution } from "./declare.ts";

/** A demo whose contributions cannot be ordered: a missing or cyclic dependency. */
export class DemoOrderError extends Error {
  override name = "DemoOrderError";
}

/**
 * The contributions in an order where each comes after those it depends on; among
 * those ready at the same time, the registry's order (so the order is stable).
 * Refuses, by name, a dependency no module provides and a cycle.
 */
export function orderContributions(list: readonly DemoContribution[]): DemoContribution[] {
  const byId = new Map(list.map((c) => [c.id, c]));
  for (const c of list) {
    for (const d of c.dependsOn ?? []) {
      if (!byId.has(d)) {
        throw new DemoOrderError(
          `demo contribution "${c.id}" depends on "${d}", which no module provides`,
        );
      }
      if (d === c.id) throw new DemoOrderError(`demo contribution "${c.id}" depends on itself`);
    }
  }
  const done = new Set<string>();
  const out: DemoContribution[] = [];
  while (out.length < list.length) {
    const next = list.find((c) => !done.has(c.id) && (c.dependsOn ?? []).every((d) => done.has(d)));
    if (!next)
      throw new DemoOrderError(`demo contributions depend on each other: ${cycleOf(list, done)}`);
    done.add(next.id);
    out.push(next);
  }
  return out;
}

/** One cycle among the contributions not yet ordered, as "a → b → a". */
function cycleOf(list: readonly DemoContribution[], done: Set<string>): string {
  const left = new Map(list.filter((c) => !done.has(c.id)).map((c) => [c.id, c]));
  // Every remaining contribution waits for a remaining one: walk until a repeat.
  let id = [...left.keys()][0]!;
  const path: string[] = [];
  while (!path.includes(id)) {
    path.push(id);
    id = (left.get(id)!.dependsOn ?? []).find((d) => left.has(d))!;
  }
  return [...path.slice(path.indexOf(id)), id].join(" → ");
}
