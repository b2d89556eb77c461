/**
 * Visual tests of generated documents: a .docx is rendered to PDF by LibreOffice
 * (`soffice --headless --convert-to pdf`) and each page to PNG by poppler (`pdftoppm -r 50
 * -png`); the pages are compared with reviewed reference images committed under
 * `server/test/references/` within a small tolerance (pixelmatch), so that a layout change
 * is seen in review as a changed reference image.
 *
 *   FAZHI_UPDATE_REFERENCES=1  rewrite the references from this run (then look at them
 *                              before committing them);
 *   FAZHI_VISUAL_OUT=dir       keep this run's pages and the differences there.
 *
 * Deterministic: LibreOffice runs with a private profile and HOME, and a fontconfig file
 * mapping the documents' font names to Noto CJK (fonts-noto-cjk); callers give fixed
 * dates and numbers. Without soffice or pdftoppm the tests are skipped with a message
 * (`visualSkip`); CI installs libreoffice-writer-nogui and poppler-utils.
 */
import { execFile, execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import pixelmatch from "pixelmatch";
import { PNG } from "pngjs";

const exec = promisify(execFile);

export const REFERENCES_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "references");
const TOOLS = ["soffice", "pdftoppm"];
const INSTALL = "apt-get install -y libreoffice-writer-nogui poppler-utils fonts-noto-cjk";

/** The tools missing on this machine (empty: visual tests can run). */
function missingTools(): string[] {
  return TOOLS.filter((t) => {
    try {
      execFileSync("sh", ["-c", `command -v ${t}`], { stdio: "ignore" });
      return false;
    } catch {
      return true;
    }
  });
}

/** Why visual tests are skipped here, or undefined when they can run. */
export const visualSkip: string | undefined = (() => {
  const missing = missingTools();
  if (missing.length === 0) return undefined;
  const message = `visual tests skipped: ${missing.join(", ")} not found (install: ${INSTALL}; CI installs them)`;
  console.warn(message);
  return message;
})();

/** The documents' font names mapped to Noto CJK, as official.pdf.test.ts does. */
const FONTS_CONF = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
${[
  ["方正小标宋简体", "Noto Serif CJK SC", "bold"],
  ["仿宋_GB2312", "Noto Serif CJK SC", ""],
  ["楷体_GB2312", "Noto Serif CJK SC", ""],
  ["宋体", "Noto Serif CJK SC", ""],
  ["黑体", "Noto Sans CJK SC", ""],
]
  .map(
    ([from, to, weight]) => `  <match target="pattern">
    <test name="family"><string>${from}</string></test>
    <edit name="family" mode="assign" binding="strong"><string>${to}</string></edit>${
      weight
        ? `\n    <edit name="weight" mode="assign" binding="strong"><const>${weight}</const></edit>`
        : ""
    }
  </match>`,
  )
  .join("\n")}
</fontconfig>
`;

/** A .docx rendered to one PNG per page (50 dpi). */
export async function renderPages(docx: Buffer, dpi = 50): Promise<Buffer[]> {
  return (await renderAll({ doc: docx }, dpi)).doc!;
}

/**
 * Several .docx rendered in one LibreOffice run (it starts slowly), each to one PNG per
 * page; names are file names (letters, digits, - and _).
 */
export async function renderAll(
  docs: Record<string, Buffer>,
  dpi = 50,
): Promise<Record<string, Buffer[]>> {
  const dir = await mkdtemp(join(tmpdir(), "fazhi-visual-"));
  try {
    const home = join(dir, "home");
    await mkdir(join(home, ".config", "fontconfig"), { recursive: true });
    await writeFile(join(home, ".config", "fontconfig", "fonts.conf"), FONTS_CONF);
    const names = Object.keys(docs);
    for (const name of names) {
      if (!/^[\w-]+$/.test(name)) throw new Error(`not a file name: ${name}`);
      await writeFile(join(dir, `${name}.docx`), docs[name]!);
    }
    const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, ".config") };
    await exec(
      "soffice",
      [
        "--headless",
        "--norestore",
        `-env:UserInstallation=file://${join(dir, "profile")}`,
        "--convert-to",
        "pdf",
        "--outdir",
        dir,
        ...names.map((n) => join(dir, `${n}.docx`)),
      ],
      { env, timeout: 300_000, killSignal: "SIGKILL" },
    );
    const out: Record<string, Buffer[]> = {};
    for (const name of names) {
      const prefix = join(dir, `${name}.page`);
      await exec("pdftoppm", ["-r", String(dpi), "-png", join(dir, `${name}.pdf`), prefix], {
        timeout: 60_000,
      });
      const pages = (await readdir(dir))
        .filter((f) => f.startsWith(`${name}.page-`) && f.endsWith(".png"))
        .sort();
      out[name] = await Promise.all(pages.map((p) => readFile(join(dir, p))));
    }
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface VisualResult {
  /** The reference files compared (or written). */
  files: string[];
  /** Per page: the share of pixels that differ (0–1). */
  differences: number[];
  updated: boolean;
}

