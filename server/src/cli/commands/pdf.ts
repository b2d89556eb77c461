/**
 * `fazhi pdf` — make the PDFs that wait for LibreOffice: published documents whose public
 * .docx was kept while LibreOffice was off or not installed (engines/case/public-files.ts).
 * Needs LibreOffice (FAZHI_SOFFICE, default `soffice` on PATH); refuses with exit code 2
 * when it is not there, converting nothing.
 */
import { convertQueuedPdfs } from "../../engines/case/public-files.ts";
import { pdfConverter } from "../../platform/documents/pdf.ts";
import { LocalFileStore } from "../../platform/files/store.ts";
import { say } from "../lang.ts";
import { CliError, withDatabase } from "../runtime.ts";

export async function pdfVerb(): Promise<void> {
  await withDatabase(async (db, config) => {
    const pdf = await pdfConverter(config.soffice ?? null);
    if (!pdf)
      throw new CliError(
        say(
          "未找到 LibreOffice：请安装（apt-get install -y libreoffice-writer-nogui），或以 FAZHI_SOFFICE 指定其路径",
          "LibreOffice not found: install it (apt-get install -y libreoffice-writer-nogui) or set FAZHI_SOFFICE to its path",
        ),
      );
    const files = new LocalFileStore(config.fileDir);
    const n = await db.owner
      .transaction()
      .execute((trx) =>
        convertQueuedPdfs({ trx, now: new Date(), actor: { userId: null } }, files, pdf),
      );
    process.stdout.write(`${say(`已生成 ${n} 个 PDF`, `${n} PDF${n === 1 ? "" : "s"} made`)}\n`);
  });
}
