import { sql } from "kysely";
import { actsFor, can } from "../../kernel/access.ts";
import {
  ConflictError,
  ForbiddenError,
  InvalidStateError,
  NotFoundError,
  t,
  ValidationError,
} from "../../kernel/errors.ts";
import { maskPhone } from "../../kernel/masking.ts";
import { decryptField } from "../../platform/crypto/field-cipher.ts";
import type { WorkTx } from "../../platform/work.ts";
import type { AnswerResult } from "./declare.ts";

/**
 * The office's side of a consultation: read the comments (every one, hidden ones too),
 * hide or restore one with a reason, draft an answer to each, publish the answers
 * together, publish the consolidated adoption report. Permission first, then the acting
 * unit (the case's own unit, or the region's office in its own region), then the state.
 */

export interface ConsultationRow {
  region_code: string;
  id: number;
  case_type: string;
  case_id: number;
  unit_id: number;
  title: string;
  draft: string;
  opens_on: string;
  closes_on: string;
  closed_on: string | null;
  answers_published_on: string | null;
  report_published_on: string | null;
}

export interface CommentRow {
  id: number;
  submitted_at: Date;
  submitted_on: string;
  topic: string;
  body: string;
  author_name: string | null;
  contact_cipher: string | null;
  hidden: boolean;
  hidden_reason: string | null;
  answer_result: AnswerResult | null;
  answer_reason: string | null;
  answered_on: string | null;
  answer_published: boolean;
}

const COLS =
  sql.raw(`region_code, id::int as id, case_type, case_id::int as case_id, unit_id::int as unit_id,
  title, draft, opens_on::text as opens_on, closes_on::text as closes_on, closed_on::text as closed_on,
  answers_published_on::text as answers_published_on, report_published_on::text as report_published_on`);
const COMMENT_COLS =
  sql.raw(`id::int as id, submitted_at, submitted_on::text as submitted_on, topic, body,
  author_name, contact_cipher, hidden, hidden_reason, answer_result, answer_reason,
  answered_on::text as answered_on, answer_published`);

/** The case's consultation as the caller sees it (row-level security), or 404. */
export async function consultationOfCase(
  w: WorkTx,
  caseType: string,
  caseId: number,
): Promise<ConsultationRow> {
  const r = await sql<ConsultationRow>`select ${COLS} from consultation
      where case_type = ${caseType} and case_id = ${caseId}`.execute(w.trx);
  const row = r.rows[0];
  if (!row)
    throw new NotFoundError(
      t("该案件没有公开征求意见", `case ${caseId} has no public consultation`),
    );
  return row;
}

export async function commentsOf(w: WorkTx, k: ConsultationRow): Promise<CommentRow[]> {
  const r = await sql<CommentRow>`select ${COMMENT_COLS} from consultation_comment
      where region_code = ${k.region_code} and consultation_id = ${k.id} order by id`.execute(
    w.trx,
  );
  return r.rows;
}

/**
 * The internal view: every comment with its answer; the contact in full for the owning
 * unit only (masked for the office and others), never on a public page or export.
 */
export function internalComments(w: WorkTx, k: ConsultationRow, rows: CommentRow[], key: Buffer) {
  const own = w.actor.unitId === k.unit_id;
  return rows.map(({ contact_cipher, submitted_at, ...c }) => {
    let contact: string | null = null;
    if (contact_cipher) {
      const plain = decryptField(key, contact_cipher, "consultation.contact");
      contact = own ? plain : maskPhone(plain);
    }
    return { ...c, submitted_at: submitted_at.toISOString(), contact };
  });
}

function mustAct(w: WorkTx, k: ConsultationRow) {
  if (!can(w.actor, "record.write"))
    throw new ForbiddenError(t("没有处理征求意见的权限", "you may not handle public comments"));
  if (!actsFor(w.actor, { regionCode: k.region_code, unitId: k.unit_id }))
    throw new ForbiddenError(
      t(
        "只有起草单位或本级法治办可以处理这些意见",
        "only the drafting unit or the region's office may handle these comments",
      ),
    );
}

async function commentOf(w: WorkTx, k: ConsultationRow, commentId: number): Promise<CommentRow> {
  const r = await sql<CommentRow>`select ${COMMENT_COLS} from consultation_comment
      where region_code = ${k.region_code} and consultation_id = ${k.id} and id = ${commentId}
      for update`.execute(w.trx);
  if (!r.rows[0]) throw new NotFoundError(t("没有这条意见", `no comment ${commentId}`));
  return r.rows[0];
}

/** Hide or restore a comment (moderation), with a reason; audited. Every comment is kept. */
export async function moderateComment(
  w: WorkTx,
  k: ConsultationRow,
  commentId: number,
  body: { hidden: boolean; reason: string },
): Promise<void> {
  mustAct(w, k);
  const c = await commentOf(w, k, commentId);
  if (c.hidden === body.hidden)
    throw new InvalidStateError(
      body.hidden
        ? t("该意见已被屏蔽", "the comment is already hidden")
        : t("该意见未被屏蔽", "the comment is not hidden"),
    );
  await sql`update consultation_comment set hidden = ${body.hidden},
      hidden_reason = ${body.hidden ? body.reason : null}
      where region_code = ${k.region_code} and id = ${commentId}`.execute(w.trx);
  await w.audit({
    regionCode: k.region_code,
    action: body.hidden ? "consultation.comment.hide" : "consultation.comment.restore",
    entityType: "consultation_comment",
    entityId: commentId,
    before: { hidden: c.hidden },
    after: { hidden: body.hidden },
    reason: body.reason,
    reasonRequired: true,
  });
}

