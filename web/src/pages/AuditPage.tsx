/**
 * The audit trail (audit.read): who changed what, paged on the server through every
 * event, filtered by user, unit, action and day, exported as .xlsx. Each action by its
 * label; each change field by field with the field's label (the raw values stay in the
 * export and the hash chain).
 */
import { DownloadOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { App, Button, Card, Descriptions, Table, Typography } from "antd";
import { type AuditEvent, api, download, type QueryParams } from "../api.ts";
import { DataTable } from "../components/DataTable.tsx";
import { useUnitName, useUnitOptions } from "../data.ts";
import { formatTime } from "../format.ts";
import { useI18n } from "../i18n.ts";

type Change = AuditEvent["changes"][number];

/** Fields whose values are identifiers, Latin by design (login names). */
const IDENTIFIERS = new Set(["username"]);

function Detail({ e }: { e: AuditEvent }) {
  const { t, pick } = useI18n();
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      items={[
        {
          key: "changes",
          label: t("audit.changes"),
          children:
            e.changes.length === 0 ? (
              "—"
            ) : (
              <Table<Change>
                size="small"
                pagination={false}
                rowKey="field"
                dataSource={e.changes}
                data-testid="audit-changes"
                columns={[
                  { title: t("audit.field"), render: (_, c) => pick(c.label), width: 200 },
                  { title: t("audit.before"), render: (_, c) => pick(c.before ?? undefined, "—") },
                  {
                    title: t("audit.after"),
                    render: (_, c) => (
                      <span data-identifier={IDENTIFIERS.has(c.field) ? "" : undefined}>
                        {pick(c.after ?? undefined, "—")}
                      </span>
                    ),
                  },
                ]}
              />
            ),
        },
        {
          key: "chain",
          label: t("audit.chain"),
          children: (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              #{e.seq} {e.hash.slice(0, 16)}…
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}

function ExportButton({ filters }: { filters: QueryParams }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  return (
    <Button
      icon={<DownloadOutlined />}
      data-testid="audit-export"
      onClick={() =>
        void download("/api/audit/events/export.xlsx", filters, "审计记录.xlsx").catch((e: Error) =>
          message.error(e.message),
        )
      }
    >
      {t("common.exportXlsx")}
    </Button>
  );
}

export function AuditPage() {
  const { t, lang, pick } = useI18n();
  const unitName = useUnitName();
  const units = useUnitOptions("id");
  const actions = useQuery({
    queryKey: ["api", "/api/audit/actions"],
    queryFn: ({ signal }) =>
      api.get<{ value: string; label: { zh: string; en: string } }[]>(
        "/api/audit/actions",
        undefined,
        signal,
      ),
    staleTime: Number.POSITIVE_INFINITY,
  });
  return (
    <Card title={t("audit.title")}>
      <DataTable<AuditEvent>
        testId="audit-table"
        path="/api/audit/events"
        serverPaging
        rowKey={(e) => `${e.regionCode}:${e.chainKey}:${e.seq}`}
        filters={[
          { name: "actor", label: "audit.actor", width: 120 },
          { name: "unitId", label: "audit.unit", options: units, width: 220 },
          {
            name: "action",
            label: "audit.action",
            width: 280,
            options: (actions.data ?? []).map((a) => ({ value: a.value, label: pick(a.label) })),
          },
          { name: "from", label: "audit.from", date: true },
          { name: "to", label: "audit.to", date: true },
        ]}
        toolbar={(filters) => <ExportButton filters={filters} />}
        expandable={{ expandedRowRender: (e) => <Detail e={e} /> }}
        columns={[
          {
            title: t("audit.time"),
            dataIndex: "occurredAt",
            width: 170,
            render: (v: string) => formatTime(v, lang),
          },
          {
            title: t("audit.actor"),
            dataIndex: "actorName",
            render: (v: string | null, e) =>
              v
                ? `${v}${e.actorUnitId ? `（${unitName(e.actorUnitId)}）` : ""}`
                : t("audit.system"),
          },
          {
            title: t("audit.action"),
            dataIndex: "actionLabel",
            render: (l: AuditEvent["actionLabel"], e) => (
              <span title={e.action} data-action={e.action}>
                {pick(l)}
              </span>
            ),
          },
          {
            title: t("audit.summary"),
            key: "summary",
            render: (_, e) => (
              <>
                {e.changes.slice(0, 2).map((c, i) => (
                  <span key={c.field}>
                    {i > 0 ? "；" : ""}
                    {pick(c.label)}：
                    {/* a login name is Latin by design: marked as an identifier */}
                    <span data-identifier={IDENTIFIERS.has(c.field) ? "" : undefined}>
                      {pick(c.after ?? undefined, "—")}
                    </span>
                  </span>
                ))}
                {e.changes.length > 2 ? " …" : ""}
              </>
            ),
            ellipsis: true,
          },
          { title: t("audit.reason"), dataIndex: "reason", ellipsis: true },
        ]}
      />
    </Card>
  );
}
