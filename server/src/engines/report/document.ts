/**
 * A report as an official document (GB/T 9704-2012, platform/documents/official): the
 * issuer's mark, number and signer (a report goes upward), title, addressee, the
 * narrative (headings numbered 一、 （一） by the layout), signature and date, the contact
 * as 附注 in the version submitted upward only, and the 版记.
 */
import {
  type Block,
  type OfficialDocument,
  renderOfficialDocument,
} from "../../platform/documents/official.ts";
import type { ReportDraft, ReportTemplateDecl } from "./declare.ts";
import type { PublishedBlock } from "./freeze.ts";

export type ReportVersion = "upward" | "public";

export function reportDocument(
  template: ReportTemplateDecl,
  regionName: string,
  draft: ReportDraft,
  paragraphs: readonly PublishedBlock[],
  version: ReportVersion,
): OfficialDocument {
  const body: Block[] = paragraphs.map((p) =>
    p.kind === "heading"
      ? { kind: "heading", level: (p.level ?? 1) as 1 | 2 | 3 | 4, text: p.text }
      : { kind: "paragraph", text: p.text },
  );
  const contact =
    version === "upward" && draft.contact
      ? `联系人：${draft.contact.name}；联系电话：${draft.contact.phone}`
      : undefined;
  return {
    issuerMark: template.issuerMark(regionName),
    ...(draft.number ? { number: draft.number } : {}),
    ...(draft.signer && version === "upward" ? { signer: draft.signer } : {}),
    title: draft.title,
    addressee: draft.addressee,
    body,
    issuer: draft.issuer,
    date: draft.date,
    seal: true,
    ...(contact ? { note: contact } : {}),
    printedBy: draft.printedBy ?? `${draft.issuer}办公室`,
    printedOn: draft.date,
  };
}

export function renderReportDocx(doc: OfficialDocument): Promise<Buffer> {
  return renderOfficialDocument(doc);
}

/** The report as Markdown (the CLI's `--format md`). */
export function reportMarkdown(draft: ReportDraft, paragraphs: readonly PublishedBlock[]): string {
  const zhNo = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];
  const counters = [0, 0, 0, 0];
  const lines = [`# ${draft.title.replace(/\n/g, "")}`, "", `${draft.addressee}：`, ""];
  for (const p of paragraphs) {
    if (p.kind === "heading") {
      const l = (p.level ?? 1) - 1;
      counters[l]!++;
      for (let i = l + 1; i < 4; i++) counters[i] = 0;
      const n = counters[l]!;
      const no =
        l === 0
          ? `${zhNo[n - 1]}、`
          : l === 1
            ? `（${zhNo[n - 1]}）`
            : l === 2
              ? `${n}. `
              : `（${n}）`;
      lines.push(`${"#".repeat(l + 2)} ${no}${p.text}`, "");
    } else lines.push(p.text, "");
  }
  lines.push(draft.issuer, "", draft.date, "");
  if (draft.contact)
    lines.push(`（联系人：${draft.contact.name}；联系电话：${draft.contact.phone}）`, "");
  return lines.join("\n");
}
