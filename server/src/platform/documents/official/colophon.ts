import {
  BorderStyle,
  Paragraph,
  RelativeVerticalPosition,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  WidthType,
} from "docx";
import { chars, exact, LAYOUT, LINE, PT, run, TEXT_W } from "./layout.ts";
import type { OfficialDocument } from "./model.ts";
import { dateText } from "./signature.ts";

// ─── Colophon (版记) ─────────────────────────────────────────────────────────────────

/**
 * 版记 (7.4): 抄送 and 印发机关/印发日期 in 4号 仿宋, one character in from each side,
 * between rules as wide as the type area — the first and last 0.35 mm, those between
 * 0.25 mm — the last rule on the bottom edge of the type area of the last page. Written as
 * a one-column table floating at the bottom of the type area of the page it falls on (text
 * flows around it, so the body never runs under it); its top and bottom borders are the
 * thick rules, the borders between its rows the thin ones.
 */
export function colophon(doc: OfficialDocument): Table | undefined {
  const copyTo = (doc.copyTo ?? []).map((s) => s.trim().replace(/[，,。；;]$/, "")).filter(Boolean);
  const printedBy = doc.printedBy?.trim();
  const printedOn = doc.printedOn ? `${dateText(doc.printedOn)}印发` : undefined;
  if (copyTo.length === 0 && !printedBy && !printedOn) return undefined;
  const one = chars(1);
  const rowLine = LINE;
  const rows: Paragraph[] = [];
  if (copyTo.length > 0) {
    rows.push(
      new Paragraph({
        spacing: exact(rowLine),
        indent: { left: one + chars(3), right: one, hanging: chars(3) },
        children: [run(`抄送：${copyTo.join("，")}。`, { size: PT.si })],
      }),
    );
  }
  if (printedBy || printedOn) {
    rows.push(
      new Paragraph({
        spacing: exact(rowLine),
        indent: { left: one, right: one },
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_W - one }],
        children: [run(`${printedBy ?? ""}\t${printedOn ?? ""}`, { size: PT.si })],
      }),
    );
  }
  const thick = { style: BorderStyle.SINGLE, size: 8, color: "000000" }; // 1 pt ≈ 0.35 mm
  const thin = { style: BorderStyle.SINGLE, size: 6, color: "000000" }; // 0.75 pt ≈ 0.26 mm
  const none = { style: BorderStyle.NONE, size: 0, color: "auto" };
  return new Table({
    width: { size: TEXT_W, type: WidthType.DXA },
    columnWidths: [TEXT_W],
    layout: TableLayoutType.FIXED,
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    borders: {
      top: thick,
      bottom: thick,
      insideHorizontal: thin,
      left: none,
      right: none,
      insideVertical: none,
    },
    float: {
      // From the page edge rather than "left of the margin": the same place, and LibreOffice
      // (before 7.6) floats a full-width table only when it is placed from the page edge.
      horizontalAnchor: TableAnchorType.PAGE,
      absoluteHorizontalPosition: LAYOUT.margin.left,
      verticalAnchor: TableAnchorType.MARGIN,
      relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
      leftFromText: 0,
      rightFromText: 0,
      topFromText: 0,
      bottomFromText: 0,
    },
    rows: rows.map(
      (p) =>
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({ width: { size: TEXT_W, type: WidthType.DXA }, children: [p] }),
          ],
        }),
    ),
  });
}
