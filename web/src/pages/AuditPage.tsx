/** The audit trail (audit.read): who changed what, before and after, hash-chained. */
import { Card, Descriptions, Typography } from "antd";
import type { AuditEvent } from "../api.ts";
import { DataTable } from "../components/DataTable.tsx";
import { formatTime } from "../format.ts";
import { useI18n } from "../i18n.ts";

const json = (v: unknown) => (v === null || v === undefined ? "" : JSON.stringify(v, null, 2));

function Detail({ e }: { e: AuditEvent }) {
  const { t } = useI18n();
  const pre = (v: unknown) => (
    <pre style={{ margin: 0, fontSize: 12, whiteSpace: "pre-wrap" }}>{json(v) || "—"}</pre>
  );
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      items={[
        { key: "before", label: t("audit.before"), children: pre(e.before) },
        { key: "after", label: t("audit.after"), children: pre(e.after) },
        {
          key: "chain",
          label: t("audit.chain"),
          children: (
            <Typography.Text code style={{ fontSize: 12 }}>
              {e.chainKey} #{e.seq} {e.hash}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}

export function AuditPage() {
  const { t, lang } = useI18n();
  return (
    <Card title={t("audit.title")}>
      <DataTable<AuditEvent>
        testId="audit-table"
        path="/api/audit/events"
        params={{ limit: 200 }}
        rowKey={(e) => `${e.regionCode}:${e.chainKey}:${e.seq}`}
        filters={[
          { name: "entityType", label: "audit.entityType" },
          { name: "entityId", label: "audit.entityId", width: 120 },
          { name: "action", label: "audit.action" },
        ]}
        expandable={{ expandedRowRender: (e) => <Detail e={e} /> }}
        columns={[
          {
            title: t("audit.time"),
            dataIndex: "occurredAt",
            render: (v: string) => formatTime(v, lang),
          },
          {
            title: t("audit.actor"),
            dataIndex: "actorName",
            render: (v: string | null) => v ?? t("audit.system"),
          },
          { title: t("audit.action"), dataIndex: "action" },
          { title: t("audit.entityType"), dataIndex: "entityType" },
          { title: t("audit.entityId"), dataIndex: "entityId" },
          { title: t("audit.reason"), dataIndex: "reason" },
        ]}
      />
    </Card>
  );
}
