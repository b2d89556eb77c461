/**
 * docs/indicators.md, generated from the registry: every declared indicator's id,
 * label, unit, definition (with its counting rule) and, where the Wulong 2020 report
 * states it, the seed's figure (modules/report/seed-figures.ts); then the seed figures
 * whose indicators are still being built. `indicators-doc.test.ts` fails when the file
 * is stale; `FAZHI_WRITE_DOCS=1 npx vitest run --project unit src/cli/indicators-doc.test.ts`
 * rewrites it.
 */
import { fullDefinition } from "../engines/indicator/values.ts";
import type { Registry } from "../engines/registry.ts";
import { SEED_FIGURES } from "../modules/report/seed-figures.ts";

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

export function indicatorsDoc(registry: Registry): string {
  const seedOf = new Map<string, string[]>();
  for (const s of SEED_FIGURES)
    seedOf.set(s.indicator, [...(seedOf.get(s.indicator) ?? []), `${s.section} ${s.seed}`]);
  const lines = [
    "# Indicators",
    "",
    "Generated from the declarations (`server/src/cli/indicators-doc.ts`); a unit test fails when",
    "this page is stale. Every figure of the reports and dashboards is one of these, computed",
    'by the indicator engine (docs/architecture.md, "An indicator"). The last column is the',
    "figure of the Wulong 2020 report (`../shared/seed/figures.md`) the indicator reproduces.",
    "",
  ];
  for (const m of registry.modules) {
    const ds = m.indicators ?? [];
    if (ds.length === 0) continue;
    lines.push(
      `## ${m.label.zh} (${m.code})`,
      "",
      "| id | label | unit | definition | seed (2020) |",
      "|---|---|---|---|---|",
    );
    for (const d of ds) {
      lines.push(
        `| \`${d.id}\` | ${cell(d.label.zh)} | ${cell(d.unit.zh)} | ${cell(fullDefinition(d).zh)} | ${cell((seedOf.get(d.id) ?? []).join("；"))} |`,
      );
    }
    lines.push("");
  }
  const pending = SEED_FIGURES.filter((s) => !registry.indicator(s.indicator));
  if (pending.length) {
    lines.push(
      "## Still to come",
      "",
      "Seed figures whose indicators are being built:",
      "",
      "| id | seed (2020) | issue |",
      "|---|---|---|",
    );
    for (const s of pending)
      lines.push(`| \`${s.indicator}\` | ${cell(`${s.section} ${s.seed}`)} | ${s.pending ?? ""} |`);
    lines.push("");
  }
  return lines.join("\n");
}
