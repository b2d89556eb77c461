/**
 * Region trees, cached per region code: an evaluation reads its region's tree (a city
 * and its districts) before its one statement, and the tree is reference data — region
 * rows are written by migrations only, which run before anything is evaluated — so a
 * round trip per evaluation is saved. Entries expire after a few minutes all the same (a
 * process that opens another database, or a migration run beside a live server), and an
 * unknown region is never cached.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { regionWithDescendants } from "../../platform/regions.ts";

const TTL_MS = 5 * 60_000;
const MAX = 500;

const trees = new Map<string, { regions: readonly string[]; until: number }>();

/** The region and every region under it (cached; a copy, the caller may keep it). */
export async function regionTree(db: Kysely<DB>, code: string): Promise<string[]> {
  const now = performance.now();
  const hit = trees.get(code);
  if (hit && hit.until > now) return [...hit.regions];
  const regions = await regionWithDescendants(db, code);
  if (regions.length) {
    if (trees.size >= MAX) trees.clear();
    trees.set(code, { regions, until: now + TTL_MS });
  }
  return regions;
}

/** Forget every cached tree (tests). */
export function forgetRegionTrees(): void {
  trees.clear();
}
