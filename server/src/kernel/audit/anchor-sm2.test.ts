/**
 * Pins what Node's crypto does with SM2 keys, independently of OpenSSL: a small BigInt
 * SM2 verifier (GB/T 32918.2-2016 §7, curve of GB/T 32918.5) checks the signatures
 * signAnchor produces. If a Node/OpenSSL upgrade changes the user ID used in Z_A or
 * silently switches to ECDSA, this test fails before anchors become unverifiable.
 */
import { createHash, createPublicKey, generateKeyPairSync, sign } from "node:crypto";
import { describe, expect, it } from "vitest";
import { anchorBytes, nextAnchorPayload, signAnchor } from "./anchor.ts";

const P = BigInt("0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFF");
const A = P - 3n;
const B = BigInt("0x28E9FA9E9D9F5E344D5A9E4BCF6509A7F39789F515AB8F92DDBCBD414D940E93");
const N = BigInt("0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123");
const G: Pt = [
  BigInt("0x32C4AE2C1F1981195F9904466A39C9948FE30BBFF2660BE1715A4589334C74C7"),
  BigInt("0xBC3736A2F4F6779C59BDCEE36B692153D0A9877CC62A474002DF32E52139F0A0"),
];
type Pt = [bigint, bigint] | null;

const mod = (x: bigint, m: bigint) => ((x % m) + m) % m;
function inv(x: bigint, m: bigint): bigint {
  let [a, b, u, v] = [mod(x, m), m, 1n, 0n];
  while (b) {
    const q = a / b;
    [a, b, u, v] = [b, a - q * b, v, u - q * v];
  }
  return mod(u, m);
}
function add(p: Pt, q: Pt): Pt {
  if (!p) return q;
  if (!q) return p;
  if (p[0] === q[0] && mod(p[1] + q[1], P) === 0n) return null;
  const l =
    p[0] === q[0]
      ? mod((3n * p[0] * p[0] + A) * inv(2n * p[1], P), P)
      : mod((q[1] - p[1]) * inv(q[0] - p[0], P), P);
  const x = mod(l * l - p[0] - q[0], P);
  return [x, mod(l * (p[0] - x) - p[1], P)];
}
function mul(k: bigint, p: Pt): Pt {
  let r: Pt = null;
  for (let a = p; k > 0n; k >>= 1n, a = add(a, a)) if (k & 1n) r = add(r, a);
  return r;
}
const be = (x: bigint) => Buffer.from(x.toString(16).padStart(64, "0"), "hex");
const sm3 = (...parts: Buffer[]) => {
  const h = createHash("sm3");
  for (const p of parts) h.update(p);
  return h.digest();
};
const int = (b: Buffer) => BigInt(`0x${b.toString("hex") || "0"}`);

function parseDer(sig: Buffer): [bigint, bigint] {
  let i = sig[1]! & 0x80 ? 2 + (sig[1]! & 0x7f) : 2;
  const rl = sig[i + 1]!;
  const r = int(sig.subarray(i + 2, i + 2 + rl));
  i += 2 + rl;
  const sl = sig[i + 1]!;
  return [r, int(sig.subarray(i + 2, i + 2 + sl))];
}

function sm2Verify(msg: Buffer, sig: Buffer, publicKeyPem: string, userId: Buffer): boolean {
  const der = createPublicKey(publicKeyPem).export({ type: "spki", format: "der" });
  const raw = der.subarray(der.length - 64);
  const pa: Pt = [int(raw.subarray(0, 32)), int(raw.subarray(32))];
  const entl = Buffer.from([(userId.length * 8) >> 8, (userId.length * 8) & 0xff]);
  const z = sm3(entl, userId, be(A), be(B), be(G![0]), be(G![1]), be(pa[0]), be(pa[1]));
  const e = int(sm3(z, msg));
  const [r, s] = parseDer(sig);
  if (r < 1n || r >= N || s < 1n || s >= N) return false;
  const t = mod(r + s, N);
  if (t === 0n) return false;
  const pt = add(mul(s, G), mul(t, pa));
  return pt !== null && mod(e + pt[0], N) === r;
}

describe("SM2 as Node does it (pinned)", () => {
  const keys = generateKeyPairSync("ec", {
    namedCurve: "SM2",
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  const payload = nextAnchorPayload(null, {
    regionCode: "500156",
    anchoredAt: "2024-05-01T16:00:00.000Z",
    heads: [{ chainKey: "case:1", seq: 1, hash: "e".repeat(64) }],
  });

  it("signAnchor is GB/T 32918.2 SM2 with SM3 and an empty user ID", () => {
    const sig = Buffer.from(signAnchor(payload, keys.privateKey), "base64");
    expect(sm2Verify(anchorBytes(payload), sig, keys.publicKey, Buffer.alloc(0))).toBe(true);
    expect(
      sm2Verify(anchorBytes(payload), sig, keys.publicKey, Buffer.from("1234567812345678")),
    ).toBe(false);
  });

  it("raw KeyObjects from generateKeyPairSync sign something else (the pitfall)", () => {
    const raw = generateKeyPairSync("ec", { namedCurve: "SM2" });
    const pub = raw.publicKey.export({ type: "spki", format: "pem" }) as string;
    const sig = sign("sm3", anchorBytes(payload), raw.privateKey);
    expect(sm2Verify(anchorBytes(payload), sig, pub, Buffer.alloc(0))).toBe(false);
    expect(() =>
      signAnchor(payload, raw.privateKey.export({ type: "pkcs8", format: "pem" }) as string),
    ).not.toThrow();
  });
});
