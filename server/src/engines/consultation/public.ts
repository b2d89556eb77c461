import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema.ts";
import { withScope } from "../../db/scope.ts";
import { InvalidStateError, NotFoundError, t, ValidationError } from "../../kernel/errors.ts";
import { scrubNumbers } from "../../kernel/masking.ts";
import { encryptField } from "../../platform/crypto/field-cipher.ts";
import { ANSWER_RESULT_LABELS, type AnswerResult } from "./declare.ts";
import { adoptionReport, type ReportComment } from "./report.ts";

/**
 * The public side of a consultation (the portal, no account): the open and answered
 * drafts of a region, one draft's page (its text, its comments that are not hidden, the
 * published answers beside them), and the one write path — a comment, through
 * `fazhi_consultation_submit` (migration 0023). Every read here is an allowlist: the
 * submitter's name and contact never leave, numbers in free text are scrubbed.
 */

export const MAX_COMMENT = 2000;
export const MAX_TOPIC = 100;
export const MAX_AUTHOR = 50;
export const MAX_CONTACT = 30;
/** A form token is good for this long after the page was served. */
const TOKEN_MS = 24 * 3600_000;

export interface PublicConsultation {
  id: number;
  title: string;
  draft: string;
  opensOn: string;
  closesOn: string;
  open: boolean;
  answersPublished: boolean;
  reportPublished: boolean;
}

interface Row {
  id: number;
  title: string;
  draft: string;
  opens_on: string;
  closes_on: string;
  closed_on: string | null;
  answers_published_on: string | null;
  report_published_on: string | null;
}

function project(r: Row, today: string): PublicConsultation {
  return {
    id: r.id,
    title: r.title,
    draft: scrubNumbers(r.draft),
    opensOn: r.opens_on,
    closesOn: r.closes_on,
    open: !r.closed_on && r.opens_on <= today && today <= r.closes_on,
    answersPublished: r.answers_published_on !== null,
    reportPublished: r.report_published_on !== null,
  };
}

const PUB_COLS =
  sql.raw(`id::int as id, title, draft, opens_on::text as opens_on, closes_on::text as closes_on,
  closed_on::text as closed_on, answers_published_on::text as answers_published_on,
  report_published_on::text as report_published_on`);

const readScope = (region: string) => ({ regions: [region], unitId: undefined, userId: undefined });

/** The region's consultations that have started (open now, or closed), newest first. */
export async function publicConsultations(
  db: Kysely<DB>,
  region: string,
  today: string,
): Promise<PublicConsultation[]> {
  const rows = await withScope(db, readScope(region), (trx) =>
    sql<Row>`select ${PUB_COLS} from consultation
        where region_code = ${region} and opens_on <= ${today}::date
        order by opens_on desc, id desc limit 200`.execute(trx),
  );
  return rows.rows.map((r) => project(r, today));
}

export interface PublicComment {
  id: number;
  submittedOn: string;
  topic: string;
  body: string;
  answer: { result: string; reason: string } | null;
}

/** One consultation with its visible comments and (once published) their answers. */
export async function publicConsultation(
  db: Kysely<DB>,
  region: string,
  id: number,
  today: string,
): Promise<{
  consultation: PublicConsultation;
  comments: PublicComment[];
  report: ReturnType<typeof adoptionReport> | null;
}> {
  return withScope(db, readScope(region), async (trx) => {
    const r = await sql<Row>`select ${PUB_COLS} from consultation
        where region_code = ${region} and id = ${id} and opens_on <= ${today}::date`.execute(trx);
    const row = r.rows[0];
    if (!row) throw new NotFoundError(t("没有这项征求意见", `no consultation ${id}`));
    const cs = await sql<
      ReportComment & { id: number; submitted_on: string; answer_published: boolean }
    >`
      select id::int as id, submitted_on::text as submitted_on, topic, body, hidden,
             answer_result, answer_reason, answer_published
        from consultation_comment
       where region_code = ${region} and consultation_id = ${id} order by id`.execute(trx);
    const comments = cs.rows
      .filter((c) => !c.hidden)
      .map((c) => ({
        id: c.id,
        submittedOn: c.submitted_on,
        topic: c.topic,
        body: scrubNumbers(c.body),
        answer:
          c.answer_published && c.answer_result
            ? {
                result: ANSWER_RESULT_LABELS[c.answer_result as AnswerResult].zh,
                reason: scrubNumbers(c.answer_reason ?? ""),
              }
            : null,
      }));
    const report = row.report_published_on ? adoptionReport(row, cs.rows) : null;
    return { consultation: project(row, today), comments, report };
  });
}

