/**
 * Public files on a case's portal page (engines/case/public-files.ts): the published
 * document as PDF, and as .docx while its PDF waits for LibreOffice (the page says so).
 * A file is served only while its case's public projection shows the case.
 *
 *   /public/:region/sections/:code/:id/files/:fileId
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { publicFilesOf, readPublicFile } from "../../engines/case/public-files.ts";
import type { PortalSectionDecl } from "../../engines/portal/index.ts";
import type { Registry } from "../../engines/registry.ts";
import { LocalFileStore } from "../../platform/files/store.ts";
import type { Services } from "../context.ts";
import { esc } from "./html.ts";
import { sectionItem } from "./sections.ts";

const kb = (n: number) => `${Math.max(1, Math.round(n / 1024)).toLocaleString("zh-CN")} KB`;

function declaresFiles(registry: Registry, s: PortalSectionDecl): boolean {
  return (
    "caseType" in s.source && (registry.caseType(s.source.caseType)?.publicFiles?.length ?? 0) > 0
  );
}

/** The item page's block of public files ("" when the section's source has none). */
export async function publicFilesHtml(
  services: Services,
  s: PortalSectionDecl,
  region: string,
  id: number,
): Promise<string> {
  if (!declaresFiles(services.registry, s)) return "";
  const files = await publicFilesOf(services.db.app, region, id);
  if (files.length === 0) return "";
  const href = (f: { id: number }) => `/public/${region}/sections/${s.code}/${id}/files/${f.id}`;
  const pdfs = files.filter((f) => f.format === "pdf");
  const queued = files.filter((f) => f.pdfQueued);
  const items = [
    ...pdfs.map(
      (f) => `<li><a href="${href(f)}">${esc(f.name)}</a>（PDF 格式，${esc(kb(f.size))}）</li>`,
    ),
    ...queued.map(
      (f) => `<li><a href="${href(f)}">${esc(f.name)}</a>（Word 格式，${esc(kb(f.size))}）</li>`,
    ),
  ];
  const note =
    queued.length > 0
      ? `<p class="notice" role="status">PDF 版本正在生成，暂提供 Word（.docx）版本下载。</p>`
      : "";
  return `<section aria-labelledby="files"><h2 id="files">正式文本下载</h2>${note}<ul>${items.join("")}</ul></section>`;
}

export function portalFileRoutes(
  app: FastifyInstance,
  services: Services,
  params: { Region: z.ZodString; Code: z.ZodString },
): void {
  const files = new LocalFileStore(services.config.fileDir);
  app.get(
    "/public/:region/sections/:section/:id/files/:fileId",
    {
      config: { access: "public" as const },
      schema: {
        hide: true,
        params: z.object({
          region: params.Region,
          section: params.Code,
          id: z.coerce.number().int().min(1).max(2_147_483_647),
          fileId: z.coerce.number().int().min(1).max(2_147_483_647),
        }),
      },
    },
    async (req, reply) => {
      const p = req.params as { region: string; section: string; id: number; fileId: number };
      const s = services.registry.portalSections().find((x) => x.code === p.section);
      if (!s || !declaresFiles(services.registry, s)) return reply.callNotFound();
      // The case must be public now (its projection shows it), or 404.
      await sectionItem(services.db.app, services.registry, s, p.region, p.id, "");
      const f = await readPublicFile(services.db.app, files, p.region, p.id, p.fileId);
      return reply
        .type(f.mime)
        .header("content-disposition", `inline; filename*=UTF-8''${encodeURIComponent(f.name)}`)
        .header("x-content-type-options", "nosniff")
        .send(f.bytes);
    },
  );
}
