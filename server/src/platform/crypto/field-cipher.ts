/**
 * SM4 encryption of ID and phone numbers at rest (GB/T 22239-2019 8.1.4.8 b) [S]:
 * 重要个人信息 kept confidential in storage by 密码技术; 8.1.4.7 b): integrity by
 * 校验技术或密码技术; 个人信息保护法 art. 51 [P]: 加密).
 *
 * Format: `sm4:v1:<iv b64>:<ciphertext b64>:<tag b64>`
 * - SM4-CBC (GB/T 32907-2016) with PKCS#7 padding under the 16-byte field key, a
 *   random 16-byte IV per value: createCipheriv("sm4-cbc", key, iv);
 * - tag = HMAC-SM3 (encrypt-then-MAC) under a MAC key derived from the field key, over
 *   "sm4:v1:<iv b64>:<ciphertext b64>" and the optional context string. CBC alone does
 *   not detect tampering (a flipped bit decrypts to garbage or a padding error at
 *   best), hence the tag; Node 20 has no SM4-GCM.
 * - `context` binds a value to where it belongs (e.g. "person.id_number"), so a
 *   ciphertext copied into another column fails to decrypt. Use the same context to
 *   encrypt and decrypt.
 *
 * blindIndex = HMAC-SM3 under another derived key, so equal values can be looked up
 * without decrypting. Normalise first (e.g. ID: trim + uppercase X; phone: digits).
 *
 * Derived keys: HKDF-SM3 (RFC 5869 with SM3) of the field key with distinct info labels.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from "node:crypto";

const PREFIX = "sm4:v1:";
const B64 = /^[A-Za-z0-9+/]+={0,2}$/;

export class FieldCipherError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FieldCipherError";
  }
}

function checkKey(key: Buffer): void {
  if (!Buffer.isBuffer(key) || key.length !== 16) {
    throw new FieldCipherError("the field key must be a 16-byte Buffer (SM4 key)");
  }
}

function derive(key: Buffer, label: string): Buffer {
  return Buffer.from(hkdfSync("sm3", key, Buffer.alloc(0), `fazhi/field-cipher/v1/${label}`, 32));
}

function tag(key: Buffer, head: string, context: string): Buffer {
  const mac = createHmac("sm3", derive(key, "mac"));
  mac.update(head, "utf8");
  mac.update(Buffer.from([0]));
  mac.update(context, "utf8");
  return mac.digest();
}

export function encryptField(key: Buffer, plaintext: string, context = ""): string {
  checkKey(key);
  const iv = randomBytes(16);
  const cipher = createCipheriv("sm4-cbc", key, iv);
  const ct = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const head = `${PREFIX}${iv.toString("base64")}:${ct.toString("base64")}`;
  return `${head}:${tag(key, head, context).toString("base64")}`;
}

/** True if the string looks like an encrypted field (does not check the tag). */
export function isEncryptedField(s: string): boolean {
  return s.startsWith(PREFIX);
}

export function decryptField(key: Buffer, s: string, context = ""): string {
  checkKey(key);
  if (!s.startsWith(PREFIX)) {
    throw new FieldCipherError('encrypted field: not an "sm4:v1:" value');
  }
  const parts = s.slice(PREFIX.length).split(":");
  if (parts.length !== 3 || !parts.every((p) => B64.test(p))) {
    throw new FieldCipherError(
      "encrypted field: garbled (expected sm4:v1:<iv>:<ciphertext>:<tag>)",
    );
  }
  const [ivB64, ctB64, tagB64] = parts as [string, string, string];
  const iv = Buffer.from(ivB64, "base64");
  const ct = Buffer.from(ctB64, "base64");
  const given = Buffer.from(tagB64, "base64");
  if (iv.length !== 16 || ct.length === 0 || ct.length % 16 !== 0 || given.length !== 32) {
    throw new FieldCipherError("encrypted field: garbled (wrong IV, ciphertext or tag length)");
  }
  const expected = tag(key, `${PREFIX}${ivB64}:${ctB64}`, context);
  if (!timingSafeEqual(given, expected)) {
    throw new FieldCipherError(
      "encrypted field: integrity check failed (tampered value, wrong key or wrong context)",
    );
  }
  try {
    const decipher = createDecipheriv("sm4-cbc", key, iv);
    return Buffer.concat([decipher.update(ct), decipher.final()]).toString("utf8");
  } catch {
    throw new FieldCipherError("encrypted field: decryption failed despite a valid tag");
  }
}

/** Lowercase hex HMAC-SM3 of the plaintext (with context) for equality lookups. */
export function blindIndex(key: Buffer, plaintext: string, context = ""): string {
  checkKey(key);
  const mac = createHmac("sm3", derive(key, "blind-index"));
  mac.update(context, "utf8");
  mac.update(Buffer.from([0]));
  mac.update(plaintext, "utf8");
  return mac.digest("hex");
}
