import type { Database } from "../../db/connection.ts";
import { DEMO_TOTP_SECRET } from "../../engines/demo/index.ts";
import {
  DemoLoadError,
  type DemoLoadResult,
  DemoOrderError,
  demoStatus,
  type LoadDemoOptions,
  loadDemo,
} from "../../engines/demo/loader.ts";
import { createRegistry, type Registry } from "../../engines/registry.ts";
import { ROLE_CODES } from "../../kernel/access.ts";
import { ConflictError } from "../../kernel/errors.ts";
import { ROLE_LABELS, UNIT_KIND_LABELS } from "../../kernel/labels.ts";
import { loadModules } from "../../modules/index.ts";
import { cliLang, say } from "../lang.ts";
import { CliError, withDatabase } from "../runtime.ts";

/** `fazhi demo`: load the demo district into the current database, once. */
export async function demo(opts: { seed?: string }): Promise<void> {
  await withDatabase(async (db, config) => {
    const registry = createRegistry(await loadModules());
    let result: DemoLoadResult;
    try {
      const started = Date.now();
      result = await loadDemo(db, registry, {
        seed: opts.seed,
        keyDir: config.keyDir,
        fileDir: config.fileDir,
        // The engine's progress lines carry the maintainers' notes (English): in Chinese,
        // each part is named as it starts.
        ...(cliLang() === "en"
          ? { onProgress: (line: string) => process.stderr.write(`${line}\n`) }
          : {
              onStart: (c: { id: string; index: number; total: number }) =>
                process.stderr.write(`  正在载入 ${c.index}/${c.total} ${c.id}…\n`),
            }),
      });
      const ms = Date.now() - started;
      process.stderr.write(
        `${say(`演示数据载入完成，用时 ${(ms / 1000).toFixed(1)} 秒`, `demo loaded in ${ms} ms`)}\n`,
      );
    } catch (e) {
      if (e instanceof ConflictError || e instanceof DemoOrderError || e instanceof DemoLoadError) {
        throw new CliError(e.message);
      }
      throw e;
    }
    process.stdout.write(await demoSummary(db, result));
  });
}

/**
 * On an empty database — no unit but the administrators' and no demo loaded or
 * started — load the demo and return true; otherwise leave everything as it is and
 * return false. For `serve` on a fresh data directory.
 */
export async function loadDemoIfEmpty(
  db: Database,
  registry: Registry,
  options: LoadDemoOptions & { print?: boolean } = {},
): Promise<boolean> {
  if (registry.demo().length === 0) return false;
  if ((await demoStatus(db)).started) return false;
  const other = await db.owner
    .selectFrom("unit")
    .select("id")
    .where("code", "<>", "system-admin")
    .limit(1)
    .executeTakeFirst();
  if (other) return false;
  const result = await loadDemo(db, registry, {
    ...(options.print && cliLang() === "en"
      ? { onProgress: (line: string) => process.stderr.write(`${line}\n`) }
      : {}),
    ...options,
  });
  if (options.print) process.stdout.write(await demoSummary(db, result));
  return true;
}

const label = (l: { zh: string; en: string } | undefined, code: string) =>
  l ? say(l.zh, l.en) : code;

