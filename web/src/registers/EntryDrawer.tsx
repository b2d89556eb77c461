/**
 * One entry in a drawer: every column, and its history from the audit trail
 * (GET …/entries/:id/versions): who changed what, when, with the before and after.
 */
import { useQuery } from "@tanstack/react-query";
import { Descriptions, Drawer, Space, Table, Tag, Typography } from "antd";
import { api } from "../api.ts";
import { ErrorAlert } from "../components/ErrorDisplay.tsx";
import { useUnitName, useUnitNameByCode } from "../data.ts";
import { formatTime } from "../format.ts";
import { useI18n } from "../i18n.ts";
import { cellText } from "./columns.ts";
import type { Entry, EntryVersion, RegisterInfo } from "./types.ts";

export function EntryDrawer({
  reg,
  entryId,
  onClose,
}: {
  reg: RegisterInfo;
  entryId: number | null;
  onClose: () => void;
}) {
  const { t, pick, lang } = useI18n();
  const unitName = useUnitName();
  const base = `/api/registers/${encodeURIComponent(reg.code)}/entries/${entryId}`;
  const entry = useQuery({
    queryKey: ["api", base],
    queryFn: ({ signal }) => api.get<Entry>(base, undefined, signal),
    enabled: entryId !== null,
  });
  const versions = useQuery({
    queryKey: ["api", `${base}/versions`],
    queryFn: ({ signal }) => api.get<EntryVersion[]>(`${base}/versions`, undefined, signal),
    enabled: entryId !== null,
  });
  const yesNo: [string, string] = [t("common.yes"), t("common.no")];
  const unitByCode = useUnitNameByCode();
  const label = (field: string) => {
    const c = reg.columns.find((x) => x.field === field);
    return c ? pick(c.label) : field;
  };
  const show = (field: string, v: unknown) => {
    const c = reg.columns.find((x) => x.field === field);
    return c ? cellText(c, v, lang, yesNo, unitByCode) : JSON.stringify(v);
  };

  return (
    <Drawer
      open={entryId !== null}
      onClose={onClose}
      size={720}
      title={entry.data?.title ?? t("common.loading")}
      data-testid="entry-drawer"
    >
      {entry.isError ? <ErrorAlert error={entry.error} /> : null}
      {entry.data ? (
        <Descriptions
          size="small"
          column={1}
          bordered
          style={{ marginBottom: 24 }}
          items={[
            ...reg.columns.map((c) => ({
              key: c.field,
              label: pick(c.label),
              children: cellText(c, entry.data.data[c.field], lang, yesNo, unitByCode),
            })),
            { key: "_unit", label: t("reg.unit"), children: unitName(entry.data.unitId) },
            { key: "_version", label: t("reg.version"), children: entry.data.version },
          ]}
        />
      ) : null}
      <Typography.Title level={5}>{t("reg.versions")}</Typography.Title>
      {versions.isError ? <ErrorAlert error={versions.error} /> : null}
      <Table<EntryVersion>
        size="small"
        data-testid="entry-versions"
        loading={versions.isFetching}
        dataSource={versions.data ?? []}
        rowKey="seq"
        pagination={false}
        expandable={{
          rowExpandable: (v) => v.changed.length > 0,
          expandedRowRender: (v) => (
            <Descriptions
              size="small"
              column={1}
              bordered
              items={v.changed.map((f) => ({
                key: f,
                label: label(f),
                children: (
                  <Space orientation="vertical" size={0}>
                    <Typography.Text delete type="secondary">
                      {show(f, v.before?.[f])}
                    </Typography.Text>
                    <Typography.Text>{show(f, v.after?.[f])}</Typography.Text>
                  </Space>
                ),
              }))}
            />
          ),
        }}
        columns={[
          { title: t("reg.version"), dataIndex: "version", render: (n: number | null) => n ?? "—" },
          { title: t("audit.time"), dataIndex: "at", render: (v: string) => formatTime(v, lang) },
          {
            title: t("audit.actor"),
            key: "actor",
            render: (_, v) => v.actor.name ?? t("audit.system"),
          },
          { title: t("audit.action"), dataIndex: "action" },
          {
            title: t("reg.changed"),
            key: "changed",
            render: (_, v) => v.changed.map((f) => <Tag key={f}>{label(f)}</Tag>),
          },
          { title: t("audit.reason"), dataIndex: "reason" },
        ]}
      />
    </Drawer>
  );
}
