/**
 * Publishing a version of a list (权责清单, 收费目录…): the register's current entries of
 * the region (or of one unit, `versions.by: "unit"`) frozen as a snapshot with the
 * publishing document's number (e.g. 武隆政务办发〔2020〕27号), its publication date and
 * the date it is in force from. The row is immutable (migration 0018: triggers refuse
 * UPDATE and DELETE); its SM3 digest over the canonical JSON of the entries is kept
 * beside it and in the audit event.
 *
 * Gates, in order (a refusal writes nothing):
 * - permission: `record.write` and the register's edit permission; a region's list is
 *   published by a region-scoped actor (the rule-of-law office) of that region, a unit's
 *   list by the unit (or its region's office);
 * - the input (every bad field named): the number as 机关代字〔年份〕序号号 with the year of
 *   the publication date; the publication date not in the future; in force no earlier
 *   than published;
 * - in force strictly after the latest version of the same list: a version never
 *   rewrites what was in force on a past day (409);
 * - the number not used before in the region for this register (409);
 * - at least one entry to publish (422).
 */
import { sql } from "kysely";
import { z } from "zod";
import { canonicalJson } from "../../../kernel/canonical-json.ts";
import { ConflictError, ForbiddenError, t, ValidationError } from "../../../kernel/errors.ts";
import { zt } from "../../../kernel/issue-text.ts";
import { isLocalDate, type LocalDate } from "../../../kernel/time/index.ts";
import { sm3Hex } from "../../../platform/files/store.ts";
import type { WorkTx } from "../../../platform/work.ts";
import type { RegisterDecl } from "../declare.ts";
import { assertWrite } from "../service/access.ts";
import { resolveUnit } from "../service/write.ts";
import { issuesToFields, listScope, type SnapshotEntry, type VersionView, viewOf } from "./read.ts";

export const ENTITY = "register_version";

const zDay = z
  .string()
  .refine((s) => isLocalDate(s), zt("应为有效日期（年-月-日）", "a valid date YYYY-MM-DD"));

/** 发文字号: 机关代字〔年份〕序号号 (GB/T 9704-2012 7.2.4). */
export const DOC_NUMBER = /^(\S{1,40})〔(\d{4})〕(\d{1,5})号$/;

export const PublishInput = z.object({
  number: z
    .string()
    .trim()
    .regex(
      DOC_NUMBER,
      zt("应为发文字号，如 武隆政务办发〔2020〕27号", "a document number such as X发〔2020〕27号"),
    ),
  publishedOn: zDay,
  inForceFrom: zDay,
  unitId: z.number().int().positive().optional(),
});
export type PublishInput = z.infer<typeof PublishInput>;

export function versionsBy(decl: RegisterDecl): "region" | "unit" {
  return decl.versions?.by ?? "region";
}

export function assertVersioned(decl: RegisterDecl) {
  if (!decl.versions) {
    const msg = t(`${decl.label.zh}不按版本发布`, `${decl.label.en} is not published in versions`);
    throw new ValidationError(msg, [{ field: "register", message: msg }]);
  }
}

