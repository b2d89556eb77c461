/** The city's home: one figure at a time, the city's own records and each district's side by side. */
import { Button, Col, Row, Select, Table, Typography } from "antd";
import { useMemo, useState } from "react";
import { type ChartOption, EChart } from "../components/EChart.tsx";
import { useI18n } from "../i18n.ts";
import {
  type Dashboard,
  type DashboardDistricts,
  type DashboardFigure,
  formatValue,
} from "../indicators/types.ts";
import type { Opener } from "./DashboardCard.tsx";
import { D } from "./dashboard-text.ts";

interface RegionRow {
  code: string;
  name: string;
  value: number | null;
}

export function DistrictsPane({
  dashboard,
  districts,
  open,
}: {
  dashboard: Dashboard;
  districts: DashboardDistricts;
  open: Opener;
}) {
  const { pick } = useI18n();
  const figures = dashboard.areas.flatMap((a) => a.figures);
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const fig: DashboardFigure | undefined =
    figures.find((f) => f.id === chosen) ?? figures.find((f) => f.id in districts.values);
  const values = fig ? districts.values[fig.id] : undefined;
  const rows: RegionRow[] = districts.regions.map((r, i) => ({
    code: r.code,
    name: i === 0 ? `${pick(r.name)}${pick(D.cityOwn)}` : pick(r.name),
    value: values?.[i] ?? null,
  }));
  const ranked = useMemo(
    () => rows.filter((r) => r.value !== null && r.value !== 0).sort((a, b) => b.value! - a.value!),
    [rows],
  );
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      xAxis: { type: "value", name: fig ? pick(fig.unit) : "" },
      yAxis: { type: "category", inverse: true, data: ranked.map((r) => r.name) },
      series: [
        {
          type: "bar",
          data: ranked.map((r) => r.value),
          itemStyle: { color: "#a61d24" },
          label: { show: true, position: "right" },
          barMaxWidth: 18,
        },
      ],
    }),
    [ranked, fig, pick],
  );
  return (
    <Row gutter={[16, 16]} data-testid="dashboard-districts">
      <Col xs={24}>
        <Select
          showSearch={{ optionFilterProp: "label" }}
          style={{ width: "100%", maxWidth: 420 }}
          value={fig?.id}
          onChange={setChosen}
          aria-label={pick(D.chooseIndicator)}
          data-testid="dashboard-districts-indicator"
          options={figures.map((f) => ({
            value: f.id,
            label: pick(f.label),
            disabled: !(f.id in districts.values),
          }))}
        />
        {fig && !(fig.id in districts.values) ? (
          <Typography.Paragraph type="secondary">
            {pick(districts.notGroupable[fig.id])}
          </Typography.Paragraph>
        ) : null}
      </Col>
      <Col xs={24} xl={10}>
        {ranked.length > 0 ? (
          <EChart
            option={option}
            testId="dashboard-districts-echart"
            style={{ height: Math.max(160, ranked.length * 32 + 40) }}
          />
        ) : (
          <Typography.Text type="secondary">{pick(D.noFigures)}</Typography.Text>
        )}
      </Col>
      <Col xs={24} xl={14}>
        <Table<RegionRow>
          size="small"
          rowKey="code"
          dataSource={rows}
          data-testid="dashboard-districts-table"
          scroll={{ x: true }}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          columns={[
            { title: pick(D.region), dataIndex: "name" },
            {
              title: fig ? `${pick(fig.label)}（${pick(fig.unit)}）` : "",
              key: "value",
              align: "right",
              sorter: (a, b) =>
                (a.value ?? Number.NEGATIVE_INFINITY) - (b.value ?? Number.NEGATIVE_INFINITY),
              defaultSortOrder: "descend",
              render: (_, r) =>
                // The city's own records: not drilled here (the city's drill-down counts its districts too).
                fig && r.code === districts.regions[0]?.code ? (
                  formatValue(r.value, fig.decimals)
                ) : fig ? (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => open.drill(fig.id, { region: r.code })}
                  >
                    {formatValue(r.value, fig.decimals)}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Col>
    </Row>
  );
}
