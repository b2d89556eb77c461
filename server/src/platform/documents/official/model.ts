// ─── The document model ─────────────────────────────────────────────────────────────

/** Heading levels of the standard (7.3.3): 一、 （一） 1. （1）. */
export type HeadingLevel = 1 | 2 | 3 | 4;

export type Block =
  /** A body paragraph (shorthand). */
  | string
  /** A body paragraph: 3号 仿宋, first-line indent 2 characters, justified. */
  | { kind: "paragraph"; text: string }
  /**
   * A heading. The sequence number (一、 （一） 1. （1）) is generated, counting within the
   * enclosing heading, unless `numbered` is false. `text` is the heading; `body`, if given,
   * runs on in the same paragraph in 仿宋 (as in "（一）加强领导。各单位要……").
   */
  | { kind: "heading"; level: HeadingLevel; text: string; body?: string; numbered?: boolean }
  /**
   * A simple table as wide as the type area: rows of cell texts, 4号 仿宋; the first row is
   * a header (黑体, centred) unless `header` is false. `widths` are relative column widths.
   */
  | {
      kind: "table";
      rows: string[][];
      header?: boolean;
      widths?: number[];
      caption?: string;
      /** Least row heights in millimetres, by row (e.g. room to sign); missing: as the text needs. */
      minHeights?: number[];
    }
  /** The attachment note (附件说明): 附件：1. … — names without final punctuation. */
  | { kind: "attachments"; items: string[] }
  | { kind: "pageBreak" };

export interface OfficialDocument {
  /**
   * "official" (default): a 公文 in the GB/T 9704 layout, red issuer's mark and red rule.
   * "instrument": an enforcement instrument (执法文书) — the issuing body's full name in
   * black (`issuerMark`), the title, the number right-aligned; no red, no 附注 or 版记.
   */
  form?: "official" | "instrument";
  /** 发文机关标志, e.g. "重庆市武隆区人民政府文件" (red, centred, 小标宋). */
  issuerMark: string;
  /** 发文字号, e.g. "武隆府发〔2020〕12号" (see `documentNumber`). */
  number?: string;
  /** 签发人 (up-going documents): the number moves left, "签发人：name" stands right. */
  signer?: string;
  /** 标题; "\n" breaks the title where given (inverted trapezoid or diamond). */
  title: string;
  /** 主送机关; a final full-width colon is added if missing. */
  addressee?: string;
  body: Block[];
  /** 发文机关署名. */
  issuer: string;
  /** 成文日期: "2020年9月30日", or a LocalDate "2020-09-30" (formatted by formatChineseDate). */
  date: string;
  /**
   * false: no 署名 and 成文日期 at the end (a form signed in its own cells, such as a
   * 送达回证); default true.
   */
  signature?: boolean;
  /** Whether the document is sealed: the signature block leaves room for the seal over it. */
  seal?: boolean;
  /** 附注 (put in full-width parentheses if not already). */
  note?: string;
  /** 抄送机关. */
  copyTo?: string[];
  /** 印发机关. */
  printedBy?: string;
  /** 印发日期: "2020年9月30日" or a LocalDate; "印发" is added. */
  printedOn?: string;
}

export interface RenderOptions {
  /**
   * Set third-level headings (1.) in bold. The standard sets levels 3 and 4 in plain
   * 仿宋 (7.3.3); some offices bold the third level by house style.
   */
  level3Bold?: boolean;
}