function tokenKey(fieldKey: Buffer): Buffer {
  return Buffer.from(hkdfSync("sm3", fieldKey, Buffer.alloc(0), "fazhi/consultation-form/v1", 32));
}

/**
 * The form's token: an HMAC of the region, the consultation and the moment the page was
 * served. A comment needs a token this server issued for this draft within a day — a
 * form posted from another site without first loading ours is refused (the portal has
 * no session to ride on; the token and the Origin check keep the form our own).
 */
export function formToken(fieldKey: Buffer, region: string, id: number, now: Date): string {
  const at = now.getTime().toString(36);
  const mac = createHmac("sm3", tokenKey(fieldKey)).update(`${region}:${id}:${at}`).digest("hex");
  return `${at}.${mac}`;
}

export function tokenProblem(
  fieldKey: Buffer,
  region: string,
  id: number,
  token: string | undefined,
  now: Date,
): boolean {
  const [at, mac] = (token ?? "").split(".");
  if (!at || !mac) return true;
  const issued = Number.parseInt(at, 36);
  if (!Number.isFinite(issued) || issued > now.getTime() || now.getTime() - issued > TOKEN_MS)
    return true;
  const want = createHmac("sm3", tokenKey(fieldKey)).update(`${region}:${id}:${at}`).digest();
  const got = Buffer.from(mac, "hex");
  return got.length !== want.length || !timingSafeEqual(got, want);
}

export interface CommentInput {
  topic?: string;
  body?: string;
  author?: string;
  contact?: string;
}

/**
 * A citizen's comment: checked (every bad field at once), then written by the checked
 * function, which refuses a draft that is not open on the day. The contact is SM4
 * encrypted before it reaches the database.
 */
export async function submitComment(
  db: Kysely<DB>,
  fieldKey: Buffer,
  p: { region: string; id: number; today: string; now: Date; realNameRequired: boolean },
  input: CommentInput,
): Promise<number> {
  const body = (input.body ?? "").trim();
  const topic = (input.topic ?? "").trim();
  const author = (input.author ?? "").trim();
  const contact = (input.contact ?? "").trim();
  const fields: { field: string; message: ReturnType<typeof t> }[] = [];
  if (!body)
    fields.push({ field: "body", message: t("请填写意见内容", "the comment is required") });
  if (body.length > MAX_COMMENT)
    fields.push({
      field: "body",
      message: t(`意见内容不得超过${MAX_COMMENT}字`, `at most ${MAX_COMMENT} characters`),
    });
  if (topic.length > MAX_TOPIC)
    fields.push({
      field: "topic",
      message: t(`条款或主题不得超过${MAX_TOPIC}字`, `at most ${MAX_TOPIC} characters`),
    });
  if (author.length > MAX_AUTHOR)
    fields.push({
      field: "author",
      message: t(`姓名不得超过${MAX_AUTHOR}字`, `at most ${MAX_AUTHOR} characters`),
    });
  if (p.realNameRequired && !author)
    fields.push({ field: "author", message: t("请填写真实姓名", "your real name is required") });
  if (contact.length > MAX_CONTACT || (contact && !/^[0-9+\-\s()]{5,30}$/.test(contact)))
    fields.push({ field: "contact", message: t("联系电话格式不正确", "not a phone number") });
  if (fields.length > 0) {
    const names: Record<string, string> = {
      body: "意见内容",
      topic: "条款或主题",
      author: "姓名",
      contact: "联系电话",
    };
    throw new ValidationError(
      t(
        `请检查：${[...new Set(fields.map((f) => names[f.field]))].join("、")}`,
        `check: ${[...new Set(fields.map((f) => f.field))].join(", ")}`,
      ),
      fields,
    );
  }
  const cipher = contact ? encryptField(fieldKey, contact, "consultation.contact") : null;
  try {
    const r = await sql<{ id: string }>`select fazhi_consultation_submit(${p.region}, ${p.id},
        ${p.today}::date, ${p.now}, ${topic}, ${body}, ${author || null}, ${cipher}) as id`.execute(
      db,
    );
    return Number(r.rows[0]!.id);
  } catch (e) {
    if ((e as { code?: string }).code === "22023")
      throw new InvalidStateError(
        t("不在征求意见期间内，不能提交意见", "this draft is not open for comment today"),
      );
    throw e;
  }
}
