/** The report engine's answers (server/src/engines/report/wire.ts), as the pages read them. */
export interface Label {
  zh: string;
  en: string;
}
export interface ReportFigure {
  key: string;
  indicator: string;
  label: Label;
  unit: Label;
  value: number | null;
  text: string;
  pending: boolean;
}
export interface ReportCheck {
  kind: string;
  key: string;
  message: Label;
}
export interface Part {
  kind: "text" | "figure";
  text: string;
  key?: string;
  typed?: string | null;
}
export interface ReportDraft {
  number?: string;
  signer?: string;
  title: string;
  addressee: string;
  issuer: string;
  date: string;
  contact?: { name: string; phone: string };
  printedBy?: string;
  blocks: { kind: "heading" | "paragraph"; level?: number; text: string }[];
}
export type SectionKind = "head" | "opening" | "narrative" | "signature" | "date" | "contact";
/** A section of the draft as the editor saves it (save_section). */
export interface ReportSection {
  key: string;
  kind: SectionKind;
  level: number;
  /** Block index of its heading. */
  heading: number | null;
  /** Block indexes of its paragraphs. */
  paragraphs: number[];
}
export interface ReportPreview {
  id: number;
  region: string;
  year: number;
  template: string;
  state: string;
  version: number;
  draft: ReportDraft;
  blocks: { kind: "heading" | "paragraph"; level: number | null; parts: Part[] }[];
  figures: ReportFigure[];
  checks: ReportCheck[];
  sections: ReportSection[];
  /** The template's figures a narrative may name, with their labels. */
  placeholders: { key: string; label: Label }[];
  /** Steps this user may not take (separation of duties), with why. */
  refused: { action: string; message: Label }[];
}
export interface ReportList {
  reports: {
    id: number;
    region: string;
    year: number;
    template: string;
    state: string;
    title: string;
  }[];
  publications: {
    id: number;
    region: string;
    caseId: number;
    year: number;
    title: string;
    fingerprint: string;
    publishedOn: string;
  }[];
}
export interface Publication {
  id: number;
  region: string;
  year: number;
  title: string;
  fingerprint: string;
  publishedOn: string;
  paragraphs: { kind: "heading" | "paragraph"; level: number | null; text: string }[];
  figures: ReportFigure[];
  records: Record<string, number>;
}
export interface PublicationCheck {
  unchanged: boolean;
  fingerprint: string;
  todayFingerprint: string;
  differences: {
    key: string;
    indicator: string;
    label: Label;
    published: { text: string };
    today: { text: string };
    recordsAdded: number;
    recordsRemoved: number;
  }[];
}
export interface RollUp {
  region: string;
  year: number;
  indicators: { id: string; label: Label; unit: Label }[];
  columns: { region: string; name: string; values: Record<string, number | null> }[];
}

export const STATE_LABELS: Record<string, Label> = {
  draft: { zh: "起草中", en: "Draft" },
  secrecy_review: { zh: "保密审查中", en: "Secrecy review" },
  approved: { zh: "审查通过待发布", en: "Approved" },
  published: { zh: "已报送并公开", en: "Published" },
};

const ZH = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];

/** Heading numbers 一、 （一） 1. （1）, as the official layout writes them. */
export function headingNumbers(blocks: { kind: string; level: number | null }[]): string[] {
  const c = [0, 0, 0, 0];
  return blocks.map((b) => {
    if (b.kind !== "heading") return "";
    const l = Math.min(Math.max((b.level ?? 1) - 1, 0), 3);
    c[l]!++;
    for (let i = l + 1; i < 4; i++) c[i] = 0;
    const n = c[l]!;
    return l === 0
      ? `${ZH[n - 1]}、`
      : l === 1
        ? `（${ZH[n - 1]}）`
        : l === 2
          ? `${n}. `
          : `（${n}）`;
  });
}

export const CHECK_COLORS: Record<string, string> = {
  typed_differs: "red",
  impossible_rate: "red",
  unsupported_change: "orange",
  no_value: "orange",
  pending: "blue",
  unknown_placeholder: "red",
};

/** The editor's labels (Chinese first, English beside). */
export const EDITOR_LABELS = {
  sections: {
    head: {
      zh: "文头（标题、主送机关、发文字号、签发人）",
      en: "Head (title, addressee, number, signer)",
    },
    opening: { zh: "开头", en: "Opening" },
    narrative: { zh: "正文", en: "Body" },
    signature: { zh: "署名（发文机关、印发机关）", en: "Signature (issuer, printed by)" },
    date: { zh: "成文日期", en: "Date" },
    contact: { zh: "联系人（仅报送版，公开版不含）", en: "Contact (submitted version only)" },
  } satisfies Record<SectionKind, Label>,
  title: { zh: "标题", en: "Title" },
  addressee: { zh: "主送机关", en: "Addressee" },
  number: { zh: "发文字号", en: "Document number" },
  signer: { zh: "签发人", en: "Signer" },
  issuer: { zh: "发文机关署名", en: "Issuer" },
  printedBy: { zh: "印发机关", en: "Printed by" },
  date: { zh: "成文日期", en: "Date" },
  contactName: { zh: "联系人", en: "Contact" },
  contactPhone: { zh: "联系电话", en: "Phone" },
  heading: { zh: "小标题", en: "Heading" },
  text: { zh: "正文（每行一段）", en: "Text (one paragraph a line)" },
  textHelp: {
    zh: "数字写作【数字名称】（按记录实时计算），手工填写的数字写作【数字名称=95.2%】（将与记录核对）；【年度】为报告年度，【上一年度】为其上一年。",
    en: "A figure is 【name】 (computed from the records), a typed one 【name=95.2%】 (checked against them); 【年度】 is the report's year.",
  },
  insert: { zh: "插入数字……", en: "Insert a figure…" },
  required: { zh: "请填写", en: "Required: " },
  save: { zh: "保存本节", en: "Save this section" },
  saved: { zh: "已保存", en: "Saved" },
  figures: { zh: "本节数字（点击查看记录）", en: "Figures (click for the records)" },
  noFigures: { zh: "本节没有数字", en: "No figures" },
  records: { zh: "查看记录", en: "records" },
  checks: { zh: "核对提示", en: "Checks" },
  tabPreview: { zh: "预览", en: "Preview" },
  tabEdit: { zh: "分节编辑", en: "Edit by section" },
  readOnly: {
    zh: "报告已提交保密审查或已发布，正文不能修改；退回修改后可再编辑。",
    en: "The report is under review or published; it can be edited after it is returned.",
  },
};
