import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json.ts";
import { ValidationError } from "./errors.ts";

describe("canonicalJson", () => {
  it("sorts object keys recursively and writes no whitespace", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: "x" } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it("gives the same string whatever the insertion order", () => {
    const a = { seq: 1, hash: "h", nested: { x: 1, y: [1, 2] } };
    const b = { nested: { y: [1, 2], x: 1 }, hash: "h", seq: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
  });

  it("keeps array order", () => {
    expect(canonicalJson([3, 1, 2])).toBe("[3,1,2]");
  });

  it("orders keys by UTF-16 code units (RFC 8785)", () => {
    // U+1F600 is the surrogate pair D83D DE00, which sorts before U+FF01 "！" in UTF-16
    // (code point order would put it last).
    expect(canonicalJson({ b: 1, B: 2, "！": 3, "\u{1F600}": 4, a: 5, 张: 6, "€": 7 })).toBe(
      '{"B":2,"a":5,"b":1,"€":7,"张":6,"\u{1F600}":4,"！":3}',
    );
  });

  it("drops undefined fields, writes undefined array items as null", () => {
    expect(canonicalJson({ a: undefined, b: null, c: [undefined, 1] })).toBe(
      '{"b":null,"c":[null,1]}',
    );
  });

  it("writes numbers and strings as JSON.stringify does", () => {
    expect(canonicalJson([1, 1.5, -0, 1e21, 0.1 + 0.2, 1e-7])).toBe(
      "[1,1.5,0,1e+21,0.30000000000000004,1e-7]",
    );
    expect(canonicalJson('张"三"\n\u0001')).toBe(JSON.stringify('张"三"\n\u0001'));
    expect(canonicalJson(true)).toBe("true");
    expect(canonicalJson(null)).toBe("null");
  });

  it("accepts null-prototype objects", () => {
    const o = Object.create(null) as Record<string, unknown>;
    o.b = 2;
    o.a = 1;
    expect(canonicalJson(o)).toBe('{"a":1,"b":2}');
  });

  it("rejects Dates, naming the path", () => {
    expect(() => canonicalJson({ at: { when: new Date(0) } })).toThrow(/Date at \$\.at\.when/);
    expect(() => canonicalJson(new Date(0))).toThrow(ValidationError);
  });

  it("rejects values with no canonical JSON form", () => {
    for (const bad of [
      Number.NaN,
      Number.POSITIVE_INFINITY,
      10n,
      () => 1,
      Symbol("s"),
      new Map(),
      new Set([1]),
      Buffer.from("x"),
    ]) {
      expect(() => canonicalJson({ v: [bad] }), String(bad)).toThrow(ValidationError);
    }
    expect(() => canonicalJson(undefined)).toThrow(/undefined/);
  });

  it("rejects cycles but allows shared references", () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
    const cyc: Record<string, unknown> = {};
    cyc.self = cyc;
    expect(() => canonicalJson(cyc)).toThrow(/cycle/);
  });
});
