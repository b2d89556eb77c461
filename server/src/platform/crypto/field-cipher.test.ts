import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  blindIndex,
  decryptField,
  encryptField,
  FieldCipherError,
  isEncryptedField,
} from "./field-cipher.ts";

const key = randomBytes(16);

describe("encryptField / decryptField (SM4-CBC + HMAC-SM3)", () => {
  it("round-trips ID numbers, phones, empty and non-ASCII strings", () => {
    for (const s of [
      "500156199007150251",
      "13812345678",
      "",
      "张三 · 重庆市武隆区",
      "x".repeat(1000),
    ]) {
      const c = encryptField(key, s);
      expect(c).toMatch(/^sm4:v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
      expect(isEncryptedField(c)).toBe(true);
      expect(c).not.toContain(s || "\u0000");
      expect(decryptField(key, c)).toBe(s);
    }
  });

  it("uses a fresh IV each time", () => {
    const a = encryptField(key, "500156199007150251");
    const b = encryptField(key, "500156199007150251");
    expect(a).not.toBe(b);
    expect(a.split(":")[2]).not.toBe(b.split(":")[2]);
  });

  it("rejects tampered values with a clear error", () => {
    const c = encryptField(key, "500156199007150251");
    const [p, v, iv, ct, tag] = c.split(":") as [string, string, string, string, string];
    const ctBytes = Buffer.from(ct, "base64");
    ctBytes[0]! ^= 1;
    const ivBytes = Buffer.from(iv, "base64");
    ivBytes[3]! ^= 0x80;
    const cases = [
      [p, v, iv, ctBytes.toString("base64"), tag].join(":"),
      [p, v, ivBytes.toString("base64"), ct, tag].join(":"),
      [p, v, iv, ct, Buffer.alloc(32).toString("base64")].join(":"),
    ];
    for (const bad of cases) {
      expect(() => decryptField(key, bad)).toThrow(FieldCipherError);
      expect(() => decryptField(key, bad)).toThrow(/integrity check failed/);
    }
  });

  it("rejects garbled values with a clear error", () => {
    const c = encryptField(key, "13812345678");
    expect(() => decryptField(key, "13812345678")).toThrow(/not an "sm4:v1:" value/);
    expect(() => decryptField(key, "sm4:v1:abc")).toThrow(/garbled/);
    expect(() => decryptField(key, `${c}:extra`)).toThrow(/garbled/);
    expect(() => decryptField(key, c.replace(/:([^:]+)$/, ":%%%"))).toThrow(/garbled/);
    expect(() => decryptField(key, c.replace(/^sm4:v1:[^:]+/, "sm4:v1:AAAA"))).toThrow(/length/);
  });

  it("fails with the wrong key or context", () => {
    const c = encryptField(key, "13812345678", "person.phone");
    expect(decryptField(key, c, "person.phone")).toBe("13812345678");
    expect(() => decryptField(key, c)).toThrow(/wrong context/);
    expect(() => decryptField(key, c, "person.id_number")).toThrow(FieldCipherError);
    expect(() => decryptField(randomBytes(16), c, "person.phone")).toThrow(/wrong key/);
  });

  it("requires a 16-byte key", () => {
    expect(() => encryptField(randomBytes(32), "x")).toThrow(/16-byte/);
    expect(() => blindIndex(Buffer.alloc(8), "x")).toThrow(/16-byte/);
  });
});

describe("blindIndex", () => {
  it("is deterministic per key and context, and hides the value", () => {
    const a = blindIndex(key, "500156199007150251", "id_number");
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(blindIndex(key, "500156199007150251", "id_number")).toBe(a);
    expect(blindIndex(key, "500156199007150252", "id_number")).not.toBe(a);
    expect(blindIndex(key, "500156199007150251", "phone")).not.toBe(a);
    expect(blindIndex(randomBytes(16), "500156199007150251", "id_number")).not.toBe(a);
  });
});
