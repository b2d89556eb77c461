/**
 * Renders a generated notice with LibreOffice and checks the PDF: A4, the text, and the
 * geometry of GB/T 9704-2012 (type area, 28 characters × 22 lines, the red mark 35 mm
 * into the type area, the red rule as wide as the type area, page numbers, colophon).
 *
 * Needs `soffice` and poppler's pdfinfo/pdftotext/pdftoppm: CI installs them; locally
 * `apt-get install -y libreoffice-writer-nogui poppler-utils`. Set FAZHI_DOC_PREVIEW_DIR to
 * keep the .docx, the PDF and a PNG of page 1 there.
 *
 * LibreOffice runs with a private profile and HOME in a temporary directory, with a
 * fontconfig file there that maps the standard's font names to Noto CJK (仿宋, 楷体,
 * 小标宋, 宋体 → Noto Serif CJK SC; 黑体 → Noto Sans CJK SC) for a faithful preview.
 */
import { execFile } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { noticeTemplate, parseNotice } from "./notice.ts";
import { renderOfficialDocument } from "./official.ts";

const exec = promisify(execFile);
const INSTALL = "apt-get install -y libreoffice-writer-nogui poppler-utils";
const TOOLS = ["soffice", "pdfinfo", "pdftotext", "pdftoppm"];

const PT_PER_MM = 72 / 25.4;
const mm = (pt: number) => pt / PT_PER_MM;

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

async function missingTools(): Promise<string[]> {
  const missing: string[] = [];
  for (const t of TOOLS) {
    try {
      await exec("sh", ["-c", `command -v ${t}`]);
    } catch {
      missing.push(t);
    }
  }
  return missing;
}

interface Word {
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

function parseBbox(html: string): Word[] {
  const words: Word[] = [];
  html.split("<page ").forEach((chunk, i) => {
    if (i === 0) return;
    for (const m of chunk.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
    )) {
      words.push({ page: i, xMin: +m[1]!, yMin: +m[2]!, xMax: +m[3]!, yMax: +m[4]!, text: m[5]! });
    }
  });
  return words;
}

/** A P6 PPM image: rows of pixels matching a predicate, with their x extent, in mm. */
function scanRows(ppm: Buffer, dpi: number, match: (r: number, g: number, b: number) => boolean) {
  const header = ppm.toString("latin1", 0, 50).match(/^P6\s+(\d+)\s+(\d+)\s+255\s/)!;
  const [w, h, start] = [Number(header[1]), Number(header[2]), header[0].length];
  const px = (v: number) => (v * 25.4) / dpi;
  const rows: { y: number; x0: number; x1: number }[] = [];
  for (let y = 0; y < h; y++) {
    let x0 = -1;
    let x1 = -1;
    for (let x = 0; x < w; x++) {
      const o = start + (y * w + x) * 3;
      if (match(ppm[o]!, ppm[o + 1]!, ppm[o + 2]!)) {
        if (x0 < 0) x0 = x;
        x1 = x;
      }
    }
    if (x0 >= 0) rows.push({ y: px(y), x0: px(x0), x1: px(x1 + 1) });
  }
  return rows;
}

const isRed = (r: number, g: number, b: number) => r > 180 && g < 100 && b < 100;
const isDark = (r: number, g: number, b: number) => r < 110 && g < 110 && b < 110;

// A paragraph without punctuation or Latin letters, long enough to fill page 2 entirely,
// so that page shows exactly 22 full lines of exactly 28 characters.
const LONG = "全面推进依法行政加快建设法治政府".repeat(60);

