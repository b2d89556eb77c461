import { describe, expect, it } from "vitest";
import type { DemoContribution } from "./declare.ts";
import { DemoOrderError, orderContributions } from "./order.ts";
import { demoRandom, seedNumber } from "./random.ts";

const c = (id: string, ...dependsOn: string[]): DemoContribution => ({
  id,
  dependsOn,
  load: async () => undefined,
});

describe("orderContributions", () => {
  it("puts each contribution after its dependencies, else keeps the registry's order", () => {
    const order = orderContributions([
      c("cases", "registers"),
      c("directory"),
      c("registers", "directory"),
      c("other"),
    ]);
    expect(order.map((x) => x.id)).toEqual(["directory", "registers", "cases", "other"]);
  });

  it("names a missing dependency", () => {
    expect(() => orderContributions([c("cases", "nope")])).toThrow(
      new DemoOrderError('demo contribution "cases" depends on "nope", which no module provides'),
    );
  });

  it("names a cycle", () => {
    expect(() => orderContributions([c("x"), c("a", "c"), c("b", "a"), c("c", "b")])).toThrow(
      /depend on each other: a → c → b → a/,
    );
    expect(() => orderContributions([c("a", "a")])).toThrow(/depends on itself/);
  });
});

describe("demoRandom", () => {
  it("is the same for the same seed and contribution, different otherwise", () => {
    const draw = (seed: string, id: string) => {
      const r = demoRandom(seed, id);
      return [r.int(1, 6), r.int(1, 6), r.next(), r.shuffle([1, 2, 3, 4, 5]).join("")];
    };
    expect(draw("s", "a")).toEqual(draw("s", "a"));
    expect(draw("s", "a")).not.toEqual(draw("s", "b"));
    expect(draw("s", "a")).not.toEqual(draw("t", "a"));
    expect(seedNumber("wulong-2020")).toBe(seedNumber("wulong-2020"));
  });

  it("draws integers in [min, max]", () => {
    const r = demoRandom("s", "ints");
    const seen = new Set<number>();
    for (let i = 0; i < 500; i++) seen.add(r.int(3, 5));
    expect([...seen].sort()).toEqual([3, 4, 5]);
    expect(() => r.int(2, 1)).toThrow(RangeError);
  });
});