/** What was loaded, from the database, and the demo logins. */
export async function demoSummary(db: Database, r: DemoLoadResult): Promise<string> {
  const out: string[] = [];
  const day = r.now.toISOString().slice(0, 10);
  out.push(
    say(
      `已载入演示数据（随机种子“${r.seed}”，演示日期 ${day}）。`,
      `Loaded the demo (seed "${r.seed}", demo date ${day}).`,
    ),
  );
  out.push("", say("各部分：", "Contributions:"));
  // The contributions' descriptions and notes are the maintainers' (English): shown with
  // --lang en; in Chinese each part is named by its code with its time.
  const en = cliLang() === "en";
  for (const c of r.contributions) {
    out.push(
      en
        ? `  ${c.id}${c.description ? ` — ${c.description}` : ""} (${c.ms} ms)`
        : `  ${c.id}（${c.ms} 毫秒）`,
    );
    if (en) for (const n of c.notes) out.push(`      ${n}`);
  }

  const units = await db.owner
    .selectFrom("unit")
    .innerJoin("region", "region.code", "unit.region_code")
    .select(["unit.region_code", "region.name_zh", "unit.kind"])
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .groupBy(["unit.region_code", "region.name_zh", "unit.kind"])
    .orderBy("unit.region_code", "desc")
    .execute();
  const kindOrder = Object.keys(UNIT_KIND_LABELS);
  const rank = (k: string) => (kindOrder.includes(k) ? kindOrder.indexOf(k) : kindOrder.length);
  units.sort((a, b) =>
    a.region_code === b.region_code
      ? rank(a.kind) - rank(b.kind) || a.kind.localeCompare(b.kind)
      : b.region_code.localeCompare(a.region_code),
  );
  out.push("", say("单位：", "Units:"));
  let region = "";
  for (const u of units) {
    if (u.region_code !== region) {
      region = u.region_code;
      const total = units
        .filter((x) => x.region_code === region)
        .reduce((s, x) => s + Number(x.n), 0);
      out.push(`  ${u.name_zh} ${region}: ${total}`);
    }
    out.push(`    ${String(u.n).padStart(4)}  ${label(UNIT_KIND_LABELS[u.kind], u.kind)}`);
  }

  const roles = await db.owner
    .selectFrom("user_role")
    .select("role")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .groupBy("role")
    .execute();
  const byRole = new Map(roles.map((x) => [x.role, Number(x.n)]));
  out.push("", say("各角色用户数：", "Users per role:"));
  for (const role of ROLE_CODES) {
    out.push(`  ${String(byRole.get(role) ?? 0).padStart(4)}  ${label(ROLE_LABELS[role], role)}`);
  }

  out.push(
    "",
    ...say(
      `演示账号——所有演示账号的密码均为 ${r.password}\n（仅演示账号首次登录无须修改密码，便于参观者和浏览器测试直接登录）：`,
      `Demo logins — every demo account has the password ${r.password}\n(demo accounts need not change it at first login, so visitors and the browser tests\n can log in directly; only demo accounts are made so):`,
    ).split("\n"),
  );
  out.push(...demoLogins(r));
  out.push(
    "",
    ...say(
      `三名管理员登录还须输入动态口令（双因素认证，GB/T 22239-2019 8.1.4.1 d）：\n请在身份验证器应用中添加演示密钥 ${DEMO_TOTP_SECRET}（仅限演示）。`,
      `The administrators also need a TOTP code (two factors, GB/T 22239-2019 8.1.4.1 d): add\nthe demo secret ${DEMO_TOTP_SECRET} to an authenticator app (demo only).`,
    ).split("\n"),
  );
  out.push("");
  return `${out.join("\n")}\n`;
}

/**
 * The demo accounts by role. A run of accounts of one role in units of one kind named
 * `<prefix>.<unit>.<role>` is written once, with the units it exists for.
 */
export function demoLogins(r: DemoLoadResult): string[] {
  const lines: string[] = [];
  for (const role of ROLE_CODES) {
    const users = r.users.filter((u) => u.roles.includes(role));
    if (users.length === 0) continue;
    lines.push(`  ${label(ROLE_LABELS[role], role)}:`);
    const kinds = [...new Set(users.map((u) => `${u.regionCode}/${u.unitKind}`))];
    for (const k of kinds) {
      const group = users.filter((u) => `${u.regionCode}/${u.unitKind}` === k);
      const parts = group.map((u) => u.username.split("."));
      const pattern =
        group.length > 3 &&
        parts.every(
          (p, i) =>
            p.length === 3 &&
            p[1] === group[i]!.unitCode &&
            p[0] === parts[0]![0] &&
            p[2] === parts[0]![2],
        );
      if (!pattern) {
        for (const u of group) {
          lines.push(`    ${u.username.padEnd(28)} ${u.unitNameZh} · ${u.displayName}`);
        }
        continue;
      }
      const kind = UNIT_KIND_LABELS[group[0]!.unitKind]?.zh ?? group[0]!.unitKind;
      lines.push(
        say(
          `    ${parts[0]![0]}.<单位>.${parts[0]![2]}，共 ${group.length} 个单位（${kind}），<单位> 为：`,
          `    ${parts[0]![0]}.<unit>.${parts[0]![2]} for ${group.length} units (${kind}), <unit> =`,
        ),
      );
      let line = "     ";
      group.forEach((u, i) => {
        const item = ` ${u.unitCode} ${u.unitNameZh}${i < group.length - 1 ? say("，", ",") : ""}`;
        if (line.length + item.length > 96) {
          lines.push(line);
          line = "     ";
        }
        line += item;
      });
      lines.push(line);
    }
  }
  return lines;
}
