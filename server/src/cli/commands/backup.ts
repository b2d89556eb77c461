import type { FazhiConfig } from "../../db/config.ts";
import type { Database } from "../../db/connection.ts";
import { BackupArchiveError } from "../../platform/backup/archive.ts";
import { makeBackup } from "../../platform/backup/backup.ts";
import { RestoreRefused, restoreBackup } from "../../platform/backup/restore.ts";
import { say } from "../lang.ts";
import { CliError, liveServePid, withDatabase } from "../runtime.ts";
import { problemZh } from "./audit.ts";

const ownerUrlOf = (db: Database, config: FazhiConfig) =>
  config.databaseUrl ?? db.embedded?.ownerUrl ?? "";

/** `fazhi backup <file>`: one consistent archive of the database and the key, anchor and file directories. */
export async function backupCommand(file: string): Promise<void> {
  await withDatabase(
    async (db, config) => {
      const { file: out, manifest } = await makeBackup(ownerUrlOf(db, config), config, file);
      const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
      process.stdout.write(
        `${say(
          `备份已写入 ${out}：数据库结构版本 ${manifest.migration}，${manifest.tables.length} 张表，${rows} 行，${manifest.files.length} 个文件（备份含密钥，应与服务器同等保密）`,
          `backup written to ${out}: schema ${manifest.migration}, ${manifest.tables.length} tables, ${rows} rows, ${manifest.files.length} files (it holds the keys: keep it as secret as the server)`,
        )}\n`,
      );
    },
    undefined,
    { migrate: false },
  );
}

/**
 * `fazhi restore <file> [--force]`: exit 0 when restored and the audit verifies, 1 when
 * restored but the audit does not verify, 2 when refused (nothing changed).
 */
export async function restoreCommand(file: string, opts: { force?: boolean }): Promise<number> {
  return withDatabase(
    async (db, config) => {
      const pid = await liveServePid(config);
      if (pid) {
        throw new CliError(
          say(
            `fazhi serve（进程 ${pid}）正在使用 ${config.dataDir}：请先停止它再恢复`,
            `fazhi serve (pid ${pid}) is running on ${config.dataDir}: stop it before restoring`,
          ),
        );
      }
      try {
        const r = await restoreBackup(ownerUrlOf(db, config), config, file, opts);
        process.stdout.write(
          `${say(
            `已从 ${file} 恢复 ${r.manifest.tables.length} 张表共 ${r.rows} 行、${r.manifest.files.length} 个文件（备份时间 ${r.manifest.createdAt}，数据库结构版本 ${r.manifest.migration}）`,
            `restored ${r.rows} rows in ${r.manifest.tables.length} tables and ${r.manifest.files.length} files from ${file} (made ${r.manifest.createdAt}, schema ${r.manifest.migration})`,
          )}\n`,
        );
        for (const k of r.keptAside)
          process.stdout.write(
            `${say(`原有内容保留在 ${k}`, `what was there before is kept in ${k}`)}\n`,
          );
        if (r.verify.ok) {
          process.stdout.write(
            `${say(
              `审计日志核验通过：${r.verify.chains} 条链共 ${r.verify.events} 条记录，${r.verify.anchors} 个签名锚点，均一致`,
              `audit verified: ${r.verify.events} events in ${r.verify.chains} chains, ${r.verify.anchors} anchors — ok`,
            )}\n`,
          );
          return 0;
        }
        process.stderr.write(
          `${say(`恢复后审计日志核验未通过：${problemZh(r.verify.problems[0]!)}`, `audit verification FAILED after the restore: ${r.verify.problems[0]!.message}`)}\n`,
        );
        return 1;
      } catch (e) {
        if (e instanceof BackupArchiveError || e instanceof RestoreRefused)
          throw new CliError(e.message);
        throw e;
      }
    },
    undefined,
    { migrate: false },
  );
}
