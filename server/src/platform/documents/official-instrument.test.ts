import { describe, expect, it } from "vitest";
import { readZipEntry } from "../files/zip.ts";
import { type OfficialDocument, renderOfficialDocument } from "./official.ts";

/** The "instrument" form (执法文书): no red mark or rule, the number right-aligned. */
const xmlOf = async (doc: OfficialDocument) =>
  readZipEntry(await renderOfficialDocument(doc), "word/document.xml")?.toString("utf8") ?? "";

const base: OfficialDocument = {
  form: "instrument",
  issuerMark: "重庆市武隆区市场监督管理局",
  number: "武隆市监罚〔2021〕1号",
  title: "行政处罚决定书",
  body: ["当事人：张三", "正文。"],
  issuer: "重庆市武隆区市场监督管理局",
  date: "2021-09-14",
  seal: true,
  note: "内部说明",
};

describe("enforcement instruments", () => {
  it("carry the body's full name in black, the title, the number right-aligned; no note", async () => {
    const xml = await xmlOf(base);
    expect(xml).not.toMatch(/FF0000/i);
    const order = [
      "重庆市武隆区市场监督管理局",
      "行政处罚决定书",
      "武隆市监罚〔2021〕1号",
      "当事人：张三",
    ];
    const at = order.map((s) => xml.indexOf(s));
    expect(at.every((x, i) => x >= 0 && (i === 0 || x > at[i - 1]!))).toBe(true);
    const numberParagraph = xml.slice(xml.lastIndexOf("<w:p>", at[2]), at[2]);
    expect(numberParagraph).toContain('w:val="right"');
    expect(xml).not.toContain("内部说明");
    expect(xml).toContain("2021年9月14日");
  });

  it("a form signed in its cells has no signature block; rows keep their least heights", async () => {
    const xml = await xmlOf({
      ...base,
      title: "送达回证",
      signature: false,
      body: [{ kind: "table", header: false, rows: [["受送达人签名", ""]], minHeights: [30] }],
    });
    expect(xml).not.toContain("2021年9月14日");
    expect(xml).toMatch(/<w:trHeight w:val="1701" w:hRule="atLeast"\/>/);
  });
});