export async function publishVersion(
  w: WorkTx,
  decl: RegisterDecl,
  body: unknown,
): Promise<VersionView> {
  assertVersioned(decl);
  assertWrite(w.actor, decl);
  const parsed = PublishInput.safeParse(body, { reportInput: true });
  if (!parsed.success) {
    const fields = issuesToFields(parsed.error);
    throw new ValidationError(t("发布信息填写有误", "invalid publication"), fields);
  }
  const input = parsed.data;
  const errors: { field: string; message: ReturnType<typeof t> }[] = [];
  const year = DOC_NUMBER.exec(input.number)?.[2];
  if (year && year !== input.publishedOn.slice(0, 4)) {
    errors.push({
      field: "number",
      message: t(
        `文号年份（${year}）应与发布日期的年份一致`,
        `the number's year (${year}) must be the publication date's year`,
      ),
    });
  }
  if (input.publishedOn > w.today) {
    errors.push({
      field: "publishedOn",
      message: t("发布日期不能晚于今天", "the publication date may not be in the future"),
    });
  }
  if (input.inForceFrom < input.publishedOn) {
    errors.push({
      field: "inForceFrom",
      message: t("施行日期不能早于发布日期", "in force no earlier than published"),
    });
  }
  if (errors.length > 0) {
    throw new ValidationError(t("发布信息填写有误", "invalid publication"), errors);
  }

  // Whose list: the region's (by the office of that region) or one unit's.
  let regionCode: string;
  let unitId: number | null;
  if (versionsBy(decl) === "region") {
    if (w.actor.scope !== "region") {
      throw new ForbiddenError(
        t(
          `${decl.label.zh}由本地区依法治区办统一发布`,
          `${decl.label.en} is published by the region's rule-of-law office`,
        ),
      );
    }
    if (input.unitId !== undefined) {
      const msg = t("本清单按地区发布，不指定单位", "this list is published for the region");
      throw new ValidationError(msg, [{ field: "unitId", message: msg }]);
    }
    regionCode = w.actor.regionCode;
    unitId = null;
  } else {
    const unit = await resolveUnit(w, input.unitId);
    regionCode = unit.regionCode;
    unitId = unit.id;
  }

  // One publication of a list at a time (the next version's date is checked against
  // the latest one): a transaction-scoped advisory lock on the list.
  await sql`select pg_advisory_xact_lock(hashtext(${`register_version:${regionCode}:${decl.code}:${unitId ?? "*"}`}))`.execute(
    w.trx,
  );
  const latest = await sql<{ number: string; in_force_from: string }>`
    select number, in_force_from::text as in_force_from from register_version
     where ${listScope(regionCode, decl.code, unitId)}
     order by in_force_from desc, id desc limit 1`.execute(w.trx);
  const last = latest.rows[0];
  if (last && input.inForceFrom <= last.in_force_from) {
    throw new ConflictError(
      t(
        `新版本的施行日期应晚于现行最新版本（${last.number}，${last.in_force_from}起施行）`,
        `a new version must come into force after the latest one (${last.number}, in force from ${last.in_force_from})`,
      ),
    );
  }
  const taken = await sql<{ id: number }>`
    select id from register_version
     where region_code = ${regionCode} and register = ${decl.code} and number = ${input.number}`.execute(
    w.trx,
  );
  if (taken.rows.length > 0) {
    throw new ConflictError(
      t(`文号 ${input.number} 已用于本清单的其他版本`, `number ${input.number} is already used`),
    );
  }

  // The snapshot: every entry of the list now, in id order.
  let q = w.trx
    .selectFrom("register_entry")
    .select(["id", "unit_id", "data"])
    .where("region_code", "=", regionCode)
    .where("register", "=", decl.code);
  if (unitId !== null) q = q.where("unit_id", "=", unitId);
  const rows = await q.orderBy("id").execute();
  if (rows.length === 0) {
    const msg = t(`${decl.label.zh}没有可发布的条目`, `${decl.label.en} has no entries to publish`);
    throw new ValidationError(msg, [{ field: "register", message: msg }]);
  }
  const entries: SnapshotEntry[] = rows.map((r) => ({
    id: Number(r.id),
    unitId: Number(r.unit_id),
    title: safeTitle(decl, r.data),
    data: (r.data ?? {}) as Record<string, unknown>,
  }));
  const digest = sm3Hex(new TextEncoder().encode(canonicalJson(entries)));
  const inserted = await sql<{ id: string }>`
    insert into register_version (region_code, register, unit_id, visibility, number,
      published_on, in_force_from, entries, entry_count, digest, published_at, published_by)
    values (${regionCode}, ${decl.code}, ${unitId}, ${decl.visibility}, ${input.number},
      ${input.publishedOn}::date, ${input.inForceFrom}::date, ${JSON.stringify(entries)}::jsonb,
      ${entries.length}, ${digest}, ${w.now}, ${w.actor.userId})
    returning id`.execute(w.trx);
  const id = Number(inserted.rows[0]!.id);
  await w.audit({
    regionCode,
    action: `register.${decl.code}.publish`,
    entityType: ENTITY,
    entityId: id,
    after: {
      number: input.number,
      publishedOn: input.publishedOn,
      inForceFrom: input.inForceFrom,
      unitId,
      entryCount: entries.length,
      digest,
    },
  });
  return viewOf(
    {
      id,
      region_code: regionCode,
      register: decl.code,
      unit_id: unitId,
      number: input.number,
      published_on: input.publishedOn,
      in_force_from: input.inForceFrom,
      entry_count: entries.length,
      digest,
      published_at: w.now,
      published_by: w.actor.userId,
    },
    w.today as LocalDate,
    null,
  );
}

function safeTitle(decl: RegisterDecl, data: unknown): string {
  try {
    return decl.title(data as never);
  } catch {
    return "";
  }
}
