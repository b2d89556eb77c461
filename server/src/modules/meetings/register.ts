/**
 * The meetings register (会议): the meetings of the district's deciding bodies — 区委常委会,
 * 区委全面依法治区委员会, 区政府常务会议, 区政府党组会议, and joint meetings of two or more
 * of them (e.g. "区政府党组（扩大）会议暨区政府第111次常务会议"). The seed report cites them
 * as the place where the law was studied before the meeting (会前学法) and where major
 * decisions were deliberated collectively (重大行政决策程序暂行条例 art. 30: discussed at an
 * executive or plenary meeting, dissenting opinions recorded truthfully).
 *
 * Other modules refer to a meeting by its entry id (collective deliberation of a major
 * decision, of a normative document); `loadMeeting` checks such a reference.
 *
 * Not public. Minutes, dissent and internal deliberation are internal: 政府信息公开条例
 * art. 16 lets 讨论记录、过程稿 go unpublished, and party committee meetings are party
 * affairs outside it. No statute read requires publishing 会前学法 either; the public
 * sees the annual report's count of meetings that studied law first (an indicator over
 * this register), and a decision itself is published with its own case.
 */

import { z } from "zod";
import type { RegisterDecl } from "../../engines/register/index.ts";
import { type EntryView, getEntry, labelCode } from "../../engines/register/index.ts";
import { t, ValidationError } from "../../kernel/errors.ts";
import { INVALID_DATE, zt } from "../../kernel/issue-text.ts";
import type { Label } from "../../kernel/labels.ts";
import { localDateProblem } from "../../kernel/time/index.ts";
import type { WorkTx } from "../../platform/work.ts";

export const MEETING_BODIES = [
  "party_standing_committee",
  "governance_committee",
  "government_executive",
  "party_group",
  "district_conference",
] as const;
export type MeetingBody = (typeof MEETING_BODIES)[number];

export const MEETING_BODY_LABELS: Record<MeetingBody | "joint", Label> = {
  party_standing_committee: {
    zh: "区委常委会",
    en: "Standing Committee of the District Party Committee",
  },
  governance_committee: {
    zh: "区委全面依法治区委员会",
    en: "District Committee for Law-based Governance",
  },
  government_executive: {
    zh: "区政府常务会议",
    en: "Executive Meeting of the District Government",
  },
  party_group: { zh: "区政府党组会议", en: "Party Group Meeting of the District Government" },
  district_conference: { zh: "全区性工作会议", en: "District-wide conference" },
  joint: { zh: "联席会议", en: "Joint meeting" },
};

const { joint: _joint, ...MEMBER_BODY_LABELS } = MEETING_BODY_LABELS;

export const AGENDA_KIND_LABELS: Record<"decision" | "report" | "study", Label> = {
  decision: { zh: "审议决定", en: "Decision" },
  report: { zh: "听取汇报", en: "Report" },
  study: { zh: "学习", en: "Study" },
};

export const STUDY_KIND_LABELS: Record<"law" | "speech" | "regulation" | "other", Label> = {
  law: { zh: "法律", en: "Law" },
  regulation: { zh: "法规规章", en: "Regulation" },
  speech: { zh: "重要讲话", en: "Speech" },
  other: { zh: "其他", en: "Other" },
};

const name = z.string().trim().min(1, "required").max(50);

const date = z.string().superRefine((v, ctx) => {
  if (localDateProblem(v)) ctx.addIssue({ code: "custom", message: INVALID_DATE });
});

