/**
 * Reading a labelled code back from the text of an xlsx cell (a list item's codec, e.g.
 * "学习：法律…" or "听取汇报：…"): the code itself, its Chinese label or its English one.
 */
import { t, ValidationError } from "../../kernel/errors.ts";
import type { Label } from "../../kernel/labels.ts";

/** The code of a label given by its code, Chinese or English text; throws naming the choices. */
export function labelCode<K extends string>(labels: Record<K, Label>, text: string): K {
  const s = text.trim();
  for (const [code, l] of Object.entries(labels) as [K, Label][]) {
    if (code === s || l.zh === s || l.en.toLowerCase() === s.toLowerCase()) return code;
  }
  const all = Object.values<Label>(labels);
  throw new ValidationError(
    t(
      `“${s}”不是可选的值（可选：${all.map((l) => l.zh).join("、")}）`,
      `"${s}" is not one of ${all.map((l) => l.en).join(", ")}`,
    ),
  );
}
