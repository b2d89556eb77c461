import { describe, expect, it } from "vitest";
import { ValidationError } from "../../kernel/errors.ts";
import { listZipEntries, readZipEntry } from "../files/zip.ts";
import {
  chineseNumber,
  documentNumber,
  FONTS,
  formatChineseDate,
  LAYOUT,
  type OfficialDocument,
  renderOfficialDocument,
  widthInChars,
} from "./official.ts";
import { sampleNotice } from "./sample-document.ts";

const sample = sampleNotice;

async function parts(doc: OfficialDocument) {
  const docx = await renderOfficialDocument(doc);
  const names = listZipEntries(docx).map((e) => e.name);
  const read = (n: string) => readZipEntry(docx, n)?.toString("utf8") ?? "";
  const footers = names.filter((n) => /^word\/footer\d+\.xml$/.test(n)).map(read);
  return {
    docx,
    names,
    document: read("word/document.xml"),
    styles: read("word/styles.xml"),
    settings: read("word/settings.xml"),
    footers,
  };
}

/** The w:p elements of document.xml whose text contains `text`. */
function paragraphsWith(xml: string, text: string): string[] {
  return (xml.match(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/g) ?? []).filter((p) =>
    (p.match(/<w:t[^>]*>([^<]*)<\/w:t>/g) ?? [])
      .map((t) => t.replace(/<[^>]+>/g, ""))
      .join("")
      .includes(text),
  );
}

describe("renderOfficialDocument: page setup", () => {
  it("is A4 with the standard's margins, in twips", async () => {
    const { docx, document } = await parts(sample);
    expect(docx.subarray(0, 4).toString("latin1")).toBe("PK\x03\x04");
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const pgMar = document.match(/<w:pgMar [^>]*\/>/)![0];
    expect(pgMar).toContain('w:top="2098"'); // 37 mm
    expect(pgMar).toContain('w:bottom="1984"'); // 35 mm
    expect(pgMar).toContain('w:left="1588"'); // 28 mm (11906 − 1474 − 8844)
    expect(pgMar).toContain('w:right="1474"'); // 26 mm
    // The type area is 156 × 225 mm.
    expect(11906 - 1588 - 1474).toBe(Math.round((156 * 1440) / 25.4));
    expect(16838 - 2098 - 1984).toBe(Math.round((225 * 1440) / 25.4));
  });

  it("sets 22 lines a page (579-twip lines) and 28 characters a line (16 pt condensed to 15.75 pt)", async () => {
    const { document, styles } = await parts(sample);
    expect(LAYOUT.linePitch).toBe(579);
    expect(22 * 579).toBeLessThanOrEqual(LAYOUT.textHeight);
    expect(23 * 579).toBeGreaterThan(LAYOUT.textHeight);
    expect(document).toMatch(/<w:docGrid [^>]*w:linePitch="579"/);
    // Every body paragraph has the exact line pitch.
    const body = paragraphsWith(document, "为深入贯彻落实法治政府建设的决策部署")[0]!;
    expect(body).toContain('<w:spacing w:after="0" w:before="0" w:line="579" w:lineRule="exact"/>');
    expect(body).toMatch(/<w:ind w:firstLine="632" w:firstLineChars="200"\/>/);
    expect(body).toContain('<w:jc w:val="both"/>');
    expect(body).toContain('<w:spacing w:val="-5"/>');
    expect(28 * (16 * 20 - 5)).toBeLessThanOrEqual(LAYOUT.textWidth);
    expect(29 * (16 * 20 - 5)).toBeGreaterThan(LAYOUT.textWidth);
    // Normal is 16 pt 仿宋_GB2312 with the same exact spacing.
    expect(styles).toMatch(
      /w:styleId="Normal".*?<w:spacing [^>]*w:line="579" w:lineRule="exact"\/>.*?<w:sz w:val="32"\/>/,
    );
  });
});

