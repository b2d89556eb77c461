import { chmod, mkdtemp, readFile, rm, stat, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { nextAnchorPayload, signAnchor, verifyAnchorSignature } from "../../kernel/audit/anchor.ts";
import {
  FIELD_KEY_FILE,
  KeyFileError,
  loadOrCreateFieldKey,
  loadOrCreateSigningKey,
  publicKeyFingerprint,
  SIGNING_KEY_FILE,
  SIGNING_PUB_FILE,
} from "./keys.ts";

const posix = process.platform !== "win32";
let base: string;
let dir: string;

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), "fazhi-keys-"));
  dir = join(base, "keys");
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

describe("loadOrCreateSigningKey", () => {
  it("creates an SM2 pair once, mode 0600, then loads the same pair", async () => {
    const a = await loadOrCreateSigningKey(dir);
    expect(a.created).toBe(true);
    expect(a.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(a.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(a.fingerprint).toBe(publicKeyFingerprint(a.publicKeyPem));
    if (posix) {
      expect((await stat(join(dir, SIGNING_KEY_FILE))).mode & 0o777).toBe(0o600);
      expect((await stat(dir)).mode & 0o777).toBe(0o700);
    }
    const b = await loadOrCreateSigningKey(dir);
    expect(b).toEqual({ ...a, created: false });
    const p = nextAnchorPayload(null, {
      regionCode: "500156",
      anchoredAt: "2024-05-01T00:00:00.000Z",
      heads: [],
    });
    expect(verifyAnchorSignature(p, signAnchor(p, b.privateKeyPem), a.publicKeyPem)).toBe(true);
  });

  it("gives concurrent callers the same key", async () => {
    const all = await Promise.all([1, 2, 3, 4].map(() => loadOrCreateSigningKey(dir)));
    expect(new Set(all.map((k) => k.fingerprint)).size).toBe(1);
    expect(all.filter((k) => k.created)).toHaveLength(1);
  });

  it("re-derives a missing public key but refuses a missing private key", async () => {
    const a = await loadOrCreateSigningKey(dir);
    await unlink(join(dir, SIGNING_PUB_FILE));
    expect((await loadOrCreateSigningKey(dir)).publicKeyPem).toBe(a.publicKeyPem);
    await unlink(join(dir, SIGNING_KEY_FILE));
    await expect(loadOrCreateSigningKey(dir)).rejects.toThrow(/restore the private key/);
  });

  it("refuses a mismatched pair and a world-readable private key", async () => {
    await loadOrCreateSigningKey(dir);
    const other = join(base, "other");
    const b = await loadOrCreateSigningKey(other);
    await writeFile(join(dir, SIGNING_PUB_FILE), b.publicKeyPem);
    await expect(loadOrCreateSigningKey(dir)).rejects.toThrow(/does not belong/);
    if (posix) {
      await chmod(join(other, SIGNING_KEY_FILE), 0o644);
      await expect(loadOrCreateSigningKey(other)).rejects.toThrow(KeyFileError);
      await expect(loadOrCreateSigningKey(other)).rejects.toThrow(/chmod 600/);
    }
  });
});

describe("loadOrCreateFieldKey", () => {
  it("creates a 16-byte key as hex, mode 0600, and loads it back", async () => {
    const k = await loadOrCreateFieldKey(dir);
    expect(k).toHaveLength(16);
    const text = await readFile(join(dir, FIELD_KEY_FILE), "utf8");
    expect(text.trim()).toMatch(/^[0-9a-f]{32}$/);
    if (posix) expect((await stat(join(dir, FIELD_KEY_FILE))).mode & 0o777).toBe(0o600);
    expect((await loadOrCreateFieldKey(dir)).equals(k)).toBe(true);
  });

  it("refuses a garbled key file", async () => {
    await loadOrCreateFieldKey(dir);
    await writeFile(join(dir, FIELD_KEY_FILE), "abc\n", { mode: 0o600 });
    await expect(loadOrCreateFieldKey(dir)).rejects.toThrow(/32 hex characters/);
  });
});
