import { createHash, generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "../canonical-json.ts";
import { ValidationError } from "../errors.ts";
import {
  type AnchorPayload,
  anchorDigest,
  checkAnchorLink,
  checkChainsAgainstAnchor,
  nextAnchorPayload,
  signAnchor,
  validateAnchorPayload,
  verifyAnchorSignature,
} from "./anchor.ts";
import { type ChainHead, GENESIS_HASH } from "./chain.ts";

const pem = () =>
  generateKeyPairSync("ec", {
    namedCurve: "SM2",
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });

const h = (c: string) => c.repeat(64);

function first(): AnchorPayload {
  return nextAnchorPayload(null, {
    regionCode: "500156",
    anchoredAt: "2024-05-01T16:00:00.000Z",
    heads: [
      { chainKey: "case:9", seq: 2, hash: h("b") },
      { chainKey: "case:10", seq: 7, hash: h("a") },
      { chainKey: "unit:1", seq: 1, hash: h("c") },
    ],
  });
}

describe("anchor payloads", () => {
  it("sorts heads by chainKey and starts after GENESIS_HASH", () => {
    const p = first();
    expect(p.anchorSeq).toBe(1);
    expect(p.prevAnchorHash).toBe(GENESIS_HASH);
    expect(p.heads.map((x) => x.chainKey)).toEqual(["case:10", "case:9", "unit:1"]);
  });

  it("digests the canonical JSON with SM3", () => {
    const p = first();
    expect(anchorDigest(p)).toBe(createHash("sm3").update(canonicalJson(p)).digest("hex"));
    const reordered = {
      heads: p.heads,
      prevAnchorHash: p.prevAnchorHash,
      anchoredAt: p.anchoredAt,
      anchorSeq: 1,
      regionCode: "500156",
    };
    expect(anchorDigest(reordered)).toBe(anchorDigest(p));
  });

  it("chains anchors of a region", () => {
    const a1 = first();
    const a2 = nextAnchorPayload(a1, {
      regionCode: "500156",
      anchoredAt: "2024-05-02T16:00:00.000Z",
      heads: [],
    });
    expect(a2).toMatchObject({ anchorSeq: 2, prevAnchorHash: anchorDigest(a1) });
    expect(checkAnchorLink(null, a1)).toEqual({ ok: true });
    expect(checkAnchorLink(a1, a2)).toEqual({ ok: true });
    const forged = { ...a1, heads: a1.heads.slice(1) };
    expect(checkAnchorLink(forged, a2)).toMatchObject({ ok: false });
    expect(checkAnchorLink(a2, a2)).toMatchObject({ ok: false, message: /follows/ });
    expect(() =>
      nextAnchorPayload(a1, { regionCode: "500101", anchoredAt: a2.anchoredAt, heads: [] }),
    ).toThrow(ValidationError);
  });

  it("rejects malformed payloads", () => {
    const p = first();
    expect(() => validateAnchorPayload({ ...p, heads: [...p.heads].reverse() })).toThrow(/sorted/);
    expect(() => validateAnchorPayload({ ...p, heads: [p.heads[0]!, p.heads[0]!] })).toThrow(
      /unique/,
    );
    expect(() => validateAnchorPayload({ ...p, anchorSeq: 0 })).toThrow(/anchorSeq/);
    expect(() => validateAnchorPayload({ ...p, prevAnchorHash: h("1") })).toThrow(/GENESIS/);
    expect(() => validateAnchorPayload({ ...p, anchoredAt: "yesterday" })).toThrow(/anchoredAt/);
    expect(() =>
      validateAnchorPayload({ ...p, heads: [{ chainKey: "x", seq: 1, hash: "abc" }] }),
    ).toThrow(/64 hex/);
  });
});

describe("SM2 signatures", () => {
  const keys = pem();

  it("round-trips", () => {
    const p = first();
    const sig = signAnchor(p, keys.privateKey);
    expect(sig).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(verifyAnchorSignature(p, sig, keys.publicKey)).toBe(true);
  });

  it("detects a tampered payload, signature or key", () => {
    const p = first();
    const sig = signAnchor(p, keys.privateKey);
    const tampered = { ...p, heads: p.heads.map((x, i) => (i === 1 ? { ...x, hash: h("d") } : x)) };
    expect(verifyAnchorSignature(tampered, sig, keys.publicKey)).toBe(false);
    expect(
      verifyAnchorSignature({ ...p, anchoredAt: "2024-05-01T16:00:01.000Z" }, sig, keys.publicKey),
    ).toBe(false);
    const bytes = Buffer.from(sig, "base64");
    bytes[bytes.length - 1]! ^= 1;
    expect(verifyAnchorSignature(p, bytes.toString("base64"), keys.publicKey)).toBe(false);
    expect(verifyAnchorSignature(p, "not base64!", keys.publicKey)).toBe(false);
    expect(verifyAnchorSignature(p, sig, pem().publicKey)).toBe(false);
    // A payload that is no longer well-formed verifies false rather than throwing.
    expect(
      verifyAnchorSignature({ ...p, heads: [...p.heads].reverse() }, sig, keys.publicKey),
    ).toBe(false);
  });

  it("refuses non-SM2 keys", () => {
    const p256 = generateKeyPairSync("ec", {
      namedCurve: "prime256v1",
      publicKeyEncoding: { type: "spki", format: "pem" },
      privateKeyEncoding: { type: "pkcs8", format: "pem" },
    });
    expect(() => signAnchor(first(), p256.privateKey)).toThrow(/not an SM2 key/);
    expect(() => verifyAnchorSignature(first(), "AAAA", p256.publicKey)).toThrow(ValidationError);
  });
});

describe("checkChainsAgainstAnchor", () => {
  const anchor = first();
  const now = () =>
    new Map<string, ChainHead>(anchor.heads.map((x) => [x.chainKey, { seq: x.seq, hash: x.hash }]));

  it("accepts unchanged chains", () => {
    expect(checkChainsAgainstAnchor(anchor, now())).toEqual({ ok: true });
  });

  it("reports a missing chain as deleted", () => {
    const m = now();
    m.delete("case:9");
    expect(checkChainsAgainstAnchor(anchor, m)).toMatchObject({
      ok: false,
      chainKey: "case:9",
      kind: "deleted",
    });
  });

  it("reports a truncated chain as deleted", () => {
    const m = now();
    m.set("case:10", { seq: 5, hash: h("e") });
    expect(checkChainsAgainstAnchor(anchor, m)).toMatchObject({
      ok: false,
      chainKey: "case:10",
      kind: "deleted",
    });
  });

  it("reports a different hash at the anchored seq as rewritten", () => {
    const m = now();
    m.set("unit:1", { seq: 1, hash: h("f") });
    const r = checkChainsAgainstAnchor(anchor, m);
    expect(r).toMatchObject({ ok: false, chainKey: "unit:1", kind: "rewritten" });
  });

  it("reports the first mismatch in chainKey order", () => {
    const m = now();
    m.delete("unit:1");
    m.set("case:10", { seq: 7, hash: h("0") });
    expect(checkChainsAgainstAnchor(anchor, m)).toMatchObject({
      chainKey: "case:10",
      kind: "rewritten",
    });
  });

  it("refuses a head past the anchored seq (caller must pass the event at that seq)", () => {
    const m = now();
    m.set("case:9", { seq: 3, hash: h("9") });
    expect(() => checkChainsAgainstAnchor(anchor, m)).toThrow(ValidationError);
  });
});
