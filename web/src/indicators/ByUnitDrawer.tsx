/**
 * One figure per unit of the scope (GET /api/indicators/:id/by-unit): which unit is late,
 * which publishes on time. Sortable, exportable as .xlsx; every unit's figure opens the
 * records behind it (the drill-down with that unit).
 */
import { DownloadOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Alert, App, Button, Drawer, Space, Table, Typography } from "antd";
import { useState } from "react";
import { api, download } from "../api.ts";
import { ErrorAlert } from "../components/ErrorDisplay.tsx";
import { useI18n } from "../i18n.ts";
import { D, fill } from "../work/dashboard-text.ts";
import { DrillDrawer } from "./DrillDrawer.tsx";
import { type ByUnitAnswer, type ByUnitRow, formatValue } from "./types.ts";

export interface FigureScope {
  region?: string;
  year?: number;
  unitId?: number;
}

const byValue = (a: ByUnitRow, b: ByUnitRow) =>
  (a.value ?? Number.NEGATIVE_INFINITY) - (b.value ?? Number.NEGATIVE_INFINITY);

export function ByUnitDrawer({
  id,
  scope,
  onClose,
}: {
  id: string | null;
  scope: FigureScope;
  onClose: () => void;
}) {
  const { pick } = useI18n();
  const { message } = App.useApp();
  const [drillUnit, setDrillUnit] = useState<number | null>(null);
  const path = `/api/indicators/${encodeURIComponent(id ?? "")}/by-unit`;
  const params = { ...scope };
  const query = useQuery({
    queryKey: ["api", path, params],
    queryFn: ({ signal }) => api.get<ByUnitAnswer>(path, params, signal),
    enabled: id !== null,
  });
  const d = query.data;
  const parts =
    d?.kind === "ratio"
      ? [pick(D.numerator), pick(D.denominator)]
      : d?.kind === "change"
        ? [pick(D.thisYear), pick(D.lastYear)]
        : null;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={760}
      title={d ? fill(pick(D.byUnitTitle), { label: pick(d.label) }) : pick(D.byUnit)}
      data-testid="by-unit-drawer"
      extra={
        d?.groupable ? (
          <Button
            icon={<DownloadOutlined />}
            data-testid="by-unit-export"
            onClick={() =>
              void download(`${path}.xlsx`, params, "分单位统计.xlsx").catch((e: Error) =>
                message.error(e.message),
              )
            }
          >
            {pick({ zh: "导出 Excel", en: "Export (.xlsx)" })}
          </Button>
        ) : null
      }
    >
      {query.isError ? <ErrorAlert error={query.error} /> : null}
      {d && !d.groupable ? (
        <Alert
          type="info"
          showIcon
          title={pick(D.notGroupable)}
          description={pick(d.reason ?? undefined)}
        />
      ) : null}
      {d ? (
        <Typography.Paragraph type="secondary">
          {pick(d.definition)} · {d.from} — {d.to}
        </Typography.Paragraph>
      ) : null}
      {d?.groupable !== false ? (
        <Table<ByUnitRow>
          size="small"
          data-testid="by-unit-table"
          loading={query.isFetching}
          dataSource={d?.rows ?? []}
          rowKey="unitId"
          scroll={{ x: true }}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          columns={[
            { title: pick(D.rank), key: "rank", width: 56, render: (_, __, i) => i + 1 },
            {
              title: pick(D.unitName),
              dataIndex: "unitName",
              sorter: (a, b) => a.unitName.localeCompare(b.unitName, "zh"),
            },
            {
              title: pick(D.region),
              dataIndex: "regionName",
              sorter: (a, b) => a.regionCode.localeCompare(b.regionCode),
            },
            {
              title: d ? `${pick(d.label)}（${pick(d.unit)}）` : "",
              key: "value",
              align: "right",
              sorter: byValue,
              defaultSortOrder: "descend",
              render: (_, r) => (
                <Button
                  type="link"
                  size="small"
                  data-testid="by-unit-value"
                  onClick={() => setDrillUnit(r.unitId)}
                >
                  {formatValue(r.value, d?.decimals ?? 0)}
                </Button>
              ),
            },
            ...(parts
              ? parts.map((title, i) => ({
                  title,
                  key: `part${i}`,
                  align: "right" as const,
                  render: (_: unknown, r: ByUnitRow) =>
                    formatValue(i === 0 ? r.numerator : r.denominator, 0),
                }))
              : []),
          ]}
        />
      ) : null}
      <Space />
      <DrillDrawer
        id={drillUnit !== null ? id : null}
        scope={{ ...scope, unitId: drillUnit ?? undefined }}
        onClose={() => setDrillUnit(null)}
      />
    </Drawer>
  );
}
