/**
 * Region anchors: a signed statement "at anchoredAt, these audit chains of this region
 * had these heads". Anchors form their own chain (prevAnchorHash = anchorDigest of the
 * previous anchor; GENESIS_HASH for anchorSeq 1) and are signed with SM2 by a key kept
 * outside the database (platform/crypto/keys.ts), so a database writer who rewrites a
 * whole chain tail is still caught: the anchored head no longer matches.
 *
 * Crypto, verified on Node 20.20 / OpenSSL 3.0 (see anchor-sm2.test.ts):
 * - keys: generateKeyPairSync("ec", { namedCurve: "SM2", publicKeyEncoding: { type:
 *   "spki", format: "pem" }, privateKeyEncoding: { type: "pkcs8", format: "pem" } });
 * - sign("sm3", data, privateKeyPem) and verify("sm3", data, publicKeyPem, signature)
 *   with PEM STRINGS (or KeyObjects made from PEM by createPrivateKey/createPublicKey).
 *   That is the SM2 signature of GB/T 32918.2-2016 with SM3, DER-encoded (r, s), where
 *   OpenSSL computes Z_A with an EMPTY user ID (ENTL = 0), not the GM/T 0009-2012
 *   default "1234567812345678": external verifiers must be told to use an empty ID.
 * - PITFALL: the KeyObjects returned by generateKeyPairSync without encodings sign
 *   ECDSA-with-SM3 on the SM2 curve, which SM2 verifiers reject. This module only takes
 *   PEM strings and refuses keys Node reports as "ec"/"rsa"/... (Node 20 reports an SM2
 *   key loaded from PEM with asymmetricKeyType undefined).
 *
 * Basis: GB/T 22239-2019 8.1.4.3 c), 8.1.4.7 [S]; GB/T 32918.2-2016 (SM2 signatures),
 * GB/T 32905-2016 (SM3).
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  type KeyObject,
  sign,
  verify,
} from "node:crypto";
import { canonicalJson } from "../canonical-json.ts";
import { ValidationError } from "../errors.ts";
import { type ChainHead, GENESIS_HASH } from "./chain.ts";

export const ANCHOR_SIGNATURE_ALGORITHM = "SM2-SM3 (GB/T 32918.2, DER r||s, empty user ID)";

export interface AnchorHead {
  chainKey: string;
  seq: number;
  hash: string;
}

export interface AnchorPayload {
  regionCode: string;
  /** 1-based, per region. */
  anchorSeq: number;
  /** ISO 8601 UTC. */
  anchoredAt: string;
  /** anchorDigest of the previous anchor, GENESIS_HASH for anchorSeq 1. */
  prevAnchorHash: string;
  /** Sorted by chainKey (UTF-16 code unit order, as canonical JSON sorts keys), unique. */
  heads: AnchorHead[];
}

const HEX64 = /^[0-9a-f]{64}$/;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Throws a ValidationError naming the first problem. */
export function validateAnchorPayload(p: AnchorPayload): void {
  if (!Number.isInteger(p.anchorSeq) || p.anchorSeq < 1) {
    throw new ValidationError(`anchorSeq must be a positive integer, got ${p.anchorSeq}`);
  }
  if (!ISO_UTC.test(p.anchoredAt)) {
    throw new ValidationError(`anchoredAt must be ISO 8601 UTC, got "${p.anchoredAt}"`);
  }
  if (!HEX64.test(p.prevAnchorHash)) {
    throw new ValidationError("prevAnchorHash must be 64 lowercase hex characters");
  }
  if (p.anchorSeq === 1 && p.prevAnchorHash !== GENESIS_HASH) {
    throw new ValidationError(
      "the first anchor of a region must have prevAnchorHash = GENESIS_HASH",
    );
  }
  p.heads.forEach((h, i) => {
    if (!Number.isInteger(h.seq) || h.seq < 1 || !HEX64.test(h.hash)) {
      throw new ValidationError(`anchor head ${h.chainKey}: seq must be ≥ 1 and hash 64 hex`);
    }
    const prev = p.heads[i - 1];
    if (prev && compareKeys(prev.chainKey, h.chainKey) >= 0) {
      throw new ValidationError(
        `anchor heads must be sorted by chainKey and unique at ${h.chainKey}`,
      );
    }
  });
}

/** The next anchor of a region: heads sorted, anchorSeq and prevAnchorHash filled in. */
export function nextAnchorPayload(
  prev: AnchorPayload | null,
  input: { regionCode: string; anchoredAt: string; heads: readonly AnchorHead[] },
): AnchorPayload {
  if (prev && prev.regionCode !== input.regionCode) {
    throw new ValidationError(
      `previous anchor is of region ${prev.regionCode}, not ${input.regionCode}`,
    );
  }
  const payload: AnchorPayload = {
    regionCode: input.regionCode,
    anchorSeq: prev ? prev.anchorSeq + 1 : 1,
    anchoredAt: input.anchoredAt,
    prevAnchorHash: prev ? anchorDigest(prev) : GENESIS_HASH,
    heads: input.heads
      .map((h) => ({ chainKey: h.chainKey, seq: h.seq, hash: h.hash }))
      .sort((a, b) => compareKeys(a.chainKey, b.chainKey)),
  };
  validateAnchorPayload(payload);
  return payload;
}

