import { z } from "zod";
import {
  DomainError,
  ForbiddenError,
  NotFoundError,
  t,
  ValidationError,
} from "../../kernel/errors.ts";
import { zt } from "../../kernel/issue-text.ts";
import { FileIntegrityError } from "../../platform/files/store.ts";
import { checkUpload } from "../../platform/files/upload.ts";
import type { WorkTx } from "../../platform/work.ts";
import type { CaseView } from "./declare.ts";
import type { CaseDeps } from "./deps.ts";
import { isOwner, isParticipant, recordCaseEvent } from "./record.ts";
import { caseTypeOf } from "./service.ts";
import { loadCase } from "./store.ts";
import { parseWith, requirePermission } from "./validate.ts";

/**
 * Files attached to a case, stored by content hash (SM3). Evidence (全过程记录) must say
 * which device captured it, which officer, and when; the timeline then shows each
 * file's chain of custody: captured (device, officer, time) → uploaded (who, when,
 * hash) → every download (who, when), and the hash is re-checked on every read.
 */
export const AttachMeta = z
  .object({
    name: z.string().trim().min(1, zt("须填写文件名", "the file name is required")).max(255),
    kind: z.enum(["evidence", "document", "other"]).default("document"),
    device: z.string().trim().max(100).optional(),
    officer: z.string().trim().max(100).optional(),
    capturedAt: z.iso.datetime({ offset: true }).optional(),
    note: z.string().max(500).optional(),
  })
  .superRefine((m, ctx) => {
    if (m.kind !== "evidence") return;
    for (const f of ["device", "officer", "capturedAt"] as const) {
      if (!m[f])
        ctx.addIssue({
          code: "custom",
          path: [f],
          message: zt(
            "证据须填写此项（执法全过程记录）",
            "required for evidence (full-process record)",
          ),
        });
    }
  });

async function mayTouch(w: WorkTx, c: CaseView): Promise<boolean> {
  return isOwner(w, c) || (await isParticipant(w, c));
}

export async function attachFile(
  deps: CaseDeps,
  w: WorkTx,
  caseType: string,
  id: number,
  query: unknown,
  bytes: Buffer,
  claimedMime: string,
) {
  const decl = caseTypeOf(deps, caseType);
  requirePermission(w, "record.write", t("上传附件", "attaching a file"));
  const meta = parseWith(AttachMeta, query, "");
  const c = await loadCase(w.trx, id, { caseType: decl.code, lock: true });
  if (!(await mayTouch(w, c)))
    throw new ForbiddenError(
      t("仅办理该案件的单位可以上传附件", "only the units working on the case may attach files"),
    );
  const checked = checkUpload({ name: meta.name, mime: claimedMime, size: bytes.length, bytes });
  const stored = await deps.files.put(bytes);
  const record = {
    kind: meta.kind,
    device: meta.device ?? null,
    officer: meta.officer ?? null,
    capturedAt: meta.capturedAt ?? null,
    note: meta.note ?? null,
  };
  const row = await w.trx
    .insertInto("attachment")
    .values({
      region_code: c.regionCode,
      case_id: c.id,
      unit_id: w.actor.unitId,
      sm3: stored.sm3,
      name: checked.name,
      mime: checked.mime,
      size: stored.size,
      meta: JSON.stringify(record),
      uploaded_by: w.actor.userId,
      uploaded_at: w.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const data = {
    attachmentId: row.id,
    name: checked.name,
    sm3: stored.sm3,
    size: stored.size,
    ...record,
  };
  await recordCaseEvent(w, decl.code, c, {
    kind: "attach",
    action: "attach",
    onDate: w.today,
    data,
  });
  return {
    id: row.id,
    name: checked.name,
    mime: checked.mime,
    size: stored.size,
    sm3: stored.sm3,
    ...record,
  };
}

/** A file of a case, its hash re-checked; evidence downloads are recorded in the timeline. */
export async function readAttachment(
  deps: CaseDeps,
  w: WorkTx,
  caseType: string,
  id: number,
  attachmentId: number,
) {
  const decl = caseTypeOf(deps, caseType);
  requirePermission(w, "record.read", t("读取附件", "reading a file"));
  const c = await loadCase(w.trx, id, { caseType: decl.code });
  const a = await w.trx
    .selectFrom("attachment")
    .selectAll()
    .where("region_code", "=", c.regionCode)
    .where("case_id", "=", c.id)
    .where("id", "=", attachmentId)
    .executeTakeFirst();
  if (!a)
    throw new NotFoundError(
      t(`案件 ${id} 没有附件 ${attachmentId}`, `no file ${attachmentId} on case ${id}`),
    );
  let bytes: Buffer;
  try {
    bytes = await deps.files.get(a.sm3);
  } catch (e) {
    if (e instanceof FileIntegrityError) {
      throw new DomainError(
        "invalid_state",
        t(
          `存储的文件“${a.name}”与其 SM3 摘要 ${a.sm3} 不符：已在系统之外被改动`,
          `the stored file "${a.name}" no longer matches its SM3 hash ${a.sm3}: it was altered outside the system`,
        ),
      );
    }
    throw e;
  }
  const custody = {
    kind: "custody",
    action: "download",
    onDate: w.today,
    data: { attachmentId: a.id, sm3: a.sm3 },
  };
  if ((a.meta as { kind?: string }).kind === "evidence") {
    // Evidence: every access is part of its chain of custody, in the timeline.
    await recordCaseEvent(w, decl.code, c, custody);
  } else {
    await w.audit({
      regionCode: c.regionCode,
      action: `case.${decl.code}.download`,
      entityType: "case",
      entityId: c.id,
      after: custody.data,
    });
  }
  return { name: a.name, mime: a.mime, bytes };
}

export function requireBody(body: unknown): Buffer {
  if (!Buffer.isBuffer(body) || body.length === 0) {
    throw new ValidationError(t("请以请求正文发送文件", "send the file as the request body"), [
      { field: "file", message: t("正文为空", "empty body") },
    ]);
  }
  return body;
}
