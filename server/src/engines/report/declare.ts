/**
 * The report engine's contract: a module declares a report template (`ModuleDecl.reports`).
 *
 * A template is the default draft of a report — its head (title, addressee, signer,
 * issuer, date, contact) and its blocks (headings and paragraphs of narrative) — with
 * placeholders in the narrative, `{{key}}`, each a figure declared here with the
 * indicator it shows and the rule it is written by. `{{key=95.2%}}` is a figure the
 * writer typed: shown as typed, checked against the indicator. `{{year}}` and
 * `{{prev_year}}` are the report's year and the one before.
 */
import type { Label } from "../../kernel/labels.ts";
import type { FigureRule } from "./figures.ts";

/** A heading (一、 （一） 1. （1）, numbered by the official layout) or a paragraph. */
export type DraftBlock =
  | { kind: "heading"; level: 1 | 2 | 3 | 4; text: string }
  | { kind: "paragraph"; text: string };

/** A report's text as the writer edits it (the case's `draft` field). */
export interface ReportDraft {
  /** 发文字号, e.g. 武隆府文〔2021〕1号. */
  number?: string;
  /** 签发人 (a report goes upward). */
  signer?: string;
  title: string;
  /** 主送机关, e.g. 市政府. */
  addressee: string;
  /** 发文机关署名. */
  issuer: string;
  /** 成文日期 (YYYY-MM-DD). */
  date: string;
  /** 联系人 and phone: in the version submitted upward only, never the public one. */
  contact?: { name: string; phone: string };
  /** 印发机关 (版记). */
  printedBy?: string;
  blocks: DraftBlock[];
}

/** A figure a placeholder shows. */
export interface FigureDecl {
  indicator: string;
  /** How the report writes it; default: the indicator's decimals, "%" after a rate. */
  rule?: FigureRule;
  /**
   * The indicator's module is still being built: the issue that builds it (e.g. "issue
   * 14"). Until it is declared the figure is shown as typed and flagged, never computed.
   */
  pending?: string;
}

export interface ReportTemplateDecl {
  /** A stable ASCII code (also the case type the report's lifecycle runs on, if it has one). */
  code: string;
  label: Label;
  module: string;
  /** The duty to report, in Chinese form. */
  legalBasis: string;
  /** The issuer's mark (发文机关标志) for a region's name, e.g. 重庆市武隆区人民政府文件. */
  issuerMark(regionName: string): string;
  /** Placeholder key → the figure. */
  figures: Record<string, FigureDecl>;
  /** The default draft of a region's report for a year. */
  draft(p: { regionName: string; year: number }): ReportDraft;
}
