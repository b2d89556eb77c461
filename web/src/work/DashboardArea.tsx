/** One area of the home: a chart of this year against the last, and the figures' table. */
import { Button, Col, Row, Segmented, Table, Typography } from "antd";
import { useMemo, useState } from "react";
import { type ChartOption, EChart } from "../components/EChart.tsx";
import { useI18n } from "../i18n.ts";
import { type DashboardArea, type DashboardFigure, formatValue } from "../indicators/types.ts";
import type { Opener } from "./DashboardCard.tsx";
import { D, fill } from "./dashboard-text.ts";

function AreaChart({
  figures,
  year,
  previousYear,
}: {
  figures: DashboardFigure[];
  year: number;
  previousYear: number;
}) {
  const { pick } = useI18n();
  // One measure at a time (件, %, 人 …): bars of different units do not share an axis.
  const units = useMemo(
    () => [
      ...new Set(
        figures.filter((f) => f.value !== null || f.previous !== null).map((f) => pick(f.unit)),
      ),
    ],
    [figures, pick],
  );
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const unit = chosen && units.includes(chosen) ? chosen : units[0];
  const shown = figures.filter(
    (f) => pick(f.unit) === unit && (f.value !== null || f.previous !== null),
  );
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 32, top: 28, bottom: 8, containLabel: true },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: { top: 0 },
      xAxis: { type: "value", name: unit },
      yAxis: {
        type: "category",
        inverse: true,
        data: shown.map((f) => pick(f.label)),
        axisLabel: { width: 160, overflow: "truncate" },
      },
      series: [
        {
          name: fill(pick(D.yearN), { y: year }),
          type: "bar",
          data: shown.map((f) => f.value),
          itemStyle: { color: "#a61d24" },
          label: { show: true, position: "right" },
          barMaxWidth: 18,
        },
        {
          name: fill(pick(D.yearN), { y: previousYear }),
          type: "bar",
          data: shown.map((f) => f.previous),
          itemStyle: { color: "#bfbfbf" },
          barMaxWidth: 18,
        },
      ],
    }),
    [shown, unit, pick, year, previousYear],
  );
  if (shown.length === 0) {
    return <Typography.Text type="secondary">{pick(D.noFigures)}</Typography.Text>;
  }
  return (
    <div data-testid="dashboard-chart">
      {units.length > 1 ? (
        <Segmented<string> size="small" value={unit} onChange={setChosen} options={units} />
      ) : null}
      <EChart
        option={option}
        testId="dashboard-echart"
        style={{ height: Math.max(180, shown.length * 48 + 60) }}
      />
    </div>
  );
}

export function AreaPane({
  area,
  year,
  previousYear,
  open,
}: {
  area: DashboardArea;
  year: number;
  previousYear: number;
  open: Opener;
}) {
  const { pick } = useI18n();
  const figure = (f: DashboardFigure, v: number | null, y: number) => (
    <Button
      type="link"
      size="small"
      style={{ padding: 0 }}
      data-testid={y === year ? "dashboard-figure" : "dashboard-figure-previous"}
      data-indicator={f.id}
      title={pick(D.openRecords)}
      onClick={() => open.drill(f.id, { year: y })}
    >
      {formatValue(v, f.decimals)}
    </Button>
  );
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={10}>
        <Typography.Text strong>{fill(pick(D.chart), { y: year })}</Typography.Text>
        <AreaChart figures={area.figures} year={year} previousYear={previousYear} />
      </Col>
      <Col xs={24} xl={14}>
        <Table<DashboardFigure>
          size="small"
          rowKey="id"
          data-testid="dashboard-table"
          dataSource={area.figures}
          scroll={{ x: true }}
          pagination={{ pageSize: 12, hideOnSinglePage: true, showSizeChanger: false }}
          columns={[
            {
              title: pick(D.indicator),
              key: "label",
              render: (_, f) => (
                <Typography.Text title={pick(f.definition)}>{pick(f.label)}</Typography.Text>
              ),
            },
            {
              title: fill(pick(D.yearN), { y: year }),
              key: "value",
              align: "right",
              render: (_, f) => figure(f, f.value, year),
            },
            {
              title: fill(pick(D.yearN), { y: previousYear }),
              key: "previous",
              align: "right",
              render: (_, f) => figure(f, f.previous, previousYear),
            },
            {
              title: pick(D.change),
              key: "change",
              align: "right",
              render: (_, f) =>
                f.value === null || f.previous === null
                  ? "—"
                  : `${f.value - f.previous >= 0 ? "+" : ""}${formatValue(f.value - f.previous, f.decimals)}`,
            },
            { title: pick(D.unit), key: "unit", render: (_, f) => pick(f.unit) },
            ...(open.byUnit
              ? [
                  {
                    title: pick(D.byUnit),
                    key: "byUnit",
                    render: (_: unknown, f: DashboardFigure) => (
                      <Button
                        size="small"
                        data-testid="dashboard-by-unit"
                        data-indicator={f.id}
                        onClick={() => open.byUnit?.(f.id)}
                      >
                        {pick(D.byUnit)}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Col>
    </Row>
  );
}
