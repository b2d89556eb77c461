/**
 * A draft's sections, as the writer edits them (pure): the head (number, signer, title,
 * addressee), the opening, each heading with the paragraphs under it (一 and its parts
 * （一）…, 二, 三, …, keyed by their numbers: "1", "1.3", "2"), the signature (issuer and
 * 印发机关), the date and the contact. A section is saved on its own (`save_section`, a
 * step of the report's case type declared with `sectionEditStep`), so two writers on two
 * sections never replace each other's text — the case's version still guards the draft.
 */
import { z } from "zod";
import { t } from "../../kernel/errors.ts";
import { zt } from "../../kernel/issue-text.ts";
import type { Guard, TransitionDecl } from "../case/index.ts";
import { L } from "../labels.ts";
import type { DraftBlock, ReportDraft } from "./declare.ts";

export type SectionKind = "head" | "opening" | "narrative" | "signature" | "date" | "contact";

export interface DraftSection {
  /** "head", "opening", "1", "1.3", …, "signature", "date", "contact". */
  key: string;
  kind: SectionKind;
  /** The heading's level (1–4); 0 for the others. */
  level: number;
  /** The block index of its heading (narrative sections). */
  heading: number | null;
  /** The block indexes of its paragraphs (up to the next heading). */
  paragraphs: number[];
}

const NUMBERED = /^\d+(\.\d+){0,3}$/;
const KEY = /^(head|opening|signature|date|contact|\d+(\.\d+){0,3})$/;

/** The sections of a draft, in the document's order. */
export function draftSections(draft: ReportDraft): DraftSection[] {
  const out: DraftSection[] = [
    { key: "head", kind: "head", level: 0, heading: null, paragraphs: [] },
  ];
  const opening: DraftSection = {
    key: "opening",
    kind: "opening",
    level: 0,
    heading: null,
    paragraphs: [],
  };
  out.push(opening);
  const counters = [0, 0, 0, 0];
  let current = opening;
  draft.blocks.forEach((b, i) => {
    if (b.kind === "paragraph") {
      current.paragraphs.push(i);
      return;
    }
    const l = b.level - 1;
    counters[l] = (counters[l] ?? 0) + 1;
    for (let k = l + 1; k < 4; k++) counters[k] = 0;
    current = {
      key: counters.slice(0, l + 1).join("."),
      kind: "narrative",
      level: b.level,
      heading: i,
      paragraphs: [],
    };
    out.push(current);
  });
  for (const kind of ["signature", "date", "contact"] as const)
    out.push({ key: kind, kind, level: 0, heading: null, paragraphs: [] });
  return out;
}

const text = (max: number) => z.string().trim().min(1, zt("必填", "required")).max(max);

/** A section's new text: the fields its kind needs (every missing one named at once). */
export const SectionEdit = z
  .object({
    section: L(z.string().regex(KEY), "章节", "Section"),
    heading: L(text(200).optional(), "小标题", "Heading"),
    paragraphs: L(z.array(z.string().max(10000)).max(200).optional(), "正文段落", "Paragraphs"),
    number: L(z.string().trim().max(50).optional(), "发文字号", "Document number"),
    signer: L(z.string().trim().max(50).optional(), "签发人", "Signer"),
    title: L(text(200).optional(), "标题", "Title"),
    addressee: L(text(100).optional(), "主送机关", "Addressee"),
    issuer: L(text(100).optional(), "发文机关署名", "Issuer"),
    printedBy: L(z.string().trim().max(100).optional(), "印发机关", "Printed by"),
    date: L(
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .optional(),
      "成文日期",
      "Date",
    ),
    contact: L(
      z
        .object({
          name: L(text(50), "联系人", "Contact"),
          phone: L(text(30), "联系电话", "Phone"),
        })
        .nullable()
        .optional(),
      "联系人（仅报送版）",
      "Contact (submitted version only)",
    ),
  })
  .superRefine((v, ctx) => {
    const need = (field: keyof typeof v) => {
      if (v[field] === undefined)
        ctx.addIssue({ code: "custom", path: [field], message: zt("必填", "required") });
    };
    const kind = v.section;
    if (kind === "head") (["title", "addressee"] as const).forEach(need);
    else if (kind === "signature") need("issuer");
    else if (kind === "date") need("date");
    else if (kind === "contact") need("contact");
    else if (kind === "opening") need("paragraphs");
    else if (NUMBERED.test(kind)) (["heading", "paragraphs"] as const).forEach(need);
  });
