/** A bar chart of the figures that share one unit (件, %, 人, …), one unit at a time. */
import { Card, Empty, Segmented } from "antd";
import { useMemo, useState } from "react";
import { type ChartOption, EChart } from "../components/EChart.tsx";
import { useI18n } from "../i18n.ts";
import type { IndicatorValue } from "./types.ts";

export function IndicatorChart({ values }: { values: IndicatorValue[] }) {
  const { t, pick } = useI18n();
  const units = useMemo(
    () => [...new Set(values.filter((v) => v.value !== null).map((v) => pick(v.unit)))],
    [values, pick],
  );
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const unit = chosen && units.includes(chosen) ? chosen : units[0];
  const shown = useMemo(
    () => values.filter((v) => v.value !== null && pick(v.unit) === unit),
    [values, unit, pick],
  );

  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      xAxis: { type: "value", name: unit },
      yAxis: {
        type: "category",
        inverse: true,
        data: shown.map((v) => pick(v.label)),
        axisLabel: { width: 220, overflow: "truncate" },
      },
      series: [
        {
          type: "bar",
          data: shown.map((v) => v.value),
          itemStyle: { color: "#a61d24" },
          label: { show: true, position: "right" },
          barMaxWidth: 28,
        },
      ],
    }),
    [shown, unit, pick],
  );

  return (
    <Card
      size="small"
      title={t("ind.chart")}
      data-testid="indicator-chart"
      extra={
        units.length > 1 ? (
          <Segmented<string> size="small" value={unit} onChange={setChosen} options={units} />
        ) : null
      }
    >
      {shown.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("ind.noFigures")} />
      ) : (
        <EChart
          option={option}
          testId="indicator-echart"
          style={{ height: Math.max(160, shown.length * 40 + 40) }}
        />
      )}
    </Card>
  );
}
