import { describe, expect, it } from "vitest";
import {
  importLimitsOf,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_CELLS,
  MAX_IMPORT_EXPANDED_BYTES,
  MAX_IMPORT_ROWS,
} from "./layout.ts";

describe("a register's import limits (RegisterDecl.importRows)", () => {
  it("are the defaults unless the register declares more rows", () => {
    expect(importLimitsOf({})).toEqual({
      rows: MAX_IMPORT_ROWS,
      bytes: MAX_IMPORT_BYTES,
      expandedBytes: MAX_IMPORT_EXPANDED_BYTES,
      cells: MAX_IMPORT_CELLS,
    });
    expect(importLimitsOf({ importRows: 500 }).rows).toBe(MAX_IMPORT_ROWS);
  });

  it("scale the file, expansion and cell limits with the declared rows, up to 200,000", () => {
    const l = importLimitsOf({ importRows: 120_000 });
    expect(l.rows).toBe(120_000);
    expect(l.bytes).toBe(MAX_IMPORT_BYTES * 12);
    expect(l.expandedBytes).toBe(MAX_IMPORT_EXPANDED_BYTES * 12);
    expect(l.cells).toBe(MAX_IMPORT_CELLS * 12);
    expect(importLimitsOf({ importRows: 10_000_000 }).rows).toBe(200_000);
  });
});