export const meetingSchema = z
  .object({
    body: z.enum([...MEETING_BODIES, "joint"]),
    /** For a joint meeting: the bodies meeting together (at least two). */
    bodies: z.array(z.enum(MEETING_BODIES)).optional(),
    /** As the body numbers its meetings: "2020年第12次", "十四届第116次", "第二次". */
    number: z.string().trim().min(1, "required").max(50),
    date,
    chair: name,
    attendees: z.array(name).max(300).default([]),
    items: z
      .array(
        z.object({
          title: z.string().trim().min(1, "required").max(500),
          kind: z.enum(["decision", "report", "study"]),
          /** A rule-of-law item (法治建设议题): counted for 一(一) of the annual report. */
          ruleOfLaw: z.boolean().optional(),
        }),
      )
      .max(200)
      .default([]),
    /** 会前学法: what was studied before the agenda. */
    studied: z
      .array(
        z.object({
          kind: z.enum(["law", "speech", "regulation", "other"]),
          title: z.string().trim().min(1, "required").max(500),
          presenter: name.optional(),
        }),
      )
      .max(50)
      .default([]),
    decisions: z.array(z.string().trim().min(1).max(5000)).max(200).default([]),
    minutes: z.string().max(200_000).optional(),
    /** Dissenting opinions, recorded truthfully (重大行政决策程序暂行条例 art. 30). */
    dissent: z
      .array(z.object({ who: name, opinion: z.string().trim().min(1, "required").max(5000) }))
      .max(200)
      .default([]),
  })
  .superRefine(
    (m, ctx) => {
      // Runs even when other fields are invalid (every error at once): read defensively.
      const bodies: unknown[] = Array.isArray(m.bodies) ? m.bodies : [];
      if (m.body === "joint") {
        if (new Set(bodies).size < 2) {
          ctx.addIssue({
            code: "custom",
            path: ["bodies"],
            message: zt(
              "联席会议至少要有两个不同的议事机构",
              "a joint meeting names at least two different bodies",
            ),
          });
        } else if (new Set(bodies).size !== bodies.length) {
          ctx.addIssue({
            code: "custom",
            path: ["bodies"],
            message: zt("议事机构重复", "a body is named twice"),
          });
        }
      } else if (bodies.length > 0) {
        ctx.addIssue({
          code: "custom",
          path: ["bodies"],
          message: zt(
            "只有联席会议才填写联合召开的议事机构",
            "only a joint meeting names the bodies meeting together",
          ),
        });
      }
    },
    { when: (p) => typeof p.value === "object" && p.value !== null },
  );

export type MeetingData = z.infer<typeof meetingSchema>;

/** The meeting's name as people write it: 区政府常务会议2020年第12次, 区政府党组会议暨区政府常务会议… */
export function meetingTitle(m: Pick<MeetingData, "body" | "bodies" | "number">): string {
  const body =
    m.body === "joint"
      ? (m.bodies ?? []).map((b) => MEETING_BODY_LABELS[b].zh).join("暨") || "联席会议"
      : MEETING_BODY_LABELS[m.body].zh;
  return `${body}（${m.number}）`;
}

/** "前缀：正文" split at the first full-width or ASCII colon. */
function splitColon(text: string): [string, string] {
  const i = text.search(/[：:]/);
  if (i < 0) throw new ValidationError(t("请按“类别：内容”填写", 'write it as "category：text"'));
  return [text.slice(0, i).trim(), text.slice(i + 1).trim()];
}

/** How a rule-of-law item is marked in an xlsx cell: "听取汇报：区法治政府建设情况【法治议题】". */
const RULE_OF_LAW_MARK = "【法治议题】";

const PRESENTER = /（主讲：([^（）]*)）$/;

