import { createHash } from "node:crypto";
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { NotFoundError, ValidationError } from "../../kernel/errors.ts";
import { FileIntegrityError, LocalFileStore, relativePathOf } from "./store.ts";

let root: string;
let store: LocalFileStore;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "fazhi-files-"));
  store = new LocalFileStore(root);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const sm3 = (b: Buffer) => createHash("sm3").update(b).digest("hex");

describe("LocalFileStore", () => {
  it("stores by SM3 under a two-level fan-out and reads the bytes back", async () => {
    const bytes = Buffer.from("行政执法决定书 2024-001");
    const put = await store.put(bytes);
    expect(put).toEqual({ sm3: sm3(bytes), size: bytes.length });
    expect(put.sm3).toMatch(/^[0-9a-f]{64}$/);
    const path = join(root, "sm3", put.sm3.slice(0, 2), put.sm3.slice(2, 4), put.sm3);
    expect(store.pathOf(put.sm3)).toBe(path);
    expect(relativePathOf(put.sm3)).toBe(
      join("sm3", put.sm3.slice(0, 2), put.sm3.slice(2, 4), put.sm3),
    );
    expect(await readFile(path)).toEqual(bytes);
    expect(await store.get(put.sm3)).toEqual(bytes);
    expect(await store.has(put.sm3)).toBe(true);
    if (process.platform !== "win32") expect((await stat(path)).mode & 0o777).toBe(0o440);
  });

  it('matches the SM3 test vector of GB/T 32905 ("abc")', async () => {
    const put = await store.put(Buffer.from("abc"));
    expect(put.sm3).toBe("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
  });

  it("stores the same content once and leaves no temporary files", async () => {
    const bytes = Buffer.from("same content");
    const a = await store.put(bytes);
    const b = await store.put(Buffer.from("same content"));
    const c = await store.put(Readable.from([Buffer.from("same "), Buffer.from("content")]));
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(await readdir(join(root, "sm3", a.sm3.slice(0, 2), a.sm3.slice(2, 4)))).toEqual([a.sm3]);
    expect(await readdir(join(root, "tmp"))).toEqual([]);
  });

  it("stores a stream (chunks, strings) with the hash of the whole", async () => {
    const parts = Array.from({ length: 50 }, (_, i) => Buffer.alloc(10_000, i));
    const whole = Buffer.concat(parts);
    const put = await store.put(Readable.from(parts));
    expect(put).toEqual({ sm3: sm3(whole), size: whole.length });
    expect((await store.get(put.sm3)).equals(whole)).toBe(true);
    const text = await store.put(Readable.from(["甲", "乙"]));
    expect(text.sm3).toBe(sm3(Buffer.from("甲乙")));
  });

  it("stores the empty file", async () => {
    const put = await store.put(Buffer.alloc(0));
    expect(put.size).toBe(0);
    expect(await store.get(put.sm3)).toEqual(Buffer.alloc(0));
  });

  it("refuses altered content with an error naming the hash", async () => {
    const put = await store.put(Buffer.from("original"));
    const path = store.pathOf(put.sm3);
    await chmod(path, 0o640);
    await writeFile(path, "tampered");
    const err = await store.get(put.sm3).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FileIntegrityError);
    expect((err as FileIntegrityError).sm3).toBe(put.sm3);
    expect((err as FileIntegrityError).actualSm3).toBe(sm3(Buffer.from("tampered")));
    expect((err as Error).message).toContain(put.sm3);
    expect((err as Error).message).toMatch(/altered/);
    expect(await store.verify(put.sm3)).toBe(false);
  });

  it("replaces a damaged copy (wrong size) when the same content is put again", async () => {
    const put = await store.put(Buffer.from("original"));
    const path = store.pathOf(put.sm3);
    await chmod(path, 0o640);
    await writeFile(path, "short");
    await store.put(Buffer.from("original"));
    expect(await store.get(put.sm3)).toEqual(Buffer.from("original"));
    expect(await store.verify(put.sm3)).toBe(true);
  });

  it("reports missing content as not found and malformed hashes as invalid", async () => {
    const missing = "0".repeat(64);
    expect(await store.has(missing)).toBe(false);
    await expect(store.get(missing)).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.get(missing)).rejects.toThrow(missing);
    for (const bad of ["../../etc/passwd", "ABC", "g".repeat(64), "A".repeat(64)]) {
      await expect(store.get(bad)).rejects.toBeInstanceOf(ValidationError);
      await expect(store.has(bad)).rejects.toBeInstanceOf(ValidationError);
    }
  });

  it("writes concurrently without conflict", async () => {
    const contents = Array.from({ length: 20 }, (_, i) => Buffer.from(`file ${i % 5}`));
    const puts = await Promise.all(contents.map((c) => store.put(c)));
    expect(new Set(puts.map((p) => p.sm3)).size).toBe(5);
    for (const [i, p] of puts.entries()) expect(await store.get(p.sm3)).toEqual(contents[i]);
    expect(await readdir(join(root, "tmp"))).toEqual([]);
  });
});
