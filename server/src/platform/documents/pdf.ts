/**
 * .docx → PDF with LibreOffice headless (`soffice --convert-to pdf`), for the public
 * copies of published documents (engines/case/public-files.ts).
 *
 * The program is a setting of the installation: FAZHI_SOFFICE (db/config.ts) names it —
 * a path, or a name looked up on PATH (default `soffice`); `off` (or empty) turns the
 * conversion off. When it is off or not installed, `pdfConverter` answers undefined and
 * the caller queues the PDF (the portal offers the .docx meanwhile, saying so).
 *
 * Each conversion runs with a private profile and HOME in a temporary directory (two
 * conversions never share a LibreOffice profile), with a fontconfig file that maps the
 * GB/T 9704 font names to Noto CJK where the official fonts are not installed.
 */
import { execFile } from "node:child_process";
import { constants } from "node:fs";
import { access, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, isAbsolute, join } from "node:path";
import { promisify } from "node:util";

const exec = promisify(execFile);

export interface PdfConverter {
  /** The program that converts (for the record). */
  program: string;
  toPdf(docx: Buffer): Promise<Buffer>;
}

const FONTS: [string, string, string][] = [
  ["方正小标宋简体", "Noto Serif CJK SC", "bold"],
  ["仿宋_GB2312", "Noto Serif CJK SC", ""],
  ["楷体_GB2312", "Noto Serif CJK SC", ""],
  ["宋体", "Noto Serif CJK SC", ""],
  ["黑体", "Noto Sans CJK SC", ""],
];

const FONTS_CONF = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
${FONTS.map(
  ([from, to, weight]) => `  <match target="pattern">
    <test name="family"><string>${from}</string></test>
    <edit name="family" mode="assign" binding="strong"><string>${to}</string></edit>${
      weight
        ? `\n    <edit name="weight" mode="assign" binding="strong"><const>${weight}</const></edit>`
        : ""
    }
  </match>`,
).join("\n")}
</fontconfig>
`;

async function executable(p: string): Promise<boolean> {
  try {
    await access(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The program's full path: as given when absolute, else the first on PATH. */
export async function findProgram(
  name: string,
  path = process.env.PATH ?? "",
): Promise<string | undefined> {
  if (isAbsolute(name)) return (await executable(name)) ? name : undefined;
  for (const dir of path.split(delimiter).filter(Boolean)) {
    const p = join(dir, name);
    if (await executable(p)) return p;
  }
  return undefined;
}

/** `soffice` as the setting names it: undefined when off or not installed. */
export async function pdfConverter(setting: string | null): Promise<PdfConverter | undefined> {
  if (!setting) return undefined;
  const program = await findProgram(setting);
  if (!program) return undefined;
  return {
    program,
    async toPdf(docx) {
      const dir = await mkdtemp(join(tmpdir(), "fazhi-pdf-"));
      try {
        const home = join(dir, "home");
        await mkdir(join(home, ".config", "fontconfig"), { recursive: true });
        await writeFile(join(home, ".config", "fontconfig", "fonts.conf"), FONTS_CONF);
        const input = join(dir, "document.docx");
        await writeFile(input, docx);
        await exec(
          program,
          [
            "--headless",
            "--norestore",
            `-env:UserInstallation=file://${join(dir, "profile")}`,
            "--convert-to",
            "pdf",
            "--outdir",
            dir,
            input,
          ],
          {
            env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, ".config") },
            timeout: 120_000,
            killSignal: "SIGKILL",
          },
        );
        const pdf = await readFile(join(dir, "document.pdf"));
        if (pdf.subarray(0, 5).toString("latin1") !== "%PDF-")
          throw new Error("LibreOffice did not write a PDF");
        return pdf;
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