const notice = {
  issuer: "重庆市武隆区人民政府",
  number: "武隆府发〔2020〕12号",
  subject: "开展2020年度法治政府建设督察工作",
  addressee: "各乡镇人民政府、街道办事处，区政府各部门，有关单位",
  body: [
    "为深入贯彻落实党中央、国务院关于法治政府建设的决策部署，现就有关事项通知如下。",
    { kind: "heading", level: 1, text: "总体要求" },
    LONG,
    { kind: "heading", level: 2, text: "加强组织领导。", body: "各单位要高度重视。" },
  ],
  attachments: ["2020年度法治政府建设督察工作方案"],
  date: "2020-09-30",
  contact: { name: "张三", phone: "023-77777777" },
  copyTo: ["区委办公室", "区人大常委会办公室"],
  printedBy: "重庆市武隆区人民政府办公室",
  printedOn: "2020-09-30",
};

describe("official document rendered by LibreOffice", () => {
  it("is an A4 PDF in the layout of GB/T 9704-2012", async () => {
    const missing = await missingTools();
    if (missing.length > 0) {
      throw new Error(
        `${missing.join(", ")} not found: this test renders documents with LibreOffice and poppler. ` +
          `Install them with \`${INSTALL}\` (CI installs them).`,
      );
    }
    const dir = await mkdtemp(join(tmpdir(), "fazhi-docx-pdf-"));
    try {
      const home = join(dir, "home");
      await mkdir(join(home, ".config", "fontconfig"), { recursive: true });
      await writeFile(join(home, ".config", "fontconfig", "fonts.conf"), FONTS_CONF);
      const docx = join(dir, "notice.docx");
      await writeFile(docx, await renderOfficialDocument(noticeTemplate(parseNotice(notice))));

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
          docx,
        ],
        { env, timeout: 120_000, killSignal: "SIGKILL" },
      );
      const pdf = join(dir, "notice.pdf");

      // Page setup: A4.
      const info = (await exec("pdfinfo", [pdf])).stdout;
      expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
      const pages = Number(info.match(/Pages:\s+(\d+)/)![1]);
      expect(pages).toBeGreaterThanOrEqual(3);

      // The text.
      const text = (await exec("pdftotext", [pdf, "-"])).stdout;
      const flat = text.replace(/\s+/g, "");
      expect(flat).toContain("重庆市武隆区人民政府关于开展2020年度法治政府建设督察工作的通知");
      expect(flat).toContain("武隆府发〔2020〕12号");
      expect(flat).toContain("2020年9月30日印发");

      // Page 2 is all body text: 22 lines of 28 characters, in the type area (28–184 mm
      // across, 37–262 mm down), 28.95 pt apart.
      const words = parseBbox(
        (await exec("pdftotext", ["-bbox", pdf, "-"], { maxBuffer: 1 << 26 })).stdout,
      );
      const page2 = words.filter((w) => w.page === 2 && !/^[—\d]+$/.test(w.text));
      const lines = [...new Set(page2.map((w) => w.yMin.toFixed(1)))]
        .map(Number)
        .sort((a, b) => a - b);
      expect(lines).toHaveLength(22);
      for (const y of lines) {
        const line = page2
          .filter((w) => Math.abs(w.yMin - y) < 0.05)
          .map((w) => w.text)
          .join("");
        expect([...line]).toHaveLength(28);
      }
      for (let i = 1; i < lines.length; i++)
        expect(Math.abs(lines[i]! - lines[i - 1]! - 28.95)).toBeLessThan(0.15);
      expect((lines[21]! - lines[0]!) / 21).toBeCloseTo(28.95, 1);
      expect(mm(Math.min(...page2.map((w) => w.xMin)))).toBeCloseTo(28, 0);
      expect(mm(Math.max(...page2.map((w) => w.xMax)))).toBeGreaterThan(183);
      expect(mm(Math.max(...page2.map((w) => w.xMax)))).toBeLessThanOrEqual(184.2);
      expect(mm(lines[0]!)).toBeGreaterThanOrEqual(37);
      expect(mm(Math.max(...page2.map((w) => w.yMax)))).toBeLessThanOrEqual(262);

      // Page numbers "— n —": odd pages one character (4号, 4.9 mm) in from the right, even
      // pages from the left.
      const dashes = (page: number) => words.filter((w) => w.page === page && w.text === "—");
      expect(mm(Math.max(...dashes(1).map((w) => w.xMax)))).toBeCloseTo(184 - 4.94, 0);
      expect(mm(Math.min(...dashes(2).map((w) => w.xMin)))).toBeCloseTo(28 + 4.94, 0);
      expect(words.some((w) => w.page === 2 && w.text === "2")).toBe(true);

      // Page 1 as pixels: the red mark 35 mm below the top of the type area (72 mm from the
      // top edge), centred; the red rule across the type area; the title centred below it.
      const dpi = 100;
      await exec("pdftoppm", ["-r", String(dpi), "-f", "1", "-l", "1", pdf, join(dir, "page")]);
      const ppm = await readFile(join(dir, "page-1.ppm"));
      const red = scanRows(ppm, dpi, isRed);
      const markTop = red[0]!;
      expect(markTop.y).toBeGreaterThan(71);
      expect(markTop.y).toBeLessThan(73);
      const mark = red.filter((r) => r.y < markTop.y + 25);
      const markX0 = Math.min(...mark.map((r) => r.x0));
      const markX1 = Math.max(...mark.map((r) => r.x1));
      expect(Math.abs((markX0 + markX1) / 2 - 106)).toBeLessThan(1);
      expect(markX0).toBeGreaterThanOrEqual(28);
      expect(markX1).toBeLessThanOrEqual(184);
      const rule = red.filter((r) => r.y > markTop.y + 25);
      expect(rule.length).toBeGreaterThan(0);
      expect(rule[0]!.x0).toBeCloseTo(28, 0);
      expect(rule.at(-1)!.x1).toBeCloseTo(184, 0);
      const numberLine = words.find((w) => w.page === 1 && w.text.startsWith("武隆府发"))!;
      // 4 mm below the number (from the glyph's baseline region; LibreOffice's font box).
      expect(rule[0]!.y - mm(numberLine.yMax)).toBeGreaterThan(1.5);
      expect(rule[0]!.y - mm(numberLine.yMax)).toBeLessThan(6);
      const title = words.filter(
        (w) =>
          w.page === 1 &&
          w.yMax - w.yMin > 25 &&
          w.yMin > numberLine.yMax &&
          w.text.includes("通知"),
      );
      expect(title.length).toBe(1);
      const titleRow = words.filter((w) => w.page === 1 && Math.abs(w.yMin - title[0]!.yMin) < 0.5);
      const tx0 = mm(Math.min(...titleRow.map((w) => w.xMin)));
      const tx1 = mm(Math.max(...titleRow.map((w) => w.xMax)));
      expect(Math.abs((tx0 + tx1) / 2 - 106)).toBeLessThan(1);

      // The colophon at the foot of the last page: its last rule on the bottom edge of the
      // type area (262 mm), as wide as the type area.
      await exec("pdftoppm", [
        "-r",
        String(dpi),
        "-f",
        String(pages),
        "-l",
        String(pages),
        pdf,
        join(dir, "last"),
      ]);
      const last = await readFile(
        join(dir, `last-${String(pages).padStart(String(pages).length, "0")}.ppm`),
      );
      const fullWidth = scanRows(last, dpi, isDark).filter((r) => r.x0 < 29 && r.x1 > 183);
      expect(fullWidth.length).toBeGreaterThan(0);
      expect(fullWidth.at(-1)!.y).toBeGreaterThan(259);
      expect(fullWidth.at(-1)!.y).toBeLessThan(263);
      expect(words.some((w) => w.page === pages && w.text.startsWith("抄送"))).toBe(true);

      // A PNG of page 1 to look at.
      await exec("pdftoppm", ["-png", "-r", "50", "-f", "1", "-l", "1", pdf, join(dir, "preview")]);
      const keep = process.env.FAZHI_DOC_PREVIEW_DIR;
      if (keep) {
        await mkdir(keep, { recursive: true });
        for (const f of ["notice.docx", "notice.pdf", "preview-1.png"])
          await copyFile(join(dir, f), join(keep, f));
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
