/**
 * Key material kept OUTSIDE the database, in a key directory given by the caller
 * (GB/T 22239-2019 8.1.4.8 [S]: 密码技术 for confidentiality; the anchor key must not be
 * reachable by whoever holds the database, or anchors prove nothing).
 *
 * Files (directory created with mode 0700 if missing):
 * - anchor-signing.key  SM2 private key, PKCS#8 PEM, mode 0600
 * - anchor-signing.pub  SM2 public key, SPKI PEM (publish it with the anchors)
 * - field.key           SM4 key for field encryption: 16 bytes (SM4 has a 128-bit key,
 *                       GB/T 32907-2016) as 32 lowercase hex characters, mode 0600
 *
 * Files are created atomically (written to a temporary name, then hard-linked into
 * place, which fails if another process got there first; the loser reads the winner's
 * key). A private key file readable by group or others is refused on POSIX systems.
 * Rotation is not handled here: a new key means a new directory or a new file name.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  sign,
  verify,
} from "node:crypto";
import { chmod, link, mkdir, readFile, stat, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";

export const SIGNING_KEY_FILE = "anchor-signing.key";
export const SIGNING_PUB_FILE = "anchor-signing.pub";
export const FIELD_KEY_FILE = "field.key";

export interface SigningKey {
  privateKeyPem: string;
  publicKeyPem: string;
  /** Lowercase hex SM3 of the public key's DER (SPKI); store it beside each signature. */
  fingerprint: string;
  /** True if this call created the key. */
  created: boolean;
}

export class KeyFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "KeyFileError";
  }
}

const isErrno = (e: unknown, code: string): boolean =>
  typeof e === "object" && e !== null && (e as { code?: unknown }).code === code;

async function readIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, "utf8");
  } catch (e) {
    if (isErrno(e, "ENOENT")) return null;
    throw e;
  }
}

/** Refuse a secret file that group or others can read or write (like ssh does). */
async function assertPrivate(path: string): Promise<void> {
  if (process.platform === "win32") return;
  const { mode } = await stat(path);
  if ((mode & 0o077) !== 0) {
    throw new KeyFileError(
      `${path} has mode ${(mode & 0o777).toString(8)}; it must be readable by the owner only (chmod 600 ${path})`,
    );
  }
}

/** Create `path` with `content` unless it exists; true if this call created it. */
async function createExclusive(path: string, content: string, mode: number): Promise<boolean> {
  const tmp = `${path}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  await writeFile(tmp, content, { mode, flag: "wx" });
  await chmod(tmp, mode); // the umask may have narrowed or (never) widened it
  try {
    await link(tmp, path);
    return true;
  } catch (e) {
    if (isErrno(e, "EEXIST")) return false;
    throw e;
  } finally {
    await unlink(tmp);
  }
}

export function publicKeyFingerprint(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: "spki", format: "der" });
  return createHash("sm3").update(der).digest("hex");
}

/** Sign and verify a probe with the pair: proves it is SM2 and that the halves match. */
function checkPair(privateKeyPem: string, publicKeyPem: string, dir: string): void {
  const probe = Buffer.from("fazhi anchor key self-test");
  let ok = false;
  try {
    const priv = createPrivateKey(privateKeyPem);
    if (priv.asymmetricKeyType !== undefined && (priv.asymmetricKeyType as string) !== "sm2") {
      throw new KeyFileError(`${SIGNING_KEY_FILE} is a ${priv.asymmetricKeyType} key, not SM2`);
    }
    ok = verify("sm3", probe, publicKeyPem, sign("sm3", probe, privateKeyPem));
  } catch (e) {
    if (e instanceof KeyFileError) throw e;
    throw new KeyFileError(`the anchor key in ${dir} cannot be used: ${(e as Error).message}`);
  }
  if (!ok) {
    throw new KeyFileError(`${SIGNING_PUB_FILE} in ${dir} does not belong to ${SIGNING_KEY_FILE}`);
  }
}

/**
 * Load the SM2 anchor signing key from `dir`, creating it on first use.
 * A private key without its .pub gets the .pub re-derived; a .pub without its private
 * key is an error (the key was lost: never silently replace it, signatures depend on it).
 */
export async function loadOrCreateSigningKey(dir: string): Promise<SigningKey> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const keyPath = join(dir, SIGNING_KEY_FILE);
  const pubPath = join(dir, SIGNING_PUB_FILE);
  let privateKeyPem = await readIfExists(keyPath);
  let created = false;
  if (privateKeyPem === null) {
    if ((await readIfExists(pubPath)) !== null) {
      throw new KeyFileError(
        `${pubPath} exists but ${keyPath} is missing: restore the private key from backup (not regenerating it)`,
      );
    }
    // PEM encodings on purpose: sign() with these PEM strings yields SM2 signatures;
    // the raw KeyObjects would sign ECDSA (see kernel/audit/anchor.ts).
    const pair = generateKeyPairSync("ec", {
      namedCurve: "SM2",
      publicKeyEncoding: { type: "spki", format: "pem" },
      privateKeyEncoding: { type: "pkcs8", format: "pem" },
    });
    created = await createExclusive(keyPath, pair.privateKey, 0o600);
    privateKeyPem = created ? pair.privateKey : await readFile(keyPath, "utf8");
  }
  await assertPrivate(keyPath);
  let publicKeyPem = await readIfExists(pubPath);
  if (publicKeyPem === null) {
    const derived = createPublicKey(privateKeyPem).export({
      type: "spki",
      format: "pem",
    }) as string;
    await createExclusive(pubPath, derived, 0o644);
    publicKeyPem = await readFile(pubPath, "utf8");
  }
  checkPair(privateKeyPem, publicKeyPem, dir);
  return { privateKeyPem, publicKeyPem, fingerprint: publicKeyFingerprint(publicKeyPem), created };
}

/** Load the 16-byte SM4 field key from `dir`, creating it on first use. */
export async function loadOrCreateFieldKey(dir: string): Promise<Buffer> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, FIELD_KEY_FILE);
  let hex = await readIfExists(path);
  if (hex === null) {
    const fresh = randomBytes(16).toString("hex");
    hex = (await createExclusive(path, `${fresh}\n`, 0o600)) ? fresh : await readFile(path, "utf8");
  }
  await assertPrivate(path);
  const trimmed = hex.trim();
  if (!/^[0-9a-fA-F]{32}$/.test(trimmed)) {
    throw new KeyFileError(`${path} must hold 32 hex characters (a 16-byte SM4 key)`);
  }
  return Buffer.from(trimmed, "hex");
}
