/**
 * The seal-up and seizure instruments (执法文书, the "instrument" form: no red masthead —
 * ../shared/domain/official-documents.md, last section), issue 10 / issue 11:
 * - 查封（扣押）决定书 with what 行政强制法 第二十四条第二款 asks for: the party's name and
 *   address; the reason, basis and term; the places, facilities or things (the list); the
 *   way and period to seek reconsideration or sue; the body's name, seal and date;
 * - 查封（扣押）清单 (第二十四条第一款: handed over on the spot with the decision), a table
 *   signed by the party and the officers;
 * - 延长查封（扣押）期限决定书 (第二十五条第一款、第二款: the extension, its reason, served on
 *   the party in writing);
 * - 解除查封（扣押）决定书 (第二十八条: the ground of the release, the things returned).
 * Chinese documents cite in Chinese form, never "art.".
 */
import type { CaseDocumentDecl, CaseView, DocumentContext } from "../../../engines/case/index.ts";
import { chineseNumeral } from "../../../kernel/citation.ts";
import { InvalidStateError, t } from "../../../kernel/errors.ts";
import type { Block, OfficialDocument } from "../../../platform/documents/official.ts";
import { formatChineseDate } from "../../../platform/documents/official.ts";
import type { CompulsionCase } from "./compulsion.ts";
import { challengeBodies, issuerName, partyLines, sentence } from "./documents.ts";

/** 《中华人民共和国行政强制法》第X条 */
export const xzqz = (article: number, rest = "") =>
  `《中华人民共和国行政强制法》第${chineseNumeral(article)}条${rest}`;

/** The grounds of a release, 行政强制法 第二十八条第一款 (一)–(五). */
export const RELEASE_GROUND_LABELS = {
  no_violation: { zh: "当事人没有违法行为", en: "The party committed no violation" },
  unrelated: {
    zh: "查封、扣押的场所、设施或者财物与违法行为无关",
    en: "The things held are unrelated to the violation",
  },
  decided: {
    zh: "行政机关对违法行为已经作出处理决定，不再需要查封、扣押",
    en: "The violation has been decided on; the measure is no longer needed",
  },
  term_ended: { zh: "查封、扣押期限已经届满", en: "The term has ended" },
  other: {
    zh: "其他不再需要采取查封、扣押措施的情形",
    en: "The measure is no longer needed for another reason",
  },
} as const;
export type ReleaseGround = keyof typeof RELEASE_GROUND_LABELS;
const ITEM_OF_GROUND: Record<ReleaseGround, string> = {
  no_violation: "（一）",
  unrelated: "（二）",
  decided: "（三）",
  term_ended: "（四）",
  other: "（五）",
};

const measureZh = (f: CompulsionCase) => (f.measure === "seal_up" ? "查封" : "扣押");

const issuer = (c: CaseView<CompulsionCase>, ctx: DocumentContext): string => issuerName(c, ctx);

function rights(ctx: DocumentContext, name: string): string {
  const { reconsiderationBody, court } = challengeBodies(name, ctx);
  return `如不服本决定，可以在收到本决定书之日起六十日内向${reconsiderationBody}申请行政复议，也可以在收到本决定书之日起六个月内向${court}提起行政诉讼。`;
}

const base = (
  c: CaseView<CompulsionCase>,
  ctx: DocumentContext,
  title: string,
  body: Block[],
  date: string | undefined,
): OfficialDocument => {
  const name = issuer(c, ctx);
  return {
    form: "instrument",
    issuerMark: name,
    title,
    body,
    issuer: name,
    date: (date ?? ctx.today) as OfficialDocument["date"],
    seal: true,
  };
};

export function seizureDecision(
  c: CaseView<CompulsionCase>,
  ctx: DocumentContext,
): OfficialDocument {
  const f = c.fields;
  const m = measureZh(f);
  const name = issuer(c, ctx);
  const since = f.imposedOn ? `自${formatChineseDate(f.imposedOn)}起` : "自本决定作出之日起";
  const body: Block[] = [
    ...partyLines(f),
    `${m}理由：${sentence(f.reason)}`,
    `依据${f.legalBasis}和${xzqz(22)}、${xzqz(23)}、${xzqz(24)}的规定，本机关决定对你（单位）的下列场所、设施或者财物予以${m}（详见${m}清单）：${f.items.join("；")}。`,
    `${m}地点：${f.place}。`,
    `${m}期限为三十日，${since}计算。情况复杂的，经本机关负责人批准，可以延长，延长期限不得超过三十日；对物品需要进行检测、检验、检疫或者技术鉴定的，其期间不计入${m}期限（${xzqz(25)}）。`,
    `对${m}的场所、设施或者财物，本机关妥善保管，不得使用或者损毁（${xzqz(26, "第一款")}）；你（单位）不得擅自启封、转移、隐匿、损毁。`,
    rights(ctx, name),
  ];
  return base(c, ctx, `${m}决定书`, body, f.imposedOn);
}

