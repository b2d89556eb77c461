/**
 * The law library: the texts in server/laws/ (copies of ../shared/laws/, listed in
 * server/laws/index.json with a stable ASCII code each), one `law_article` row per
 * article, searchable and citable by law code and article number
 * (`GET /api/laws/admin_penalty_2021/articles/63`).
 *
 * `ensureLawLibrary` runs at start (serve, the search verb): it loads a law only when its
 * file's SM3 differs from the one loaded, all in one transaction on the owner connection
 * (the library is global reference data; the app role only reads it).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema.ts";
import { sm3Hex } from "../../platform/files/store.ts";
import { parseLaw } from "./law-text.ts";
import { tsvectorOf } from "./text.ts";

export const LAW_DIR = fileURLToPath(new URL("../../../laws/", import.meta.url));

export interface LawManifestEntry {
  file: string;
  code: string;
  short: string;
  en: string;
}

export function lawManifest(dir = LAW_DIR): LawManifestEntry[] {
  const m = JSON.parse(readFileSync(`${dir}index.json`, "utf8")) as { laws: LawManifestEntry[] };
  return m.laws;
}

/** The version date in the file name: 行政处罚法(2021-01-22).md → 2021-01-22. */
export function versionDateOf(file: string): string {
  const m = /\((\d{4}-\d{2}-\d{2})\)\.md$/.exec(file);
  if (!m?.[1]) throw new Error(`law file ${file}: no (YYYY-MM-DD) version date in its name`);
  return m[1];
}

/** Load every changed law; returns the codes loaded (empty when all were up to date). */
export async function ensureLawLibrary(
  owner: Kysely<DB>,
  now: Date,
  dir = LAW_DIR,
): Promise<string[]> {
  const manifest = lawManifest(dir);
  const loaded = new Map(
    (await owner.selectFrom("law").select(["code", "sm3"]).execute()).map((r) => [r.code, r.sm3]),
  );
  const changed: { entry: LawManifestEntry; bytes: Buffer; sm3: string }[] = [];
  for (const entry of manifest) {
    const bytes = readFileSync(`${dir}${entry.file}`);
    const sm3 = sm3Hex(bytes);
    if (loaded.get(entry.code) !== sm3) changed.push({ entry, bytes, sm3 });
  }
  const gone = [...loaded.keys()].filter((c) => !manifest.some((e) => e.code === c));
  if (changed.length === 0 && gone.length === 0) return [];
  await owner.transaction().execute(async (trx) => {
    // One loader at a time (a `serve` and a CLI verb starting together): the second
    // waits, then finds the laws loaded and skips them.
    await sql`select pg_advisory_xact_lock(hashtext('fazhi.law_library'))`.execute(trx);
    const current = new Map(
      (await trx.selectFrom("law").select(["code", "sm3"]).execute()).map((r) => [r.code, r.sm3]),
    );
    if (gone.length) await trx.deleteFrom("law").where("code", "in", gone).execute();
    for (const { entry, bytes, sm3 } of changed) {
      if (current.get(entry.code) === sm3) continue;
      const law = parseLaw(bytes.toString("utf8"));
      if (law.articles.length === 0) throw new Error(`law file ${entry.file}: no articles`);
      await trx.deleteFrom("law").where("code", "=", entry.code).execute();
      await trx
        .insertInto("law")
        .values({
          code: entry.code,
          title: law.title,
          short_title: entry.short,
          title_en: entry.en,
          version_date: versionDateOf(entry.file),
          source_file: entry.file,
          sm3,
          loaded_at: now,
        })
        .execute();
      const rows = law.articles.map((a) => ({
        law_code: entry.code,
        article_no: a.no,
        label: a.label,
        chapter: a.chapter,
        text: a.text,
        // The law's name and the article number are part of what a search finds
        // ("行政处罚法 第六十三条", "行政处罚 听证").
        tokens: tsvectorOf([
          { text: `${entry.short} ${law.title} ${a.label}`, weight: "B" },
          { text: a.text, weight: "D" },
        ]),
      }));
      for (let i = 0; i < rows.length; i += 200) {
        await trx
          .insertInto("law_article")
          .values(
            rows
              .slice(i, i + 200)
              .map((r) => ({ ...r, tokens: sql<string>`${r.tokens}::tsvector` })),
          )
          .execute();
      }
    }
  });
  return [...changed.map((c) => c.entry.code), ...gone];
}
