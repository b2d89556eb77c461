/**
 * Document templates, now the report engine's (one way to produce documents): the
 * built-in notice and templates registered by code. Moved from platform/documents.
 */
import { describe, expect, it } from "vitest";
import { NotFoundError, ValidationError } from "../../kernel/errors.ts";
import { sampleNotice } from "../../platform/documents/sample-document.ts";
import { readZipEntry } from "../../platform/files/zip.ts";
import { buildFromTemplate, listTemplates, registerTemplate, renderTemplate } from "./templates.ts";

const sample = sampleNotice;

describe("templates", () => {
  const notice = {
    issuer: "重庆市武隆区人民政府",
    number: "武隆府发〔2020〕12号",
    subject: "开展2020年度法治政府建设督察工作",
    addressee: "各乡镇人民政府、街道办事处，区政府各部门",
    body: ["现就有关事项通知如下。", { kind: "heading", level: 1, text: "督察内容" }],
    attachments: ["督察工作方案"],
    date: "2020-09-30",
    contact: { name: "张三", phone: "023-77777777" },
    printedBy: "重庆市武隆区人民政府办公室",
    printedOn: "2020-09-30",
  };

  it("renders the built-in notice (通知)", async () => {
    expect(listTemplates()).toContainEqual({ code: "notice", label: { zh: "通知", en: "Notice" } });
    const doc = buildFromTemplate("notice", notice);
    expect(doc.title).toBe("重庆市武隆区人民政府\n关于开展2020年度法治政府建设督察工作的通知");
    expect(
      buildFromTemplate("notice", { ...notice, issuer: "武隆区司法局", subject: "报送材料" }).title,
    ).toBe("武隆区司法局关于报送材料的通知");
    expect(buildFromTemplate("notice", { ...notice, title: "甲\n乙" }).title).toBe("甲\n乙");
    expect(doc.issuerMark).toBe("重庆市武隆区人民政府文件");
    expect(doc.note).toBe("联系人：张三；联系电话：023-77777777");
    expect(doc.body.at(-1)).toEqual({ kind: "attachments", items: ["督察工作方案"] });
    const docx = await renderTemplate("notice", notice);
    const xml = readZipEntry(docx, "word/document.xml")!.toString();
    expect(xml).toContain("武隆府发〔2020〕12号");
    expect(xml).toContain("附件：督察工作方案");
  });

  it("checks the notice's data, naming every bad field", () => {
    const err = (() => {
      try {
        buildFromTemplate("notice", { ...notice, subject: "", date: "2020-02-30", body: [] });
      } catch (e) {
        return e as ValidationError;
      }
    })();
    expect(err).toBeInstanceOf(ValidationError);
    expect(err!.fields!.map((f) => f.field).sort()).toEqual(["body", "date", "subject"]);
  });

  it("lets modules register templates by code, once", async () => {
    registerTemplate("test_letter", (d: { to: string }) => ({
      issuerMark: "武隆区司法局",
      title: `关于${d.to}的函`,
      body: ["正文。"],
      issuer: "武隆区司法局",
      date: "2021-01-15",
    }));
    const xml = readZipEntry(
      await renderTemplate("test_letter", { to: "某事" }),
      "word/document.xml",
    )!.toString();
    expect(xml).toContain("关于某事的函");
    expect(() => registerTemplate("test_letter", () => sample)).toThrow(/already registered/);
    expect(() => registerTemplate("Bad Code", () => sample)).toThrow(/lowercase/);
    await expect(renderTemplate("no_such", {})).rejects.toBeInstanceOf(NotFoundError);
  });
});
