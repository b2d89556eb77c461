/**
 * The home's figures (GET /api/dashboard, one request): the role's scope — a unit's own
 * figures, the district's, or the city's with its districts side by side — for a year
 * against the year before, one tab per area (the modules, in the report's order), each
 * with a chart and a table. Every figure opens the records behind it (the drill-down);
 * a region's user opens any figure per unit (the comparison table, exportable).
 * Which figures and where is declared on the server (IndicatorDecl.dashboard).
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Card, Empty, Select, Tabs } from "antd";
import { useState } from "react";
import { api } from "../api.ts";
import { ErrorAlert } from "../components/ErrorDisplay.tsx";
import { useI18n } from "../i18n.ts";
import { ByUnitDrawer, type FigureScope } from "../indicators/ByUnitDrawer.tsx";
import { DrillDrawer } from "../indicators/DrillDrawer.tsx";
import type { Dashboard } from "../indicators/types.ts";
import { AreaPane } from "./DashboardArea.tsx";
import { DistrictsPane } from "./DashboardDistricts.tsx";
import { D, fill } from "./dashboard-text.ts";

const YEARS_BACK = 10;

/** What a click opens: the records behind a figure, or its per-unit table. */
export interface Opener {
  drill(id: string, scope?: FigureScope): void;
  byUnit: ((id: string) => void) | null;
}

export function DashboardCard() {
  const { pick } = useI18n();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const query = useQuery({
    queryKey: ["api", "/api/dashboard", { year }],
    queryFn: ({ signal }) => api.get<Dashboard>("/api/dashboard", { year }, signal),
    placeholderData: keepPreviousData,
  });
  const d = query.data;
  const base: FigureScope = d
    ? { region: d.region, year: d.year, ...(d.unitId !== null ? { unitId: d.unitId } : {}) }
    : {};
  const [drill, setDrill] = useState<{ id: string; scope: FigureScope } | null>(null);
  const [byUnit, setByUnit] = useState<string | null>(null);
  const open: Opener = {
    drill: (id, scope) => setDrill({ id, scope: { ...base, ...scope } }),
    byUnit: d && d.role !== "unit" ? setByUnit : null,
  };
  const scopeName =
    d?.role === "unit" ? D.scopeUnit : d?.role === "city" ? D.scopeCity : D.scopeRegion;

  const tabs = (d?.areas ?? []).map((a) => ({
    key: a.area,
    label: pick(a.label),
    children: <AreaPane area={a} year={d!.year} previousYear={d!.previousYear} open={open} />,
  }));
  if (d?.districts) {
    tabs.push({
      key: "__districts",
      label: pick(D.districts),
      children: <DistrictsPane dashboard={d} districts={d.districts} open={open} />,
    });
  }

  return (
    <Card
      title={fill(pick(D.title), { scope: pick(scopeName) })}
      data-testid="dashboard-card"
      loading={query.isPending}
      extra={
        <Select
          style={{ width: 110 }}
          value={year}
          onChange={setYear}
          data-testid="dashboard-year"
          aria-label={pick(D.year)}
          options={Array.from({ length: YEARS_BACK }, (_, i) => thisYear - i).map((y) => ({
            value: y,
            label: fill(pick(D.yearN), { y }),
          }))}
        />
      }
    >
      {query.isError ? <ErrorAlert error={query.error} /> : null}
      {d && tabs.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={pick(D.empty)} />
      ) : (
        <Tabs items={tabs} data-testid="dashboard-areas" />
      )}
      <DrillDrawer
        id={drill?.id ?? null}
        scope={drill?.scope ?? base}
        onClose={() => setDrill(null)}
      />
      <ByUnitDrawer id={byUnit} scope={base} onClose={() => setByUnit(null)} />
    </Card>
  );
}