/** Draft (or redraft) the answer to a comment; refused once the answers are published. */
export async function answerComment(
  w: WorkTx,
  k: ConsultationRow,
  commentId: number,
  body: { result: AnswerResult; reason?: string; onDate: string },
): Promise<void> {
  mustAct(w, k);
  if (k.answers_published_on)
    throw new ConflictError(
      t("答复已公布，不能再修改", "the answers are published and cannot change"),
    );
  const reason = body.reason?.trim() ?? "";
  if (body.result !== "adopted" && !reason) {
    const m = t(
      "未采纳、部分采纳或研究中的，须说明理由",
      "a reason is required unless the comment is adopted",
    );
    throw new ValidationError(m, [{ field: "reason", message: m }]);
  }
  const c = await commentOf(w, k, commentId);
  await sql`update consultation_comment set answer_result = ${body.result},
      answer_reason = ${reason || null}, answered_on = ${body.onDate}::date, answered_by = ${w.actor.userId}
      where region_code = ${k.region_code} and id = ${commentId}`.execute(w.trx);
  await w.audit({
    regionCode: k.region_code,
    action: "consultation.comment.answer",
    entityType: "consultation_comment",
    entityId: commentId,
    before: { result: c.answer_result, reason: c.answer_reason },
    after: { result: body.result, reason: reason || null },
  });
}

/**
 * Publish the answers together: only after the period closed, and only when every comment
 * that is not hidden has an answer (a hidden comment is answered too when it has one).
 */
export async function publishAnswers(w: WorkTx, k: ConsultationRow, onDate: string) {
  mustAct(w, k);
  if (k.answers_published_on)
    throw new ConflictError(t("答复已公布", "the answers are already published"));
  if (!k.closed_on && onDate <= k.closes_on)
    throw new InvalidStateError(
      t("征求意见期间尚未结束，不能公布答复", "the comment period is still running"),
    );
  const open = await sql<{ n: number }>`select count(*)::int as n from consultation_comment
      where region_code = ${k.region_code} and consultation_id = ${k.id}
        and not hidden and answer_result is null`.execute(w.trx);
  const n = open.rows[0]?.n ?? 0;
  if (n > 0)
    throw new InvalidStateError(
      t(`还有 ${n} 条意见未答复，不能公布`, `${n} comments have no answer yet`),
    );
  await sql`update consultation_comment set answer_published = true
      where region_code = ${k.region_code} and consultation_id = ${k.id} and answer_result is not null`.execute(
    w.trx,
  );
  await sql`update consultation set answers_published_on = ${onDate}::date
      where region_code = ${k.region_code} and id = ${k.id}`.execute(w.trx);
  await w.audit({
    regionCode: k.region_code,
    action: "consultation.answers.publish",
    entityType: "consultation",
    entityId: k.id,
    after: { onDate },
  });
}

/** Publish the consolidated adoption report (after the answers). */
export async function publishReport(w: WorkTx, k: ConsultationRow, onDate: string) {
  mustAct(w, k);
  if (!k.answers_published_on)
    throw new InvalidStateError(t("请先公布对意见的答复", "publish the answers first"));
  if (k.report_published_on)
    throw new ConflictError(t("采纳情况已公布", "the report is already published"));
  await sql`update consultation set report_published_on = ${onDate}::date
      where region_code = ${k.region_code} and id = ${k.id}`.execute(w.trx);
  await w.audit({
    regionCode: k.region_code,
    action: "consultation.report.publish",
    entityType: "consultation",
    entityId: k.id,
    after: { onDate },
  });
}

/** The moderation trail of these comments (the audit's hide / restore events), oldest first. */
export async function moderationTrail(
  w: WorkTx,
  regionCode: string,
  commentIds: readonly number[],
): Promise<{ commentId: number; hidden: boolean; reason: string; by: string; at: string }[]> {
  if (commentIds.length === 0) return [];
  const rows = await w.trx
    .selectFrom("audit_event")
    .select(["entity_id", "action", "reason", "actor_name", "occurred_at"])
    .where("region_code", "=", regionCode)
    .where("entity_type", "=", "consultation_comment")
    .where("entity_id", "in", commentIds.map(String))
    .where("action", "in", ["consultation.comment.hide", "consultation.comment.restore"])
    .orderBy("occurred_at")
    .orderBy("seq")
    .execute();
  return rows.map((r) => ({
    commentId: Number(r.entity_id),
    hidden: r.action === "consultation.comment.hide",
    reason: r.reason ?? "",
    by: r.actor_name ?? "",
    at: new Date(r.occurred_at as unknown as string).toISOString(),
  }));
}