export function seizureList(c: CaseView<CompulsionCase>, ctx: DocumentContext): OfficialDocument {
  const f = c.fields;
  const m = measureZh(f);
  const sign = `\n\n${"　".repeat(12)}年　　月　　日`;
  const body: Block[] = [
    `当事人：${f.party.name}`,
    `${m}地点：${f.place}`,
    {
      kind: "table",
      header: true,
      widths: [1, 6, 2],
      rows: [
        ["序号", "场所、设施或者财物的名称、数量", "备注"],
        ...f.items.map((x, i) => [String(i + 1), x, ""]),
      ],
    },
    `本清单与${m}决定书一并当场交付当事人（${xzqz(24, "第一款")}），一式两份，一份交当事人，一份附卷。`,
    {
      kind: "table",
      header: false,
      widths: [2, 5],
      minHeights: [22, 22],
      rows: [
        ["当事人签名或者盖章", sign],
        ["执法人员签名", sign],
      ],
    },
  ];
  return { ...base(c, ctx, `${m}清单`, body, f.imposedOn), seal: false };
}

export function extensionDecision(
  c: CaseView<CompulsionCase>,
  ctx: DocumentContext,
): OfficialDocument {
  const f = c.fields;
  const x = f.extension;
  if (!x) {
    throw new InvalidStateError(
      t(
        "本案未延长查封、扣押期限，没有延长期限决定书",
        "the term was not extended: there is no extension decision",
      ),
    );
  }
  const m = measureZh(f);
  const body: Block[] = [
    ...partyLines(f),
    `本机关于${f.imposedOn ? formatChineseDate(f.imposedOn) : ""}对你（单位）的${f.items.join("；")}予以${m}。因${sentence(x.reason).replace(/。$/, "")}，情况复杂，经本机关负责人批准，依据${xzqz(25, "第一款")}的规定，决定将${m}期限延长${chineseNumeral(x.days)}日，至${formatChineseDate(x.termEnd)}届满。`,
    rights(ctx, issuer(c, ctx)),
  ];
  return { ...base(c, ctx, `延长${m}期限决定书`, body, x.onDate), number: x.noticeNo };
}

export function releaseDecision(
  c: CaseView<CompulsionCase>,
  ctx: DocumentContext,
): OfficialDocument {
  const f = c.fields;
  if (f.handling !== "released") {
    throw new InvalidStateError(
      t(
        "本案的处理结果不是解除查封、扣押，没有解除决定书",
        "the measure was not lifted: there is no release decision",
      ),
    );
  }
  const m = measureZh(f);
  const ground = (f.releaseGround ?? "other") as ReleaseGround;
  const body: Block[] = [
    ...partyLines(f),
    `本机关于${f.imposedOn ? formatChineseDate(f.imposedOn) : ""}对你（单位）的${f.items.join("；")}予以${m}。`,
    `因${RELEASE_GROUND_LABELS[ground].zh}，依据${xzqz(28, `第一款第${ITEM_OF_GROUND[ground]}项`)}的规定，本机关决定解除上述${m}，${f.measure === "seizure" ? "扣押的财物予以退还" : "查封的场所、设施或者财物予以启封"}（${xzqz(28, "第二款")}）。`,
  ];
  if (f.handlingNote) body.push(`说明：${sentence(f.handlingNote)}`);
  return base(c, ctx, `解除${m}决定书`, body, f.handledOn);
}

/** The measure's instruments, in the order they are made. */
export const COMPULSION_DOCUMENTS: CaseDocumentDecl<CompulsionCase>[] = [
  {
    code: "seizure_decision",
    label: { zh: "查封（扣押）决定书", en: "Seal-up or seizure decision" },
    states: ["in_force", "handled"],
    build: seizureDecision,
  },
  {
    code: "seizure_list",
    label: { zh: "查封（扣押）清单", en: "List of the things sealed up or seized" },
    states: ["in_force", "handled"],
    build: seizureList,
  },
  {
    code: "seizure_extension",
    label: { zh: "延长查封（扣押）期限决定书", en: "Decision extending the term" },
    states: ["in_force", "handled"],
    build: extensionDecision,
  },
  {
    code: "seizure_release",
    label: { zh: "解除查封（扣押）决定书", en: "Release decision" },
    states: ["handled"],
    build: releaseDecision,
  },
];
