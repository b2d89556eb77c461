/** Writing the demo's CSV files (the import templates' stable keys as headers). */

const cell = (v: unknown): string => {
  const s =
    v === undefined || v === null
      ? ""
      : Array.isArray(v)
        ? v.join("；")
        : typeof v === "boolean"
          ? v
            ? "是"
            : "否"
          : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** A CSV with the given header row (keys or labels) and rows by the same keys. */
export function csv(headers: readonly string[], rows: readonly Record<string, unknown>[]): Buffer {
  const lines = [headers.map(cell).join(",")];
  for (const r of rows) lines.push(headers.map((h) => cell(r[h])).join(","));
  return Buffer.from(`${lines.join("\n")}\n`, "utf8");
}