describe("renderOfficialDocument: the elements", () => {
  it("writes the issuer's mark red, centred, in 方正小标宋简体, its top 35 mm into the type area", async () => {
    const { document } = await parts(sample);
    const mark = paragraphsWith(document, "重庆市武隆区人民政府文件")[0]!;
    expect(mark).toContain('<w:jc w:val="center"/>');
    expect(mark).toContain('<w:color w:val="FF0000"/>');
    expect(mark).toContain('w:eastAsia="方正小标宋简体"');
    expect(mark).toContain('<w:sz w:val="96"/>');
    // 12 characters of 48 pt are squeezed to fit the type area.
    expect(mark).toMatch(/<w:w w:val="7\d"\/>/);
    const before = Number(mark.match(/w:before="(\d+)"/)![1]);
    expect(before).toBeGreaterThan(1984 - 150);
    expect(before).toBeLessThanOrEqual(1984);
  });

  it("writes the number centred over a red rule as wide as the type area", async () => {
    const { document } = await parts(sample);
    const number = paragraphsWith(document, "武隆府发〔2020〕12号")[0]!;
    expect(number).toContain('<w:jc w:val="center"/>');
    expect(number).toMatch(
      /<w:pBdr><w:bottom w:val="single" w:color="FF0000" w:sz="12" w:space="\d+"\/><\/w:pBdr>/,
    );
    expect(number).not.toMatch(/<w:ind /);
    expect(number).toContain(`w:before="${2 * 579}"`);
  });

  it("puts the number left and 签发人 (楷体 name) right for an up-going document", async () => {
    const { document } = await parts({ ...sample, signer: "卢红" });
    const line = paragraphsWith(document, "签发人：")[0]!;
    expect(line).toContain("武隆府发〔2020〕12号");
    expect(line).toMatch(/<w:tab w:val="right" w:pos="8528"\/>/);
    expect(line).toMatch(/<w:ind w:left="316" w:right="316"\/>/);
    expect(line).toMatch(/w:eastAsia="楷体_GB2312"[\s\S]*?<w:t[^>]*>卢红</);
    expect(line).toContain('w:color="FF0000"');
  });

  it("sets the title in 2号 (22 pt) 方正小标宋简体, centred, with the given line breaks", async () => {
    const { document } = await parts(sample);
    const title = paragraphsWith(document, "关于开展法治政府建设督察工作的通知")[0]!;
    expect(title).toContain('<w:jc w:val="center"/>');
    expect(title).toContain('<w:sz w:val="44"/>');
    expect(title).toContain(
      'w:ascii="方正小标宋简体" w:cs="方正小标宋简体" w:eastAsia="方正小标宋简体" w:hAnsi="方正小标宋简体" w:hint="eastAsia"',
    );
    expect(title).toContain("<w:br/>");
    expect(title).toContain(`w:before="${2 * 579}"`);
  });

  it("writes the addressee flush left with a full-width colon, the body in 3号 仿宋_GB2312", async () => {
    const { document } = await parts(sample);
    const addressee = paragraphsWith(document, "各乡镇人民政府")[0]!;
    expect(addressee).toContain("区政府各部门：");
    expect(addressee).not.toMatch(/<w:ind /);
    const body = paragraphsWith(document, "为深入贯彻落实")[0]!;
    expect(body).toContain('<w:sz w:val="32"/>');
    expect(body).toContain(`w:eastAsia="${FONTS.fangsong}"`);
  });

  it("numbers headings 一、 （一） 1. （1） in 黑体, 楷体_GB2312, 仿宋_GB2312", async () => {
    const { document } = await parts(sample);
    const heading = (text: string) => paragraphsWith(document, text)[0]!;
    expect(heading("一、总体要求")).toContain('w:eastAsia="黑体"');
    expect(heading("（一）加强组织领导。")).toContain('w:eastAsia="楷体_GB2312"');
    expect(heading("（一）加强组织领导。")).toMatch(/各单位要高度重视。/);
    expect(heading("（二）明确责任分工。")).toContain('w:eastAsia="楷体_GB2312"');
    expect(heading("1.区司法局负责统筹。")).toContain('w:eastAsia="仿宋_GB2312"');
    expect(heading("1.区司法局负责统筹。")).not.toContain("<w:b/>");
    expect(heading("（1）按时报送材料。")).toContain('w:eastAsia="仿宋_GB2312"');
    // Counting restarts under each higher level.
    expect(heading("二、督察内容")).toContain('w:eastAsia="黑体"');
    expect(heading("（一）依法决策情况。")).toBeTruthy();
    for (const t of ["一、总体要求", "（二）明确责任分工。"]) {
      expect(heading(t)).toContain('<w:ind w:firstLine="632" w:firstLineChars="200"/>');
    }
    const bold = await renderOfficialDocument(sample, { level3Bold: true });
    expect(
      paragraphsWith(readZipEntry(bold, "word/document.xml")!.toString(), "1.区司法局")[0],
    ).toContain("<w:b/>");
  });

  it("writes tables and the attachment note (附件：1. …, later items aligned)", async () => {
    const { document } = await parts(sample);
    expect(document).toContain("<w:tbl>");
    const table = document.match(/<w:tbl>.*?<\/w:tbl>/)![0];
    expect(table).toContain("区司法局");
    expect(table).toContain('<w:sz w:val="28"/>'); // 4号
    expect(table).toMatch(/w:eastAsia="黑体"[\s\S]*?序号/); // header row
    const first = paragraphsWith(document, "附件：1.督察工作方案")[0]!;
    const second = paragraphsWith(document, "2.督察对象名单")[0]!;
    expect(second).not.toContain("督察对象名单。"); // no final punctuation
    expect(first).toContain(`w:before="579"`);
    // Both wrap under the first character of the name: 2 + 3 (附件：) + 1 (number) characters in.
    const left = (p: string) => Number(p.match(/w:left="(\d+)"/)![1]);
    expect(left(first)).toBe(left(second));
    expect(left(first)).toBe(Math.round(6 * LAYOUT.charPitch));
  });

  it("signs without a seal: issuer 2 in from the right, the date starting 2 characters right of it", async () => {
    const { document } = await parts(sample);
    const issuer = paragraphsWith(document, "重庆市武隆区人民政府").find(
      (p) => !p.includes("文件") && !p.includes("关于"),
    )!;
    expect(issuer).toContain('<w:jc w:val="right"/>');
    expect(issuer).toMatch(/<w:ind w:right="632"\/>/);
    expect(issuer).toContain('w:before="579"');
    const date = paragraphsWith(document, "2020年9月30日").find((p) => !p.includes("印发"))!;
    // 10 characters of issuer, 2 in from the right: the date starts at 8844 − 12 ch + 2 ch.
    expect(date).toMatch(
      new RegExp(
        `<w:ind w:left="${8844 - Math.round(12 * LAYOUT.charPitch) + Math.round(2 * LAYOUT.charPitch)}"/>`,
      ),
    );
  });

  it("signs with a seal: the date 4 in from the right, the issuer centred over it", async () => {
    const { document } = await parts({ ...sample, seal: true });
    const date = paragraphsWith(document, "2020年9月30日").find((p) => !p.includes("印发"))!;
    expect(date).toMatch(/<w:ind w:right="1263"\/>/);
    const issuer = paragraphsWith(document, "重庆市武隆区人民政府").find((p) =>
      p.includes('w:jc w:val="right"'),
    )!;
    const right = Number(issuer.match(/w:right="(\d+)"/)![1]) / LAYOUT.charPitch;
    // 4 + width(date)/2 − width(issuer)/2
    expect(right).toBeCloseTo(4 + widthInChars("2020年9月30日") / 2 - 5, 1);
    expect(issuer).toContain(`w:before="${3 * 579}"`);
  });

  it("writes the note in parentheses, 2 characters in", async () => {
    const { document } = await parts(sample);
    const note = paragraphsWith(document, "联系人：张三")[0]!;
    expect(note).toContain("（联系人：张三；联系电话：023-77777777）");
    expect(note).toContain('w:firstLineChars="200"');
  });

  it("writes the colophon as a table at the foot of the type area: thick, thin, thick rules, 4号", async () => {
    const { document } = await parts(sample);
    const tables = document.match(/<w:tbl>.*?<\/w:tbl>/g)!;
    const colophon = tables.at(-1)!;
    expect(colophon).toMatch(/<w:tblpPr [^>]*w:tblpX="1588"[^>]*w:horzAnchor="page"/);
    expect(colophon).toMatch(/<w:tblpPr [^>]*w:tblpYSpec="bottom"[^>]*w:vertAnchor="margin"/);
    expect(colophon).toContain('<w:tblW w:type="dxa" w:w="8844"/>');
    expect(colophon).toMatch(/<w:top w:val="single" w:color="000000" w:sz="8"\/>/);
    expect(colophon).toMatch(/<w:bottom w:val="single" w:color="000000" w:sz="8"\/>/);
    expect(colophon).toMatch(/<w:insideH w:val="single" w:color="000000" w:sz="6"\/>/);
    expect(colophon).toContain("抄送：区委办公室，区人大常委会办公室。");
    // The printing body, then the date at a right tab one character in from the right.
    expect(colophon).toMatch(
      /重庆市武隆区人民政府办公室<\/w:t><w:tab\/><w:t[^>]*>2020年9月30日印发/,
    );
    expect(colophon).toContain('<w:tab w:val="right" w:pos="8528"/>');
    expect(colophon).not.toContain("\t");
    expect(colophon).toContain("2020年9月30日印发");
    expect(colophon).toContain('<w:sz w:val="28"/>');
  });

  it("omits what is not given", async () => {
    const { document } = await parts({
      issuerMark: "武隆区司法局",
      title: "关于某事的函",
      body: ["正文。"],
      issuer: "武隆区司法局",
      date: "2021年1月15日",
    });
    expect(document).not.toContain("<w:tbl>");
    expect(document).not.toContain("签发人");
    expect(document).toContain("2021年1月15日");
    // Without a number, the red rule is under the mark.
    expect(paragraphsWith(document, "武隆区司法局")[0]).toContain('w:color="FF0000" w:sz="12"');
  });

  it("refuses a document without its required elements", async () => {
    await expect(renderOfficialDocument({ ...sample, title: " ", issuer: "" })).rejects.toThrow(
      ValidationError,
    );
    const err = await renderOfficialDocument({ ...sample, title: "" }).catch(
      (e: ValidationError) => e,
    );
    expect((err as ValidationError).fields).toEqual([{ field: "title", message: "required" }]);
    await expect(renderOfficialDocument({ ...sample, date: "2020-02-30" })).rejects.toThrow(
      /not a valid date/,
    );
  });
});

