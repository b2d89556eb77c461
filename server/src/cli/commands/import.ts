import fs from "node:fs/promises";
import path from "node:path";
import type { FazhiConfig } from "../../db/config.ts";
import { caseDeps } from "../../engines/case/deps.ts";
import { importCases } from "../../engines/case/import/index.ts";
import { createRegistry } from "../../engines/registry.ts";
import { DomainError, textOf } from "../../kernel/errors.ts";
import { MODULES } from "../../modules/index.ts";
import { loadActor } from "../../platform/auth/sessions.ts";
import { systemClock } from "../../platform/clock.ts";
import { inWork } from "../../platform/work.ts";
import { cliLang, say } from "../lang.ts";
import { CliError, withDatabase } from "../runtime.ts";

export interface ImportCasesOptions {
  as: string;
  unit?: string;
  lang?: string;
}

/**
 * `fazhi import cases <type> <file> --as <user>`: import a CSV or .xlsx of historical
 * cases as that user would over HTTP (the same permission, data scope, checks and audit
 * trail); prints the summary as JSON, or every bad row and column and exits 2.
 */
export async function importCasesCommand(
  caseType: string,
  file: string,
  o: ImportCasesOptions,
  config?: FazhiConfig,
): Promise<void> {
  const lang = cliLang(o.lang);
  const bytes = await fs.readFile(file).catch((e: Error) => {
    throw new CliError(
      say(`无法读取 ${file}：${e.message}`, `cannot read ${file}: ${e.message}`, lang),
    );
  });
  await withDatabase(async (db, config) => {
    const registry = createRegistry(MODULES);
    const user = await db.owner
      .selectFrom("app_user")
      .select("id")
      .where("username", "=", o.as)
      .executeTakeFirst();
    const actor = user ? await loadActor(db.owner, user.id) : undefined;
    if (!actor) throw new CliError(say(`没有有效账号“${o.as}”`, `no active user "${o.as}"`, lang));
    let unitId: number | undefined;
    if (o.unit) {
      const u = await db.owner
        .selectFrom("unit")
        .select("id")
        .where("region_code", "=", actor.regionCode)
        .where((eb) =>
          /^\d+$/.test(o.unit!) ? eb("id", "=", Number(o.unit)) : eb("code", "=", o.unit!),
        )
        .executeTakeFirst();
      if (!u)
        throw new CliError(
          say(
            `地区 ${actor.regionCode} 没有单位“${o.unit}”`,
            `no unit "${o.unit}" in region ${actor.regionCode}`,
            lang,
          ),
        );
      unitId = u.id;
    }
    const deps = await caseDeps({ registry, config, clock: systemClock });
    const started = Date.now();
    try {
      const summary = await inWork(db.app, actor, systemClock(), null, (w) =>
        importCases(deps, w, caseType, bytes, {
          fileName: path.basename(file),
          ...(unitId !== undefined ? { unitId } : {}),
        }),
      );
      process.stdout.write(
        `${JSON.stringify({ ...summary, ms: Date.now() - started }, null, 2)}\n`,
      );
    } catch (e) {
      if (e instanceof DomainError) {
        const lines = [
          e.text[lang],
          ...(e.fields ?? []).map((f) => `  ${textOf(f.message)[lang]}`),
        ];
        throw new CliError(lines.join("\n"));
      }
      throw e;
    }
  }, config);
}
