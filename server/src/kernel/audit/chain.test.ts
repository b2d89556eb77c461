import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "../canonical-json.ts";
import { ValidationError } from "../errors.ts";
import {
  type AuditEvent,
  type AuditEventInput,
  computeEventHash,
  GENESIS_HASH,
  nextEvent,
  verifyChain,
} from "./chain.ts";

function input(i: number): AuditEventInput {
  return {
    regionCode: "500156",
    chainKey: "case:42",
    occurredAt: `2024-05-01T08:00:${String(i).padStart(2, "0")}.000Z`,
    actorUserId: "7",
    actorUnitId: "3",
    actorName: "张三",
    ip: "10.0.0.1",
    action: "case.update",
    entityType: "case",
    entityId: "42",
    before: { status: `s${i}` },
    after: { status: `s${i + 1}`, note: undefined },
    reason: i === 2 ? "依申请更正" : null,
  };
}

function chain(n: number): AuditEvent[] {
  const out: AuditEvent[] = [];
  for (let i = 1; i <= n; i++) out.push(nextEvent(out.at(-1) ?? null, input(i)));
  return out;
}

describe("computeEventHash", () => {
  it("is lowercase hex SM3 over the canonical JSON of all fields but hash", () => {
    const [e] = chain(1);
    const { hash, ...body } = e!;
    const expected = createHash("sm3")
      .update(canonicalJson({ ...body, after: { status: "s2" } }))
      .digest("hex");
    expect(hash).toBe(expected);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("treats undefined like null and ignores extra properties", () => {
    const [e] = chain(1);
    const withUndefined = { ...e!, reason: undefined as unknown as null, before: undefined };
    const withNull = { ...e!, reason: null, before: null };
    expect(computeEventHash(withUndefined)).toBe(computeEventHash(withNull));
    expect(computeEventHash({ ...e!, id: 99 } as AuditEvent)).toBe(e!.hash);
  });

  it("is independent of key order inside before/after", () => {
    const [e] = chain(1);
    const a = computeEventHash({ ...e!, after: { x: 1, y: { b: 2, a: 1 } } });
    const b = computeEventHash({ ...e!, after: { y: { a: 1, b: 2 }, x: 1 } });
    expect(a).toBe(b);
  });
});

describe("nextEvent", () => {
  it("numbers from 1 and links to the previous hash", () => {
    const events = chain(3);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(events[0]!.prevHash).toBe(GENESIS_HASH);
    expect(events[1]!.prevHash).toBe(events[0]!.hash);
    expect(GENESIS_HASH).toBe("0".repeat(64));
  });

  it("requires occurredAt as ISO 8601 UTC with milliseconds", () => {
    expect(() => nextEvent(null, { ...input(1), occurredAt: "2024-05-01T08:00:00Z" })).toThrow(
      ValidationError,
    );
    expect(() => nextEvent(null, { ...input(1), occurredAt: "2024-05-01 08:00:00.000" })).toThrow(
      /milliseconds/,
    );
  });
});

describe("verifyChain", () => {
  it("accepts an intact chain and returns its head", () => {
    const events = chain(5);
    expect(verifyChain(events)).toEqual({ ok: true, head: { seq: 5, hash: events[4]!.hash } });
    expect(verifyChain([])).toEqual({ ok: true, head: { seq: 0, hash: GENESIS_HASH } });
  });

  it("verifies a tail from a trusted head", () => {
    const events = chain(5);
    expect(verifyChain(events.slice(2), { seq: 2, hash: events[1]!.hash }).ok).toBe(true);
    expect(verifyChain(events.slice(2), { seq: 2, hash: events[0]!.hash })).toMatchObject({
      ok: false,
      kind: "broken_link",
      seq: 3,
    });
  });

  it("detects an edited event", () => {
    const events = chain(5);
    events[2] = { ...events[2]!, after: { status: "forged" } };
    expect(verifyChain(events)).toMatchObject({ ok: false, seq: 3, kind: "edited" });
    const renamed = chain(5);
    renamed[0] = { ...renamed[0]!, actorName: "李四" };
    expect(verifyChain(renamed)).toMatchObject({ ok: false, seq: 1, kind: "edited" });
  });

  it("detects a deleted event (gap) and a deleted first event", () => {
    const events = chain(5);
    const deleted = [...events.slice(0, 2), ...events.slice(3)];
    const r = verifyChain(deleted);
    expect(r).toMatchObject({ ok: false, seq: 3, kind: "gap" });
    if (!r.ok) expect(r.message).toMatch(/seq 3 missing before seq 4/);
    expect(verifyChain(events.slice(1))).toMatchObject({ ok: false, seq: 1, kind: "gap" });
  });

  it("detects an inserted event whose own hash is consistent", () => {
    const events = chain(4);
    // Out-of-band insert at the end: a valid-looking event that does not link.
    const forged = nextEvent({ seq: 4, hash: "a".repeat(64) }, input(9));
    expect(verifyChain([...events, forged])).toMatchObject({
      ok: false,
      seq: 5,
      kind: "broken_link",
    });
    // Insert in the middle and renumber the rest without rehashing: edited.
    const mid = nextEvent(events[1]!, input(8));
    const renumbered = events.slice(2).map((e) => ({ ...e, seq: e.seq + 1 }));
    expect(verifyChain([...events.slice(0, 2), mid, ...renumbered])).toMatchObject({
      ok: false,
      seq: 4,
      kind: "edited",
    });
    // Insert in the middle and rehash its own row only: the next row no longer links.
    const rehashed = [...events.slice(0, 2), mid, ...renumbered].map((e, i) =>
      i === 3 ? { ...e, hash: computeEventHash(e) } : e,
    );
    expect(verifyChain(rehashed)).toMatchObject({ ok: false, seq: 4, kind: "broken_link" });
  });

  it("detects reordering and duplicates", () => {
    const events = chain(5);
    const swapped = [events[0]!, events[2]!, events[1]!, events[3]!, events[4]!];
    expect(verifyChain(swapped)).toMatchObject({ ok: false, kind: "gap", seq: 2 });
    const descending = [events[0]!, events[1]!, events[2]!, events[1]!];
    expect(verifyChain(descending)).toMatchObject({ ok: false, kind: "out_of_order", seq: 2 });
    // Swapping the contents of two rows but keeping their seq numbers: edited.
    const contentSwap = [events[0]!, { ...events[2]!, seq: 2 }, { ...events[1]!, seq: 3 }];
    expect(verifyChain(contentSwap)).toMatchObject({ ok: false, kind: "edited", seq: 2 });
  });

  it("refuses events of several chains", () => {
    const a = chain(2);
    const b = { ...a[1]!, chainKey: "case:43" };
    expect(() => verifyChain([a[0]!, b])).toThrow(/more than one chain/);
  });
});