/**
 * Compares the pages with `references/<name>-<n>.png`. Fails when the page count differs,
 * a reference is missing, or more than `tolerance` of a page's pixels differ (pixelmatch
 * threshold 0.1, anti-aliasing ignored). FAZHI_UPDATE_REFERENCES=1 writes the references.
 */
export async function compareWithReferences(
  name: string,
  pages: Buffer[],
  tolerance = 0.002,
): Promise<VisualResult> {
  const update = process.env.FAZHI_UPDATE_REFERENCES === "1";
  const out = process.env.FAZHI_VISUAL_OUT;
  const files = pages.map((_, i) => join(REFERENCES_DIR, `${name}-${i + 1}.png`));
  if (out) {
    await mkdir(out, { recursive: true });
    await Promise.all(pages.map((p, i) => writeFile(join(out, `${name}-${i + 1}.png`), p)));
  }
  if (update) {
    await mkdir(REFERENCES_DIR, { recursive: true });
    const stale = (await readdir(REFERENCES_DIR)).filter((f) =>
      new RegExp(`^${name}-\\d+\\.png$`).test(f),
    );
    await Promise.all(stale.map((f) => rm(join(REFERENCES_DIR, f))));
    await Promise.all(pages.map((p, i) => writeFile(files[i]!, p)));
    return { files, differences: pages.map(() => 0), updated: true };
  }
  const existing = existsSync(REFERENCES_DIR)
    ? (await readdir(REFERENCES_DIR)).filter((f) => new RegExp(`^${name}-\\d+\\.png$`).test(f))
    : [];
  if (existing.length === 0) {
    throw new Error(
      `no reference image for "${name}" in ${REFERENCES_DIR}: run with FAZHI_UPDATE_REFERENCES=1, look at the images and commit them`,
    );
  }
  if (existing.length !== pages.length) {
    throw new Error(
      `"${name}" has ${pages.length} page(s), its reference ${existing.length}: a layout change (FAZHI_UPDATE_REFERENCES=1 after review)`,
    );
  }
  const differences: number[] = [];
  const failures: string[] = [];
  for (const [i, page] of pages.entries()) {
    const actual = PNG.sync.read(page);
    const expected = PNG.sync.read(await readFile(files[i]!));
    if (actual.width !== expected.width || actual.height !== expected.height) {
      failures.push(
        `page ${i + 1}: ${actual.width}×${actual.height}, reference ${expected.width}×${expected.height}`,
      );
      differences.push(1);
      continue;
    }
    const diff = new PNG({ width: actual.width, height: actual.height });
    const n = pixelmatch(actual.data, expected.data, diff.data, actual.width, actual.height, {
      threshold: 0.1,
    });
    const share = n / (actual.width * actual.height);
    differences.push(share);
    if (share > tolerance) {
      let where = "";
      if (out) {
        const file = join(out, `${name}-${i + 1}.diff.png`);
        await writeFile(file, PNG.sync.write(diff));
        where = ` (difference: ${file})`;
      }
      failures.push(
        `page ${i + 1}: ${(share * 100).toFixed(2)}% of pixels differ (tolerance ${(tolerance * 100).toFixed(2)}%)${where}`,
      );
    }
  }
  if (failures.length > 0) {
    throw new Error(
      `"${name}" differs from its reference: ${failures.join("; ")}. Set FAZHI_VISUAL_OUT=dir to see the pages; FAZHI_UPDATE_REFERENCES=1 rewrites the references after review`,
    );
  }
  return { files, differences, updated: false };
}
