import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
} from "docx";
import { exact, FONTS, LINE, mm, PT, run, TEXT_W } from "./layout.ts";
import type { Block } from "./model.ts";

// ─── Body (主体): tables ─────────────────────────────────────────────────────────────

export function table(block: Extract<Block, { kind: "table" }>): (Paragraph | Table)[] {
  const cols = Math.max(...block.rows.map((r) => r.length), 1);
  const rel = block.widths && block.widths.length === cols ? block.widths : new Array(cols).fill(1);
  const total = rel.reduce((a, b) => a + b, 0);
  const widths = rel.map((w) => Math.floor((w / total) * TEXT_W));
  widths[widths.length - 1]! += TEXT_W - widths.reduce((a, b) => a + b, 0);
  const header = block.header ?? true;
  const thin = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
  const cellLine = Math.round(PT.si * 20 * 1.5);
  const t = new Table({
    width: { size: TEXT_W, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: {
      top: thin,
      bottom: thin,
      left: thin,
      right: thin,
      insideHorizontal: thin,
      insideVertical: thin,
    },
    rows: block.rows.map(
      (cells, r) =>
        new TableRow({
          tableHeader: header && r === 0,
          cantSplit: true,
          ...(block.minHeights?.[r]
            ? { height: { value: mm(block.minHeights[r]!), rule: HeightRule.ATLEAST } }
            : {}),
          children: widths.map(
            (w, c) =>
              new TableCell({
                width: { size: w, type: WidthType.DXA },
                verticalAlign: VerticalAlignTable.CENTER,
                margins: { left: 80, right: 80, top: 40, bottom: 40 },
                children: (cells[c] ?? "").split("\n").map(
                  (line) =>
                    new Paragraph({
                      alignment: header && r === 0 ? AlignmentType.CENTER : AlignmentType.LEFT,
                      spacing: exact(cellLine),
                      children: [
                        run(line, {
                          size: PT.si,
                          ...(header && r === 0 ? { font: FONTS.heiti } : {}),
                        }),
                      ],
                    }),
                ),
              }),
          ),
        }),
    ),
  });
  const out: (Paragraph | Table)[] = [];
  if (block.caption) {
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: exact(LINE),
        keepNext: true,
        children: [run(block.caption, { font: FONTS.heiti })],
      }),
    );
  }
  out.push(t);
  return out;
}
