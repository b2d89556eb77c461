/** The security log (security_log.read): logins, lockouts, denials, account changes. */
import { DownloadOutlined } from "@ant-design/icons";
import { App, Button, Card, Tag, Typography } from "antd";
import { download, type SecurityEvent } from "../api.ts";
import { DataTable } from "../components/DataTable.tsx";
import { useLabels, useRoleLabel } from "../data.ts";
import { formatTime } from "../format.ts";
import { useI18n } from "../i18n.ts";
import { securityDetailText } from "./security-detail.ts";

const ALERT_KINDS = new Set([
  "login_failed",
  "account_locked",
  "login_refused_locked",
  "access_denied",
  "csrf_rejected",
]);

export function SecurityLogPage() {
  const { t, lang, pick } = useI18n();
  const labels = useLabels();
  const kinds = labels.data?.securityEvents ?? {};
  const roleLabel = useRoleLabel();
  const { message } = App.useApp();

  return (
    <Card title={t("security.title")}>
      <DataTable<SecurityEvent>
        testId="security-table"
        path="/api/security-events"
        serverPaging
        rowKey="id"
        filters={[
          {
            name: "kind",
            label: "security.kind",
            width: 200,
            options: Object.entries(kinds).map(([code, l]) => ({ value: code, label: pick(l) })),
          },
          { name: "username", label: "security.username", width: 140 },
          { name: "from", label: "security.from", date: true },
          { name: "to", label: "security.to", date: true },
        ]}
        toolbar={(filters) => (
          <Button
            icon={<DownloadOutlined />}
            data-testid="security-export"
            onClick={() =>
              void download("/api/security-events/export.xlsx", filters, "安全日志.xlsx").catch(
                (e: Error) => message.error(e.message),
              )
            }
          >
            {t("common.exportXlsx")}
          </Button>
        )}
        columns={[
          {
            title: t("security.time"),
            dataIndex: "occurredAt",
            render: (v: string) => formatTime(v, lang),
          },
          {
            title: t("security.kind"),
            dataIndex: "kind",
            render: (k: string) => (
              <Tag color={ALERT_KINDS.has(k) ? "red" : "default"} data-kind={k}>
                {pick(kinds[k], k)}
              </Tag>
            ),
          },
          {
            title: t("security.username"),
            dataIndex: "username",
            // a login name is Latin by design: an identifier, not a word to translate
            render: (v: string | null) => <span data-identifier>{v}</span>,
          },
          { title: t("security.ip"), dataIndex: "ip" },
          {
            title: t("security.detail"),
            dataIndex: "detail",
            render: (d: unknown) => (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {securityDetailText(
                  d,
                  lang,
                  (r) => roleLabel(r),
                  (v) => formatTime(v, lang),
                )}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}
