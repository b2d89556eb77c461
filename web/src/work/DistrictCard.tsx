/**
 * The rule-of-law office's district view on its home page: time limits overdue and due
 * soon by unit (GET /api/work's `byUnit`), and the indicators of the last year with data
 * against the year before (the indicator engine; publication on time among them).
 */
import { useQuery } from "@tanstack/react-query";
import { Card, Col, Empty, Row, Table, Typography } from "antd";
import { Link } from "react-router";
import { api } from "../api.ts";
import { useUnitName } from "../data.ts";
import { useI18n } from "../i18n.ts";
import { useLastYearWithData } from "../indicators/lastYear.ts";
import { formatValue, type IndicatorScope, type IndicatorValue } from "../indicators/types.ts";
import { useActor } from "../session.tsx";
import { useWork } from "./WorkQueueCard.tsx";

type Values = IndicatorScope & { values: IndicatorValue[] };

export function DistrictCard() {
  const { t, pick } = useI18n();
  const actor = useActor();
  const unitName = useUnitName();
  const work = useWork();
  const region = actor.user.regionCode;
  const last = useLastYearWithData(region);
  const year = last.data?.year;
  const before = useQuery({
    queryKey: ["api", "/api/indicators/values", { region, year: (year ?? 0) - 1 }],
    queryFn: ({ signal }) =>
      api.get<Values>("/api/indicators/values", { region, year: (year ?? 0) - 1 }, signal),
    enabled: year !== undefined,
  });
  // Publication on time first (what the office is asked about), then in declared order.
  const first = (id: string) => (id.includes("publication_on_time") ? 0 : 1);
  const rows = (last.data?.values?.values ?? [])
    .map((v) => ({
      ...v,
      before: before.data?.values.find((b) => b.id === v.id)?.value ?? null,
    }))
    .sort((a, b) => first(a.id) - first(b.id));
  const byUnit = work.data?.byUnit ?? [];
  return (
    <Card title={t("district.title")} data-testid="district-card">
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Typography.Title level={5}>{t("district.byUnit")}</Typography.Title>
          {byUnit.length === 0 && !work.isPending ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("district.noWarnings")} />
          ) : (
            <Table
              size="small"
              loading={work.isPending}
              rowKey="unitId"
              dataSource={byUnit}
              pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
              data-testid="district-by-unit"
              columns={[
                {
                  title: t("district.unit"),
                  key: "unit",
                  render: (_, u) => <Link to="/warnings">{unitName(u.unitId)}</Link>,
                },
                {
                  title: t("deadline.warning.overdue"),
                  dataIndex: "overdue",
                  align: "right",
                  render: (n: number) => (
                    <Typography.Text type={n > 0 ? "danger" : undefined} strong={n > 0}>
                      {n}
                    </Typography.Text>
                  ),
                },
                { title: t("deadline.warning.due_soon"), dataIndex: "dueSoon", align: "right" },
              ]}
            />
          )}
        </Col>
        <Col xs={24} xl={14}>
          <Typography.Title level={5}>
            {year ? t("district.indicators", { year }) : t("ind.title")}
          </Typography.Title>
          <Table
            size="small"
            loading={last.isPending || before.isPending}
            rowKey="id"
            dataSource={rows}
            pagination={{ pageSize: 8, hideOnSinglePage: true, showSizeChanger: false }}
            data-testid="district-indicators"
            columns={[
              { title: t("district.indicator"), key: "label", render: (_, v) => pick(v.label) },
              {
                title: year ? t("ind.yearN", { y: year }) : "",
                key: "value",
                align: "right",
                render: (_, v) => (
                  <Typography.Text strong>{formatValue(v.value, v.decimals)}</Typography.Text>
                ),
              },
              {
                title: year ? t("ind.yearN", { y: year - 1 }) : "",
                key: "before",
                align: "right",
                render: (_, v) => formatValue(v.before, v.decimals),
              },
              {
                title: t("district.change"),
                key: "change",
                align: "right",
                render: (_, v) =>
                  v.value === null || v.before === null
                    ? "—"
                    : `${v.value - v.before >= 0 ? "+" : ""}${formatValue(v.value - v.before, v.decimals)}`,
              },
              { title: t("ind.unit"), key: "unit", render: (_, v) => pick(v.unit) },
            ]}
          />
        </Col>
      </Row>
    </Card>
  );
}
