/**
 * The worked example of a document template: a notice (通知) from an issuing body.
 * Title per the standard's pattern 发文机关 + 关于 + 事由 + 的 + 文种:
 * "重庆市武隆区人民政府关于开展2020年度法治政府建设督察工作的通知".
 */
import { z } from "zod";
import { t, ValidationError } from "../../kernel/errors.ts";
import { issueText } from "../../kernel/issue-text.ts";
import { localDateProblem } from "../../kernel/time/local-date.ts";
import { type Block, type OfficialDocument, widthInChars } from "./official.ts";

const text = z.string().trim().min(1, "required");
const localDate = z.string().superRefine((v, ctx) => {
  const problem = localDateProblem(v);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

const block = z.union([
  z.string(),
  z.object({ kind: z.literal("paragraph"), text: z.string() }),
  z.object({
    kind: z.literal("heading"),
    level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    text: z.string(),
    body: z.string().optional(),
    numbered: z.boolean().optional(),
  }),
  z.object({
    kind: z.literal("table"),
    rows: z.array(z.array(z.string())),
    header: z.boolean().optional(),
    widths: z.array(z.number().positive()).optional(),
    caption: z.string().optional(),
  }),
  z.object({ kind: z.literal("attachments"), items: z.array(z.string()) }),
  z.object({ kind: z.literal("pageBreak") }),
]);

export const noticeSchema = z.object({
  /** The issuing body, e.g. 重庆市武隆区人民政府. */
  issuer: text,
  /** Default: issuer + 文件. */
  issuerMark: text.optional(),
  /** e.g. 武隆府发〔2020〕12号 */
  number: text.optional(),
  /** 事由: 开展2020年度法治政府建设督察工作 */
  subject: text,
  /**
   * The title as it should be broken into lines ("\n"), when the default break (after the
   * issuer, if the title does not fit one line) does not keep the sense of each line.
   */
  title: text.optional(),
  addressee: text,
  body: z.array(block).min(1, "a notice has a body"),
  /** Names of the attachments (附件). */
  attachments: z.array(text).optional(),
  /** 成文日期 as YYYY-MM-DD. */
  date: localDate,
  seal: z.boolean().optional(),
  contact: z.object({ name: text, phone: text }).optional(),
  copyTo: z.array(text).optional(),
  printedBy: text.optional(),
  printedOn: localDate.optional(),
});

export type NoticeData = z.infer<typeof noticeSchema>;

/** Checks untyped notice data; every bad field named at once (ValidationError). */
export function parseNotice(data: unknown): NoticeData {
  const r = noticeSchema.safeParse(data);
  if (r.success) return r.data;
  const fields = r.error.issues.map((i) => ({
    field: i.path.join(".") || "data",
    message: issueText(i),
  }));
  throw new ValidationError(
    t(
      "通知的内容有误，请按提示修改",
      `invalid notice: ${[...new Set(fields.map((f) => f.field))].join(", ")}`,
    ),
    fields,
  );
}

/** 2号 characters on a line of the type area: 442.2 pt / 22 pt. */
const TITLE_CHARS_PER_LINE = 20;

/** 发文机关 + 关于 + 事由 + 的通知; broken after the issuer if it does not fit one line. */
export function defaultTitle(issuer: string, subject: string): string {
  const rest = `关于${subject}的通知`;
  return widthInChars(issuer + rest) <= TITLE_CHARS_PER_LINE ? issuer + rest : `${issuer}\n${rest}`;
}

export function noticeTemplate(d: NoticeData): OfficialDocument {
  const body: Block[] = [...(d.body as Block[])];
  if (d.attachments && d.attachments.length > 0)
    body.push({ kind: "attachments", items: d.attachments });
  return {
    issuerMark: d.issuerMark ?? `${d.issuer}文件`,
    ...(d.number ? { number: d.number } : {}),
    title: d.title ?? defaultTitle(d.issuer, d.subject),
    addressee: d.addressee,
    body,
    issuer: d.issuer,
    date: d.date,
    ...(d.seal !== undefined ? { seal: d.seal } : {}),
    ...(d.contact ? { note: `联系人：${d.contact.name}；联系电话：${d.contact.phone}` } : {}),
    ...(d.copyTo ? { copyTo: d.copyTo } : {}),
    ...(d.printedBy ? { printedBy: d.printedBy } : {}),
    ...(d.printedOn ? { printedOn: d.printedOn } : {}),
  };
}