export const meetingRegister: RegisterDecl<typeof meetingSchema> = {
  code: "meeting",
  label: { zh: "会议", en: "Meetings" },
  module: "meetings",
  schema: meetingSchema,
  columns: [
    {
      field: "body",
      label: { zh: "会议类型", en: "Body" },
      kind: "enum",
      options: MEETING_BODY_LABELS,
      filter: true,
    },
    {
      field: "bodies",
      label: { zh: "联席机构", en: "Bodies meeting jointly" },
      kind: "list",
      options: MEMBER_BODY_LABELS,
      inList: false,
    },
    { field: "number", label: { zh: "会议期次", en: "Number" }, kind: "text" },
    { field: "date", label: { zh: "会议日期", en: "Date" }, kind: "date" },
    { field: "chair", label: { zh: "主持人", en: "Chair" }, kind: "text" },
    {
      field: "attendees",
      label: { zh: "出席人员", en: "Attendees" },
      kind: "list",
      inList: false,
    },
    {
      field: "studied",
      label: { zh: "会前学法", en: "Studied before the meeting" },
      kind: "list",
      item: {
        format: (v) => {
          const s = v as MeetingData["studied"][number];
          const presenter = s.presenter ? `（主讲：${s.presenter}）` : "";
          return `${STUDY_KIND_LABELS[s.kind].zh}：${s.title}${presenter}`;
        },
        parse: (text) => {
          const [kind, rest] = splitColon(text);
          const m = PRESENTER.exec(rest);
          const title = m ? rest.slice(0, m.index).trim() : rest;
          return {
            kind: labelCode(STUDY_KIND_LABELS, kind),
            title,
            ...(m?.[1]?.trim() ? { presenter: m[1].trim() } : {}),
          };
        },
      },
    },
    {
      field: "items",
      label: { zh: "议题", en: "Agenda items" },
      kind: "list",
      inList: false,
      item: {
        format: (v) => {
          const i = v as MeetingData["items"][number];
          return `${AGENDA_KIND_LABELS[i.kind].zh}：${i.title}${i.ruleOfLaw ? RULE_OF_LAW_MARK : ""}`;
        },
        parse: (text) => {
          const [kind, rest] = splitColon(text);
          const ruleOfLaw = rest.endsWith(RULE_OF_LAW_MARK);
          const title = ruleOfLaw ? rest.slice(0, -RULE_OF_LAW_MARK.length).trim() : rest;
          return {
            kind: labelCode(AGENDA_KIND_LABELS, kind),
            title,
            ...(ruleOfLaw ? { ruleOfLaw } : {}),
          };
        },
      },
    },
    { field: "decisions", label: { zh: "会议决定", en: "Decisions" }, kind: "list", inList: false },
    {
      field: "dissent",
      label: { zh: "不同意见", en: "Dissenting opinions" },
      kind: "list",
      inList: false,
      item: {
        format: (v) => {
          const d = v as MeetingData["dissent"][number];
          return `${d.who}：${d.opinion}`;
        },
        parse: (text) => {
          const [who, opinion] = splitColon(text);
          return { who, opinion };
        },
      },
    },
    { field: "minutes", label: { zh: "会议纪要", en: "Minutes" }, kind: "text", inList: false },
  ],
  uniqueKeys: [{ name: "body_number", fields: ["body", "number"] }],
  visibility: "region",
  edit: { permission: "record.write", scope: "own_unit" },
  title: meetingTitle,
  people: [
    { field: "chair", role: "official" },
    { field: "attendees", role: "official" },
  ],
  sensitive: ["delete"],
};

/**
 * A meeting another record refers to (collective deliberation, decision): the entry if
 * the actor can see it, else NotFoundError.
 */
export async function loadMeeting(
  w: WorkTx,
  id: number,
): Promise<EntryView & { data: MeetingData }> {
  return (await getEntry(w, meetingRegister, id)) as EntryView & { data: MeetingData };
}

/** Did the meeting take up the rule of law: a rule-of-law item, or anything studied before it? */
export function tookUpRuleOfLaw(m: Pick<MeetingData, "studied" | "items">): boolean {
  return m.studied.length > 0 || m.items.some((i) => i.ruleOfLaw === true);
}

/** Did the meeting study law (a statute, regulation or rule) before its agenda? */
export function studiedLaw(m: Pick<MeetingData, "studied">): boolean {
  return m.studied.some((s) => s.kind === "law" || s.kind === "regulation");
}
