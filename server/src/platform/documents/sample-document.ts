/**
 * A complete notice (every part of GB/T 9704-2012 a document can have), shared by the
 * tests of the document layout and of the templates.
 */
import type { OfficialDocument } from "./official.ts";

export const sampleNotice: OfficialDocument = {
  issuerMark: "重庆市武隆区人民政府文件",
  number: "武隆府发〔2020〕12号",
  title: "重庆市武隆区人民政府\n关于开展法治政府建设督察工作的通知",
  addressee: "各乡镇人民政府、街道办事处，区政府各部门",
  body: [
    "为深入贯彻落实法治政府建设的决策部署，现就有关事项通知如下。",
    { kind: "heading", level: 1, text: "总体要求" },
    { kind: "heading", level: 2, text: "加强组织领导。", body: "各单位要高度重视。" },
    { kind: "heading", level: 2, text: "明确责任分工。" },
    { kind: "heading", level: 3, text: "区司法局负责统筹。" },
    { kind: "heading", level: 4, text: "按时报送材料。" },
    { kind: "heading", level: 1, text: "督察内容" },
    { kind: "heading", level: 2, text: "依法决策情况。" },
    {
      kind: "table",
      rows: [
        ["序号", "对象"],
        ["1", "区司法局"],
      ],
    },
    { kind: "attachments", items: ["督察工作方案", "督察对象名单。"] },
  ],
  issuer: "重庆市武隆区人民政府",
  date: "2020-09-30",
  note: "联系人：张三；联系电话：023-77777777",
  copyTo: ["区委办公室", "区人大常委会办公室"],
  printedBy: "重庆市武隆区人民政府办公室",
  printedOn: "2020-09-30",
};