export type SectionEdit = z.infer<typeof SectionEdit>;

const cleanParagraphs = (ps: readonly string[] | undefined) =>
  (ps ?? []).map((p) => p.trim()).filter((p) => p.length > 0);

/** Why the edit does not fit this draft (its field), or undefined. */
export function sectionProblem(
  draft: ReportDraft,
  edit: SectionEdit,
): { field: string; message: ReturnType<typeof t> } | undefined {
  const sections = draftSections(draft);
  const i = sections.findIndex((s) => s.key === edit.section);
  if (i < 0)
    return {
      field: "section",
      message: t(`报告中没有第 ${edit.section} 节`, `the draft has no section ${edit.section}`),
    };
  const s = sections[i]!;
  if (s.kind !== "opening" && s.kind !== "narrative") return undefined;
  // A part with nothing under it says nothing: a section with sub-sections may have no text of its own.
  const next = sections[i + 1];
  const hasChildren = next?.kind === "narrative" && next.level > s.level;
  if (cleanParagraphs(edit.paragraphs).length === 0 && !hasChildren)
    return {
      field: "paragraphs",
      message: t("本节至少要有一段正文", "the section needs at least one paragraph"),
    };
  return undefined;
}

/** The draft with one section replaced (the edit fits: `sectionProblem` found nothing). */
export function applySection(draft: ReportDraft, edit: SectionEdit): ReportDraft {
  switch (edit.section) {
    case "head": {
      const { number: _n, signer: _s, ...rest } = draft;
      return {
        ...rest,
        ...(edit.number ? { number: edit.number } : {}),
        ...(edit.signer ? { signer: edit.signer } : {}),
        title: edit.title!,
        addressee: edit.addressee!,
      };
    }
    case "signature": {
      const { printedBy: _p, ...rest } = draft;
      return {
        ...rest,
        issuer: edit.issuer!,
        ...(edit.printedBy ? { printedBy: edit.printedBy } : {}),
      };
    }
    case "date":
      return { ...draft, date: edit.date! };
    case "contact": {
      const { contact: _c, ...rest } = draft;
      return edit.contact ? { ...rest, contact: edit.contact } : rest;
    }
  }
  const s = draftSections(draft).find((x) => x.key === edit.section)!;
  const from = s.heading ?? 0;
  const to = (s.paragraphs.at(-1) ?? s.heading ?? -1) + 1;
  const blocks: DraftBlock[] = [];
  if (s.heading !== null) {
    const h = draft.blocks[s.heading] as Extract<DraftBlock, { kind: "heading" }>;
    blocks.push({ kind: "heading", level: h.level, text: edit.heading! });
  }
  for (const p of cleanParagraphs(edit.paragraphs)) blocks.push({ kind: "paragraph", text: p });
  return {
    ...draft,
    blocks: [...draft.blocks.slice(0, from), ...blocks, ...draft.blocks.slice(Math.max(to, from))],
  };
}

type DraftCase = { draft: ReportDraft };

/** The section fits the draft (guard of `save_section`). */
function sectionFits<F extends DraftCase>(): Guard<F> {
  return (ctx) => sectionProblem(ctx.case.fields.draft, ctx.input as SectionEdit);
}

/**
 * The step a report's case type declares for saving one section (audited by the case
 * engine as `case.<type>.save_section`, with the section's input and the new draft).
 */
export function sectionEditStep<F extends DraftCase>(p: {
  from: readonly string[];
  to: string;
}): TransitionDecl<F> {
  return {
    action: "save_section",
    label: { zh: "保存章节", en: "Save a section" },
    from: p.from,
    to: p.to,
    input: SectionEdit,
    guards: [sectionFits<F>()],
    derive: (ctx) => ({ draft: applySection(ctx.case.fields.draft, ctx.input as SectionEdit) }),
  };
}
