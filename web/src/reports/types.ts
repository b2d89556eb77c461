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
export interface ReportPreview {
  id: number;
  region: string;
  year: number;
  template: string;
  state: string;
  version: number;
  blocks: { kind: "heading" | "paragraph"; level: number | null; parts: Part[] }[];
  figures: ReportFigure[];
  checks: ReportCheck[];
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
