import { describe, expect, it } from "vitest";
import { annualReportTemplate } from "../../modules/report/template.ts";
import type { ReportDraft } from "./declare.ts";
import { applySection, draftSections, SectionEdit, sectionProblem } from "./sections.ts";

const draft = annualReportTemplate.draft({ regionName: "重庆市武隆区", year: 2020 });
const edit = (v: unknown) => SectionEdit.parse(v);

describe("a draft's sections", () => {
  it("follow the template: head, opening, 一 with its nine parts, 二, 三, signature, date, contact", () => {
    const keys = draftSections(draft).map((s) => s.key);
    expect(keys).toEqual([
      "head",
      "opening",
      "1",
      ...Array.from({ length: 9 }, (_, i) => `1.${i + 1}`),
      "2",
      "3",
      "signature",
      "date",
      "contact",
    ]);
  });

  it("replaces one section's heading and paragraphs, leaving the others as they were", () => {
    const next = applySection(
      draft,
      edit({
        section: "1.3",
        heading: "政府职能依法全面履行",
        paragraphs: ["甲{{mediations}}", " ", "乙"],
      }),
    );
    const before = draftSections(draft).find((s) => s.key === "1.3")!;
    const after = draftSections(next).find((s) => s.key === "1.3")!;
    expect(after.paragraphs.map((i) => next.blocks[i]!.text)).toEqual(["甲{{mediations}}", "乙"]);
    expect(next.blocks.length).toBe(draft.blocks.length + 1);
    expect(next.blocks.slice(0, before.heading!)).toEqual(draft.blocks.slice(0, before.heading!));
    expect(next.blocks.slice(after.paragraphs.at(-1)! + 1)).toEqual(
      draft.blocks.slice(before.paragraphs.at(-1)! + 1),
    );
  });

  it("edits the head, the signature, the date and removes the contact", () => {
    const withContact: ReportDraft = { ...draft, contact: { name: "甲", phone: "1" } };
    expect(applySection(withContact, edit({ section: "contact", contact: null })).contact).toBe(
      undefined,
    );
    expect(applySection(draft, edit({ section: "date", date: "2021-01-20" })).date).toBe(
      "2021-01-20",
    );
    const head = applySection(
      draft,
      edit({ section: "head", title: "标题", addressee: "市政府", number: "武隆府文〔2021〕1号" }),
    );
    expect(head).toMatchObject({ title: "标题", number: "武隆府文〔2021〕1号" });
  });

  it("names every missing field, and refuses a section that is not there or left empty", () => {
    const r = SectionEdit.safeParse({ section: "head", title: " " });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join("."))).toEqual(["title", "addressee"]);
    expect(
      sectionProblem(draft, edit({ section: "7", heading: "x", paragraphs: ["y"] }))?.field,
    ).toBe("section");
    expect(
      sectionProblem(draft, edit({ section: "2", heading: "存在问题", paragraphs: [""] }))?.field,
    ).toBe("paragraphs");
    // 一 has its parts under it: no text of its own is needed
    expect(sectionProblem(draft, edit({ section: "1", heading: "成效", paragraphs: [] }))).toBe(
      undefined,
    );
  });
});