describe("renderOfficialDocument: page numbers", () => {
  it("writes — n — in 4号 宋体, odd pages right and even pages left, one character from the edge", async () => {
    const { document, settings, footers } = await parts(sample);
    expect(settings).toContain("<w:evenAndOddHeaders/>");
    expect(document).toMatch(/<w:footerReference w:type="default" r:id="[^"]+"\/>/);
    expect(document).toMatch(/<w:footerReference w:type="even" r:id="[^"]+"\/>/);
    expect(footers).toHaveLength(2);
    for (const f of footers) {
      expect(f).toContain("PAGE");
      expect(f).toContain("— ");
      expect(f).toContain(" —");
      expect(f).toContain('<w:sz w:val="28"/>');
      expect(f).toContain('w:ascii="宋体"');
    }
    const odd = footers.find((f) => f.includes('<w:jc w:val="right"/>'))!;
    const even = footers.find((f) => f.includes('<w:jc w:val="left"/>'))!;
    expect(odd).toContain('<w:ind w:right="280"/>');
    expect(even).toContain('<w:ind w:left="280"/>');
  });
});

describe("helpers", () => {
  it("formats dates as the standard does (Arabic numerals, no leading zeros)", () => {
    expect(formatChineseDate("2020-09-30")).toBe("2020年9月30日");
    expect(formatChineseDate("2021-01-05")).toBe("2021年1月5日");
    expect(formatChineseDate("2024-12-31")).toBe("2024年12月31日");
    expect(() => formatChineseDate("2020-13-01")).toThrow(ValidationError);
    expect(() => formatChineseDate("2020/09/30")).toThrow(ValidationError);
  });

  it("estimates widths in characters (digits half, a quarter between Chinese and digits)", () => {
    expect(widthInChars("重庆市武隆区人民政府")).toBe(10);
    expect(widthInChars("2020年9月30日")).toBe(3 + 3.5 + 5 * 0.25);
    expect(widthInChars("1.")).toBe(1);
    expect(widthInChars("2021—2025")).toBe(5);
  });

  it("makes document numbers and heading numbers", () => {
    expect(documentNumber("武隆府发", 2020, 12)).toBe("武隆府发〔2020〕12号");
    expect(documentNumber("武隆府文", 2021, 1)).toBe("武隆府文〔2021〕1号");
    expect(() => documentNumber("武隆府发", 2020, 0)).toThrow(RangeError);
    expect([1, 9, 10, 11, 19, 20, 21, 99].map(chineseNumber)).toEqual([
      "一",
      "九",
      "十",
      "十一",
      "十九",
      "二十",
      "二十一",
      "九十九",
    ]);
  });
});
