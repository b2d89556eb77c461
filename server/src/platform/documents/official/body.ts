import { AlignmentType, Paragraph, type Table, TextRun } from "docx";
import { chineseNumber } from "./dates-and-numbers.ts";
import {
  BODY_INDENT,
  bodyParagraph,
  chars,
  exact,
  FONTS,
  font,
  LINE,
  PT,
  run,
  widthInChars,
} from "./layout.ts";
import type { Block, HeadingLevel, OfficialDocument, RenderOptions } from "./model.ts";
import { table } from "./table.ts";

// ─── Body (主体) ─────────────────────────────────────────────────────────────────────

export function title(doc: OfficialDocument): Paragraph {
  const lines = doc.title
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
  const children = lines.map(
    (l, i) =>
      new TextRun({
        text: l,
        font: font(FONTS.xiaobiaosong),
        size: PT.er * 2,
        ...(i > 0 ? { break: 1 } : {}),
      }),
  );
  // Two blank lines below the red rule (7.3.1).
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: exact(LINE, 2 * LINE),
    children,
  });
}

export function addressee(text: string): Paragraph {
  const t = text.trim().replace(/[:：]$/, "");
  // One line below the title, flush left (7.3.2).
  return new Paragraph({ spacing: exact(LINE, LINE), children: [run(`${t}：`)] });
}

const HEADING_FONT: Record<HeadingLevel, string> = {
  1: FONTS.heiti,
  2: FONTS.kaiti,
  3: FONTS.fangsong,
  4: FONTS.fangsong,
};

function headingNumber(level: HeadingLevel, n: number): string {
  switch (level) {
    case 1:
      return `${chineseNumber(n)}、`;
    case 2:
      return `（${chineseNumber(n)}）`;
    case 3:
      return `${n}.`;
    case 4:
      return `（${n}）`;
  }
}

/**
 * 附件说明 (7.3.4): one line below the text, 2 characters in: "附件：1. name"; further
 * items aligned under the first number, wrapped lines under the first character of the name.
 */
function attachments(items: string[]): Paragraph[] {
  const names = items.map((s) => s.trim().replace(/[。；;，,.]$/, "")).filter((s) => s !== "");
  if (names.length === 0) return [];
  if (names.length === 1) {
    return [
      new Paragraph({
        spacing: exact(LINE, LINE),
        indent: { left: chars(5), hanging: chars(3) },
        children: [run(`附件：${names[0]}`)],
      }),
    ];
  }
  return names.map((name, i) => {
    const num = `${i + 1}.`;
    const numW = widthInChars(num);
    return new Paragraph({
      spacing: exact(LINE, i === 0 ? LINE : 0),
      indent:
        i === 0
          ? { left: chars(5 + numW), hanging: chars(3 + numW) }
          : { left: chars(5 + numW), hanging: chars(numW) },
      children: [run(`${i === 0 ? "附件：" : ""}${num}${name}`)],
    });
  });
}

export function body(blocks: Block[], options: RenderOptions): (Paragraph | Table)[] {
  const counters = [0, 0, 0, 0, 0];
  const out: (Paragraph | Table)[] = [];
  for (const [i, block] of blocks.entries()) {
    // The last paragraph goes with the signature: no page holds the signature alone (7.3.5).
    const last = i === blocks.length - 1;
    if (typeof block === "string") {
      out.push(bodyParagraph([run(block)], last));
      continue;
    }
    switch (block.kind) {
      case "paragraph":
        out.push(bodyParagraph([run(block.text)], last));
        break;
      case "heading": {
        const level = block.level;
        counters[level]! += 1;
        for (let l = level + 1; l <= 4; l++) counters[l] = 0;
        const prefix = block.numbered === false ? "" : headingNumber(level, counters[level]!);
        const bold = level === 3 && options.level3Bold === true;
        const children = [run(`${prefix}${block.text}`, { font: HEADING_FONT[level], bold })];
        if (block.body) children.push(run(block.body));
        const p = new Paragraph({
          alignment: AlignmentType.BOTH,
          indent: BODY_INDENT,
          spacing: exact(LINE),
          keepNext: !block.body,
          outlineLevel: level - 1,
          children,
        });
        out.push(p);
        break;
      }
      case "table":
        out.push(...table(block));
        break;
      case "attachments":
        out.push(...attachments(block.items));
        break;
      case "pageBreak":
        out.push(new Paragraph({ pageBreakBefore: true, spacing: exact(LINE), children: [] }));
        break;
    }
  }
  return out;
}
