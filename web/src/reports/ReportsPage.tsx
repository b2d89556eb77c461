/** 年度报告: the reports I may see, the published ones, and (a city) the districts' roll-up. */
import { useQuery } from "@tanstack/react-query";
import { Card, Space, Table, Tag, Typography } from "antd";
import { Link } from "react-router";
import { api } from "../api.ts";
import { ErrorAlert } from "../components/ErrorDisplay.tsx";
import { useI18n } from "../i18n.ts";
import { useSession } from "../session.tsx";
import { type ReportList, type RollUp, STATE_LABELS } from "./types.ts";

export function ReportsPage() {
  const { pick } = useI18n();
  const { can } = useSession();
  const list = useQuery({
    queryKey: ["reports"],
    queryFn: () => api.get<ReportList>("/api/reports"),
  });
  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <Typography.Title level={3}>
        {pick({ zh: "法治政府建设年度报告", en: "Annual reports" })}
      </Typography.Title>
      {list.error && <ErrorAlert error={list.error} />}
      <Card title={pick({ zh: "报告", en: "Reports" })}>
        <Table
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.reports ?? []}
          pagination={false}
          columns={[
            { title: pick({ zh: "年度", en: "Year" }), dataIndex: "year" },
            { title: pick({ zh: "地区", en: "Region" }), dataIndex: "region" },
            {
              title: pick({ zh: "标题", en: "Title" }),
              render: (_, r) => <Link to={`/reports/${r.id}`}>{r.title}</Link>,
            },
            {
              title: pick({ zh: "状态", en: "State" }),
              render: (_, r) => <Tag>{pick(STATE_LABELS[r.state], r.state)}</Tag>,
            },
          ]}
        />
      </Card>
      <Card title={pick({ zh: "已发布的报告", en: "Published" })}>
        <Table
          rowKey={(p) => `${p.region}-${p.id}`}
          dataSource={list.data?.publications ?? []}
          pagination={false}
          columns={[
            { title: pick({ zh: "年度", en: "Year" }), dataIndex: "year" },
            { title: pick({ zh: "地区", en: "Region" }), dataIndex: "region" },
            {
              title: pick({ zh: "标题", en: "Title" }),
              render: (_, p) => (
                <Link to={`/reports/published/${p.region}/${p.id}`}>
                  {p.title.replace(/\n/g, "")}
                </Link>
              ),
            },
            { title: pick({ zh: "公开日期", en: "Published on" }), dataIndex: "publishedOn" },
          ]}
        />
      </Card>
      {can(["region.oversee"]) && <RollUpCard />}
    </Space>
  );
}

function RollUpCard() {
  const { pick } = useI18n();
  const q = useQuery({
    queryKey: ["reports", "rollup"],
    queryFn: () => api.get<RollUp>("/api/reports/rollup"),
  });
  if (q.error) return <ErrorAlert error={q.error} />;
  const r = q.data;
  if (r && r.columns.length < 2) return null; // a district: nothing to roll up
  return (
    <Card
      title={pick({
        zh: `各区县指标对比（${r?.year ?? ""}年）`,
        en: `Districts side by side (${r?.year ?? ""})`,
      })}
    >
      <Table
        rowKey="id"
        size="small"
        loading={q.isLoading}
        scroll={{ x: true }}
        dataSource={r?.indicators ?? []}
        pagination={false}
        columns={[
          { title: pick({ zh: "指标", en: "Indicator" }), render: (_, i) => pick(i.label) },
          { title: pick({ zh: "单位", en: "Unit" }), render: (_, i) => pick(i.unit) },
          ...(r?.columns ?? []).map((c) => ({
            title: c.name,
            key: c.region,
            render: (_: unknown, i: { id: string }) => c.values[i.id] ?? "—",
          })),
        ]}
      />
    </Card>
  );
}
