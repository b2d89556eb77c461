/**
 * A report's lifecycle as a case (so the clock, the warnings and the audit come from the
 * case engine): draft → secrecy review (保密审查) → approved → published. The draft is
 * edited in the draft state only; the secrecy review may send it back; publishing is the
 * report engine's (it freezes figures, records and fingerprint, then takes `publish`,
 * whose guard refuses a step that did not freeze).
 *
 * Clock: published and submitted to the government above by 1 April of the next year —
 * 《法治政府建设与责任落实督察工作规定》第二十四条 (regulations.md §8). The day is the
 * setting `report.publish_by` (default 04-01): provincial guidelines set earlier days
 * for some reporting lines (3月1日 for departments), and whether a county government's
 * report to its own Party committee is due by 3月1日 is uncertain [R].
 */
import { z } from "zod";
import { type CaseTypeDecl, type CaseView, STAY } from "../../engines/case/index.ts";
import { L } from "../../engines/labels.ts";
import {
  frozenBeforePublishing,
  type ReportDraft,
  sectionEditStep,
} from "../../engines/report/index.ts";
import type { SettingDecl } from "../../engines/settings.ts";
import type { Basis } from "../../kernel/citation.ts";
import { diffDays, type LocalDate } from "../../kernel/time/index.ts";
import { ANNUAL_REPORT, MODULE, REPORT_BASIS } from "./template.ts";

const zText = (max: number) => z.string().trim().min(1).max(max);
const zDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const DraftSchema = z.object({
  number: L(zText(50).optional(), "发文字号", "Document number"),
  signer: L(zText(50).optional(), "签发人", "Signer"),
  title: L(zText(200), "标题", "Title"),
  addressee: L(zText(100), "主送机关", "Addressee"),
  issuer: L(zText(100), "发文机关署名", "Issuer"),
  date: L(zDate, "成文日期", "Date"),
  contact: L(
    z
      .object({
        name: L(zText(50), "联系人", "Contact"),
        phone: L(zText(30), "联系电话", "Phone"),
      })
      .optional(),
    "联系人（仅报送版）",
    "Contact (submitted version only)",
  ),
  printedBy: L(zText(100).optional(), "印发机关", "Printed by"),
  blocks: L(
    z
      .array(
        z.union([
          z.object({
            kind: z.literal("heading"),
            level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
            text: zText(200),
          }),
          z.object({ kind: z.literal("paragraph"), text: zText(10000) }),
        ]),
      )
      .min(1)
      .max(500),
    "正文",
    "Body",
  ),
});

export const ReportFields = z.object({
  year: L(z.number().int().min(2000).max(9999), "报告年度", "Year reported on"),
  draft: L(DraftSchema, "报告正文", "Report text"),
});
export type ReportData = { year: number; draft: ReportDraft };

export const PUBLISH_BY = "report.publish_by";

export const publishBySetting: SettingDecl<string> = {
  code: PUBLISH_BY,
  label: { zh: "年度报告公开和报送截止日（月-日）", en: "Annual report due (month-day)" },
  module: MODULE,
  schema: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/),
  default: "04-01",
  basis: `${REPORT_BASIS}：每年4月1日之前向社会公开；部门报告按省级工作指引为3月1日之前（因地而异）`,
};

/** Calendar days from the opening to the due day of the year after the report's year. */
function untilDue(c: CaseView<ReportData>, settings: (code: string) => unknown) {
  const md = (settings(PUBLISH_BY) as string | undefined) ?? "04-01";
  const due = `${c.fields.year + 1}-${md}` as LocalDate;
  const n = diffDays(c.openedOn, due);
  return n > 0 ? { n, unit: "calendar_day" as const } : undefined;
}

/** The secrecy review before publication (the review mechanism the regulation requires). */
export const SECRECY_REVIEW_BASIS: Basis = {
  cites: [{ law: "政府信息公开条例", article: 17 }],
  note: "政府信息公开条例 art. 17: the body reviews information for secrecy before it is made public; that the reviewer is not the writer is the platform's reading [I]",
};

const opinion = L(zText(2000), "审查意见", "Opinion");

export const annualReportCaseType: CaseTypeDecl<ReportData> = {
  code: ANNUAL_REPORT,
  label: { zh: "法治政府建设年度报告", en: "Annual report" },
  module: MODULE,
  fields: ReportFields,
  title: (f) => `${f.year}年度法治政府建设情况报告`,
  states: {
    draft: { label: { zh: "起草中", en: "Draft" } },
    secrecy_review: { label: { zh: "保密审查中", en: "Secrecy review" } },
    approved: { label: { zh: "审查通过待发布", en: "Approved" } },
    published: { label: { zh: "已报送并公开", en: "Submitted and published" }, terminal: true },
  },
  initial: "draft",
  revisableFields: ["draft"],
  transitions: [
    {
      action: "edit",
      label: { zh: "修改报告", en: "Edit" },
      from: ["draft"],
      to: STAY,
      input: z.object({ draft: L(DraftSchema, "报告正文", "Report text") }),
      setsFields: ["draft"],
    },
    // The report's own editing page saves one section at a time.
    sectionEditStep({ from: ["draft"], to: STAY }),
    {
      action: "submit_review",
      label: { zh: "提交保密审查", en: "Submit for secrecy review" },
      from: ["draft"],
      to: "secrecy_review",
    },
    {
      action: "return_draft",
      label: { zh: "退回修改", en: "Return for changes" },
      from: ["secrecy_review", "approved"],
      to: "draft",
      permission: "region.oversee",
      input: z.object({ opinion }),
    },
    {
      action: "pass_review",
      label: { zh: "保密审查通过", en: "Secrecy review passed" },
      from: ["secrecy_review"],
      to: "approved",
      permission: "region.oversee",
      // The reviewer is not the writer: whoever opened, edited or submitted the draft
      // (《中华人民共和国政府信息公开条例》第十七条: a review mechanism with its procedure and
      // responsibility; a review by the writer is none — our reading [I]).
      notBy: {
        actions: ["create", "edit", "save_section", "submit_review"],
        who: { zh: "本报告的起草人", en: "report's writer" },
        legalBasis: SECRECY_REVIEW_BASIS,
      },
      input: z.object({
        opinion,
        noSecrets: L(
          z.literal(true, { message: "须确认不含国家秘密和工作秘密" }),
          "确认不含国家秘密和工作秘密",
          "Confirmed free of state and work secrets",
        ),
      }),
    },
    {
      action: "publish",
      label: { zh: "报送上级并向社会公开", en: "Submit upward and publish" },
      from: ["approved"],
      to: "published",
      permission: "region.oversee",
      guards: [frozenBeforePublishing()],
    },
  ],
  clocks: [
    {
      code: "publish_by",
      label: { zh: "公开和报送期限", en: "Publish and submit by" },
      period: (c, settings) => untilDue(c, settings),
      legalBasis: REPORT_BASIS,
      startOn: { action: "create" },
      stopOn: [{ action: "publish" }],
      dueSoon: { n: 15, unit: "working_day" },
    },
  ],
  reads: { settings: [PUBLISH_BY] },
  search: { fields: ["year"] },
};
