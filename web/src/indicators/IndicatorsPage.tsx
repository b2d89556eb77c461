/**
 * 指标: the declared figures for a region and a year (GET /api/indicators/values), with
 * definitions, a chart of the figures of one unit, and the records behind each figure.
 */
import { InfoCircleOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Col, Row, Select, Space, Table, Tooltip, Typography } from "antd";
import { useEffect, useState } from "react";
import { api, type Region } from "../api.ts";
import { ErrorAlert } from "../components/ErrorDisplay.tsx";
import { useModuleLabel } from "../engines.ts";
import { useI18n } from "../i18n.ts";
import { useActor } from "../session.tsx";
import { DrillDrawer } from "./DrillDrawer.tsx";
import { IndicatorChart } from "./IndicatorChart.tsx";
import { useLastYearWithData, YEARS_BACK } from "./lastYear.ts";
import {
  formatValue,
  type IndicatorInfo,
  type IndicatorScope,
  type IndicatorValue,
} from "./types.ts";

export function IndicatorsPage() {
  const { t, pick, lang } = useI18n();
  const actor = useActor();
  const moduleLabel = useModuleLabel();
  const thisYear = new Date().getFullYear();
  const [region, setRegion] = useState(actor.user.regionCode);
  const [year, setYear] = useState(thisYear);
  // Open on the last year with data (the region's), and say so; the user's choice after.
  const last = useLastYearWithData(region);
  const [chosen, setChosen] = useState(false);
  useEffect(() => {
    if (!chosen && last.data) setYear(last.data.year);
  }, [chosen, last.data]);
  const [drill, setDrill] = useState<string | null>(null);

  const regions = useQuery({
    queryKey: ["api", "/api/regions"],
    queryFn: ({ signal }) => api.get<Region[]>("/api/regions", undefined, signal),
    staleTime: 5 * 60_000,
  });
  const declared = useQuery({
    queryKey: ["api", "/api/indicators"],
    queryFn: ({ signal }) =>
      api.get<{ scopeNote: { zh: string; en: string }; indicators: IndicatorInfo[] }>(
        "/api/indicators",
        undefined,
        signal,
      ),
    staleTime: 5 * 60_000,
  });
  const params = { region, year };
  const values = useQuery({
    queryKey: ["api", "/api/indicators/values", params],
    queryFn: ({ signal }) =>
      api.get<IndicatorScope & { values: IndicatorValue[] }>(
        "/api/indicators/values",
        params,
        signal,
      ),
    placeholderData: keepPreviousData,
  });
  const moduleOf = (id: string) => declared.data?.indicators.find((i) => i.id === id)?.module;
  const rows = values.data?.values ?? [];

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Card
        title={t("ind.title")}
        data-testid="indicators-page"
        extra={
          <Space wrap>
            <Select
              style={{ width: 200 }}
              value={region}
              onChange={setRegion}
              loading={regions.isPending}
              data-testid="ind-region"
              aria-label={t("ind.region")}
              options={(regions.data ?? []).map((r) => ({
                value: r.code,
                label: lang === "zh" ? r.nameZh : r.nameEn || r.nameZh,
              }))}
            />
            <Select
              style={{ width: 110 }}
              value={year}
              onChange={(y) => {
                setChosen(true);
                setYear(y);
              }}
              data-testid="ind-year"
              aria-label={t("ind.year")}
              options={Array.from({ length: YEARS_BACK }, (_, i) => thisYear - i).map((y) => ({
                value: y,
                label: t("ind.yearN", { y }),
              }))}
            />
          </Space>
        }
      >
        {last.data && year === last.data.year && last.data.year !== thisYear ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="ind-last-year"
            title={t("ind.lastYearWithData", { year: last.data.year })}
          />
        ) : null}
        {values.data ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t("ind.periodRange", { from: values.data.from, to: values.data.to })}
            description={pick(values.data.scopeNote)}
          />
        ) : null}
        {values.isError ? <ErrorAlert error={values.error} /> : null}
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Table<IndicatorValue>
              size="middle"
              data-testid="indicators-table"
              loading={values.isFetching}
              dataSource={rows}
              rowKey="id"
              pagination={false}
              locale={{ emptyText: t("ind.empty") }}
              columns={[
                {
                  title: t("ind.indicator"),
                  key: "label",
                  render: (_, v) => (
                    <Tooltip title={pick(v.definition)}>
                      <span data-indicator={v.id}>
                        {pick(v.label)}{" "}
                        <InfoCircleOutlined
                          style={{ color: "#8c8c8c" }}
                          aria-label={t("ind.definition")}
                        />
                      </span>
                    </Tooltip>
                  ),
                },
                {
                  title: t("ind.module"),
                  key: "module",
                  render: (_, v) => {
                    const m = moduleOf(v.id);
                    return m ? moduleLabel(m) : "";
                  },
                },
                {
                  title: t("ind.value"),
                  key: "value",
                  align: "right",
                  render: (_, v) => (
                    <Typography.Text strong>{formatValue(v.value, v.decimals)}</Typography.Text>
                  ),
                },
                { title: t("ind.unit"), key: "unit", render: (_, v) => pick(v.unit) },
                {
                  title: t("common.actions"),
                  key: "drill",
                  render: (_, v) => (
                    <Button type="link" size="small" onClick={() => setDrill(v.id)}>
                      {t("ind.drill")}
                    </Button>
                  ),
                },
              ]}
            />
          </Col>
          <Col xs={24} xl={10}>
            <IndicatorChart values={rows} />
          </Col>
        </Row>
      </Card>
      <DrillDrawer id={drill} scope={params} onClose={() => setDrill(null)} />
    </Space>
  );
}
