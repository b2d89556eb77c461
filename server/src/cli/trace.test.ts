import { describe, expect, it } from "vitest";
import { traceLine, traceStart } from "./trace.ts";

describe("FAZHI_TRACE_START", () => {
  it("prints nothing unless FAZHI_TRACE_START=1", () => {
    const lines: string[] = [];
    traceStart("database open", {}, (l) => lines.push(l));
    traceStart("database open", { FAZHI_TRACE_START: "0" }, (l) => lines.push(l));
    expect(lines).toEqual([]);
  });

  it("prints each mark's time since the process started and since the previous mark", () => {
    const lines: string[] = [];
    const env = { FAZHI_TRACE_START: "1" };
    traceStart("command line loaded", env, (l) => lines.push(l));
    traceStart("listening", env, (l) => lines.push(l));
    expect(lines).toHaveLength(2);
    const parse = (l: string) => /^fazhi start: +(\d+) ms {2}\(\+ *(\d+)\) {2}(.+)\n$/.exec(l);
    const [a, b] = lines.map(parse);
    expect(a?.[3]).toBe("command line loaded");
    expect(b?.[3]).toBe("listening");
    expect(Number(b![1])).toBeGreaterThanOrEqual(Number(a![1]));
    // Each figure rounded on its own: the step's own time within 1 ms of the difference.
    expect(Math.abs(Number(b![2]) - (Number(b![1]) - Number(a![1])))).toBeLessThanOrEqual(1);
  });

  it("lays a line out as milliseconds, the step's own, and the label", () => {
    expect(traceLine("database open", 1840.4, 1220)).toBe(
      "fazhi start:   1840 ms  (+   620)  database open\n",
    );
  });
});