/** The bytes that are hashed and signed: UTF-8 canonical JSON of the payload. */
export function anchorBytes(p: AnchorPayload): Buffer {
  validateAnchorPayload(p);
  const { regionCode, anchorSeq, anchoredAt, prevAnchorHash, heads } = p;
  const clean = {
    regionCode,
    anchorSeq,
    anchoredAt,
    prevAnchorHash,
    heads: heads.map((h) => ({ chainKey: h.chainKey, seq: h.seq, hash: h.hash })),
  };
  return Buffer.from(canonicalJson(clean), "utf8");
}

/** Lowercase hex SM3 of the canonical JSON. */
export function anchorDigest(p: AnchorPayload): string {
  return createHash("sm3").update(anchorBytes(p)).digest("hex");
}

function sm2Key(key: KeyObject, what: string): KeyObject {
  const type = key.asymmetricKeyType as string | undefined;
  if (type !== undefined && type !== "sm2") {
    throw new ValidationError(
      `${what} is a ${type} key, not an SM2 key loaded from PEM (an "ec" KeyObject would sign ECDSA, not SM2)`,
    );
  }
  return key;
}

/** SM2 signature (base64 of DER) over the canonical JSON of the payload. */
export function signAnchor(p: AnchorPayload, privateKeyPem: string): string {
  const key = sm2Key(createPrivateKey(privateKeyPem), "anchor signing key");
  return sign("sm3", anchorBytes(p), key).toString("base64");
}

/** True iff the signature is a valid SM2 signature of this payload under this key. */
export function verifyAnchorSignature(
  p: AnchorPayload,
  signatureBase64: string,
  publicKeyPem: string,
): boolean {
  const key = sm2Key(createPublicKey(publicKeyPem), "anchor public key");
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(signatureBase64)) return false;
  try {
    return verify("sm3", anchorBytes(p), key, Buffer.from(signatureBase64, "base64"));
  } catch {
    return false;
  }
}

/** The link between two consecutive anchors of one region. */
export function checkAnchorLink(
  prev: AnchorPayload | null,
  next: AnchorPayload,
): { ok: true } | { ok: false; message: string } {
  const seq = prev ? prev.anchorSeq + 1 : 1;
  const hash = prev ? anchorDigest(prev) : GENESIS_HASH;
  if (next.anchorSeq !== seq) {
    return { ok: false, message: `anchor ${next.anchorSeq} follows anchor ${seq - 1}` };
  }
  if (prev && prev.regionCode !== next.regionCode) {
    return {
      ok: false,
      message: `anchor ${seq} is of region ${next.regionCode}, not ${prev.regionCode}`,
    };
  }
  if (next.prevAnchorHash !== hash) {
    return { ok: false, message: `anchor ${seq}: prevAnchorHash does not match anchor ${seq - 1}` };
  }
  return { ok: true };
}

export type AnchorCheck =
  | { ok: true }
  | { ok: false; chainKey: string; kind: "deleted" | "rewritten"; message: string };

/**
 * Every head listed in the anchor must still be in the database with the same hash at
 * that seq. `chainHeadsNow` maps chainKey → the stored event at the anchored seq
 * ({ seq, hash }); if the chain is now shorter, pass its current head (seq lower than
 * anchored: reported as deleted). A missing chain is "deleted", a different hash
 * "rewritten". The first mismatch (in chainKey order) is reported.
 */
export function checkChainsAgainstAnchor(
  anchor: AnchorPayload,
  chainHeadsNow: ReadonlyMap<string, ChainHead>,
): AnchorCheck {
  const where = `anchor ${anchor.regionCode}#${anchor.anchorSeq}`;
  for (const h of anchor.heads) {
    const now = chainHeadsNow.get(h.chainKey);
    if (!now) {
      return {
        ok: false,
        chainKey: h.chainKey,
        kind: "deleted",
        message: `chain ${h.chainKey} in ${where} no longer exists`,
      };
    }
    if (now.seq > h.seq) {
      throw new ValidationError(
        `chain ${h.chainKey}: pass the stored event at the anchored seq ${h.seq}, not seq ${now.seq}`,
      );
    }
    if (now.seq < h.seq) {
      return {
        ok: false,
        chainKey: h.chainKey,
        kind: "deleted",
        message: `chain ${h.chainKey} ends at seq ${now.seq}, but ${where} records seq ${h.seq}`,
      };
    }
    if (now.hash !== h.hash) {
      return {
        ok: false,
        chainKey: h.chainKey,
        kind: "rewritten",
        message: `chain ${h.chainKey} seq ${h.seq} has hash ${now.hash}, but ${where} records ${h.hash}`,
      };
    }
  }
  return { ok: true };
}
