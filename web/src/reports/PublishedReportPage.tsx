/** A published report as frozen, with the check of which figures would differ today. */
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Space, Table, Typography } from "antd";
import { useState } from "react";
import { useParams } from "react-router";
import { api } from "../api.ts";
import { ErrorAlert } from "../components/ErrorDisplay.tsx";
import { useI18n } from "../i18n.ts";
import { headingNumbers, type Publication, type PublicationCheck } from "./types.ts";

export function PublishedReportPage() {
  const { region, id } = useParams();
  const { pick } = useI18n();
  const [checking, setChecking] = useState(false);
  const base = `/api/reports/published/${region}/${id}`;
  const q = useQuery({
    queryKey: ["publication", region, id],
    queryFn: () => api.get<Publication>(base),
  });
  const check = useQuery({
    queryKey: ["publication", region, id, "check"],
    queryFn: () => api.get<PublicationCheck>(`${base}/check`),
    enabled: checking,
  });
  if (q.error) return <ErrorAlert error={q.error} />;
  const p = q.data;
  if (!p) return <Card loading />;
  const numbers = headingNumbers(p.paragraphs);
  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <Typography.Title level={3}>{p.title.replace(/\n/g, "")}</Typography.Title>
      <Typography.Text type="secondary">
        {pick({
          zh: `${p.publishedOn}发布 · 数字指纹（SM3）`,
          en: `Published ${p.publishedOn} · SM3`,
        })}{" "}
        <code>{p.fingerprint}</code>
      </Typography.Text>
      <Space wrap>
        <a href={`${base}/report.docx`}>
          {pick({ zh: "下载公文（报送版）", en: "Download (.docx)" })}
        </a>
        <a href={`${base}/report.docx?version=public`}>
          {pick({ zh: "下载公文（公开版）", en: "Public version" })}
        </a>
        <Button
          onClick={() => (checking ? check.refetch() : setChecking(true))}
          loading={check.isFetching}
        >
          {pick({ zh: "与当前数据核对", en: "Compare with today's data" })}
        </Button>
      </Space>
      <ErrorAlert error={check.error} />
      {check.data &&
        (check.data.unchanged ? (
          <Alert
            type="success"
            message={pick({ zh: "当前数据与发布时一致", en: "Today's data give the same figures" })}
          />
        ) : (
          <Card
            title={pick({
              zh: "按当前数据将有变化的数字（已发布的报告不变）",
              en: "Would differ today (the publication is unchanged)",
            })}
          >
            <Table
              rowKey="key"
              size="small"
              pagination={false}
              dataSource={check.data.differences}
              columns={[
                { title: pick({ zh: "指标", en: "Indicator" }), render: (_, d) => pick(d.label) },
                {
                  title: pick({ zh: "发布时", en: "Published" }),
                  render: (_, d) => d.published.text,
                },
                { title: pick({ zh: "当前", en: "Today" }), render: (_, d) => d.today.text },
                { title: pick({ zh: "新增记录", en: "Records added" }), dataIndex: "recordsAdded" },
                {
                  title: pick({ zh: "减少记录", en: "Records removed" }),
                  dataIndex: "recordsRemoved",
                },
              ]}
            />
          </Card>
        ))}
      <Card>
        <article style={{ maxWidth: 760, fontSize: 16, lineHeight: 1.9 }}>
          {p.paragraphs
            .map((b, n) => ({ ...b, id: n }))
            .map((b) =>
              b.kind === "heading" ? (
                <Typography.Title key={b.id} level={b.level === 1 ? 4 : 5}>
                  {numbers[b.id]}
                  {b.text}
                </Typography.Title>
              ) : (
                <p key={b.id} style={{ textIndent: "2em" }}>
                  {b.text}
                </p>
              ),
            )}
        </article>
      </Card>
    </Space>
  );
}
