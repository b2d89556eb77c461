/**
 * The annual report as an official document (GB/T 9704-2012): the Wulong 2020 draft
 * with the seed's figures written by the template's rules, converted to PDF by
 * LibreOffice and compared page by page with reviewed reference images
 * (server/test/references/annual-report-*.png; FAZHI_UPDATE_REFERENCES=1 rewrites them
 * after review). Also the text: number and signer, addressee, headings numbered 一、
 * （一）, the contact as 附注 in the version submitted upward only, the 版记.
 */
import { describe, expect, it } from "vitest";
import { createRegistry } from "../../../src/engines/registry.ts";
import { ruleOf } from "../../../src/engines/report/compose.ts";
import { renderReportDocx, reportDocument } from "../../../src/engines/report/document.ts";
import { renderFigure } from "../../../src/engines/report/figures.ts";
import { parseParts } from "../../../src/engines/report/placeholders.ts";
import { MODULES } from "../../../src/modules/index.ts";
import { SEED_FIGURES } from "../../../src/modules/report/seed-figures.ts";
import { annualReportTemplate } from "../../../src/modules/report/template.ts";
import { WULONG_2020_DRAFT } from "../../../src/modules/report/wulong-2020.ts";
import { readZipEntry } from "../../../src/platform/files/zip.ts";
import { compareWithReferences, renderPages, visualSkip } from "../../support/visual.ts";

const registry = createRegistry(MODULES);

/** The seed's value of each indicator (the nearest possible where the seed's cannot be). */
const seed = new Map(SEED_FIGURES.map((s) => [s.indicator, s.expected ?? s.value]));

function paragraphs() {
  return WULONG_2020_DRAFT.blocks.map((b) => ({
    kind: b.kind,
    level: b.kind === "heading" ? b.level : null,
    text: parseParts(b.text, 2020)
      .map((p) => {
        if (p.kind === "text") return p.text;
        if (p.typed !== undefined) return p.typed;
        const f = annualReportTemplate.figures[p.key]!;
        const d = registry.indicator(f.indicator);
        const rule = ruleOf(f, d && { unit: d.unit, decimals: d.decimals ?? 2 });
        return renderFigure(seed.get(f.indicator) ?? null, rule, rule.decimals);
      })
      .join(""),
  }));
}

const text = (docx: Buffer) =>
  (readZipEntry(docx, "word/document.xml")?.toString("utf8") ?? "")
    .replace(/<\/w:p>/g, "\n")
    .replace(/<[^>]+>/g, "");

describe("the annual report's .docx", () => {
  const upward = () =>
    renderReportDocx(
      reportDocument(
        annualReportTemplate,
        "重庆市武隆区",
        WULONG_2020_DRAFT,
        paragraphs(),
        "upward",
      ),
    );

  it("writes the seed's figures by their rules, the contact only in the version submitted upward", async () => {
    const up = text(await upward());
    expect(up).toContain("武隆府文〔2021〕1号");
    expect(up).toContain("卢红");
    expect(up).toContain("市政府：");
    expect(up).toContain("一、");
    expect(up).toContain("（九）");
    expect(up).toContain("归集信用数据9万余条");
    expect(up).toContain("落实48家中小企业对新冠肺炎疫情实施援企稳岗返还政策648.2万元");
    expect(up).toContain("企业职工法治教育242场1.4万人次");
    expect(up).toContain("行政复议实质纠错率17.39%");
    expect(up).toContain("13908257027");
    expect(up).toContain("印发");
    const pub = text(
      await renderReportDocx(
        reportDocument(
          annualReportTemplate,
          "重庆市武隆区",
          WULONG_2020_DRAFT,
          paragraphs(),
          "public",
        ),
      ),
    );
    expect(pub).not.toContain("13908257027");
    expect(pub).not.toContain("殷加强");
  });

  it.skipIf(visualSkip)(
    "looks like the reviewed reference pages (LibreOffice → PDF → PNG)",
    async () => {
      const pages = await renderPages(await upward());
      expect(pages.length).toBeGreaterThanOrEqual(4);
      await compareWithReferences("annual-report", pages);
    },
    600_000,
  );
});
