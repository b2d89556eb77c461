/**
 * A published list's versions (a register declaring `versions`): the versions with their
 * document numbers and dates, publishing a new one (the register's entries now, frozen),
 * and the change list between two versions or from a version to the entries now
 * (GET …/versions, POST …/versions, GET …/versions/:id/diff).
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  App,
  Button,
  DatePicker,
  Drawer,
  Empty,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { api } from "../api.ts";
import { ErrorAlert } from "../components/ErrorDisplay.tsx";
import { useUnitNameByCode } from "../data.ts";
import { useI18n } from "../i18n.ts";
import type { ListVersion, ListVersionDiff, SnapshotEntry } from "../wire.ts";
import { cellText } from "./columns.ts";
import type { RegisterInfo } from "./types.ts";

function PublishModal({
  reg,
  open,
  onClose,
  onPublished,
}: {
  reg: RegisterInfo;
  open: boolean;
  onClose: () => void;
  onPublished: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ number: string; publishedOn: Dayjs; inForceFrom: Dayjs }>();
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    try {
      await api.post(`/api/registers/${encodeURIComponent(reg.code)}/versions`, {
        number: v.number.trim(),
        publishedOn: v.publishedOn.format("YYYY-MM-DD"),
        inForceFrom: v.inForceFrom.format("YYYY-MM-DD"),
      });
      message.success(t("ver.published"));
      onClose();
      onPublished();
    } catch (e) {
      setError(e);
    }
  };
  const required = [{ required: true, message: t("ver.required") }];
  return (
    <Modal
      open={open}
      title={t("ver.publish")}
      okText={t("ver.publish")}
      okButtonProps={{ "data-testid": "version-publish-submit" }}
      cancelText={t("common.cancel")}
      onOk={submit}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t("ver.publishHint")}</Typography.Paragraph>
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="number" label={t("ver.number")} rules={required}>
          <Input placeholder={t("ver.numberExample")} data-testid="version-number" />
        </Form.Item>
        <Form.Item name="publishedOn" label={t("ver.publishedOn")} rules={required}>
          <DatePicker data-testid="version-published-on" />
        </Form.Item>
        <Form.Item name="inForceFrom" label={t("ver.inForceFrom")} rules={required}>
          <DatePicker data-testid="version-in-force-from" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function DiffView({ reg, diff }: { reg: RegisterInfo; diff: ListVersionDiff }) {
  const { t, pick, lang } = useI18n();
  const unitByCode = useUnitNameByCode();
  const yesNo: [string, string] = [t("common.yes"), t("common.no")];
  const show = (field: string, v: unknown) => {
    const c = reg.columns.find((x) => x.field === field);
    return c ? cellText(c, v, lang, yesNo, unitByCode) : "";
  };
  const entries = (title: string, rows: SnapshotEntry[], color: string, testId: string) => (
    <div data-testid={testId}>
      <Typography.Title level={5}>
        {title} <Tag color={color}>{rows.length}</Tag>
      </Typography.Title>
      {rows.length === 0 ? null : (
        <ul>
          {rows.map((e) => (
            <li key={e.id}>{e.title}</li>
          ))}
        </ul>
      )}
    </div>
  );
  return (
    <div data-testid="version-diff">
      {entries(t("ver.added"), diff.added, "green", "diff-added")}
      {entries(t("ver.removed"), diff.removed, "red", "diff-removed")}
      <div data-testid="diff-changed">
        <Typography.Title level={5}>
          {t("ver.changed")} <Tag color="orange">{diff.changed.length}</Tag>
        </Typography.Title>
        {diff.changed.length === 0 ? null : (
          <Table
            size="small"
            rowKey={(r) => `${r.id}:${r.field}`}
            pagination={false}
            dataSource={diff.changed.flatMap((c) =>
              c.fields.map((f) => ({ id: c.id, title: c.title, ...f })),
            )}
            columns={[
              { title: t("ver.entry"), dataIndex: "title", key: "title" },
              {
                title: t("reg.field"),
                key: "field",
                render: (_: unknown, r) => pick(r.label),
              },
              {
                title: t("ver.before"),
                key: "before",
                render: (_: unknown, r) => show(r.field, r.before),
              },
              {
                title: t("ver.after"),
                key: "after",
                render: (_: unknown, r) => show(r.field, r.after),
              },
            ]}
          />
        )}
      </div>
      <Typography.Text type="secondary">
        {t("ver.unchanged", { n: diff.unchanged })}
      </Typography.Text>
    </div>
  );
}

export function VersionsDrawer({
  reg,
  open,
  onClose,
}: {
  reg: RegisterInfo;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const path = `/api/registers/${encodeURIComponent(reg.code)}/versions`;
  const versions = useQuery({
    queryKey: ["api", path],
    queryFn: ({ signal }) => api.get<ListVersion[]>(path, undefined, signal),
    enabled: open,
  });
  const [publishing, setPublishing] = useState(false);
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | "current">("current");
  const diffPath = from === null ? null : `${path}/${from}/diff`;
  const diff = useQuery({
    queryKey: ["api", diffPath, to],
    queryFn: ({ signal }) => api.get<ListVersionDiff>(diffPath!, { to: String(to) }, signal),
    enabled: open && diffPath !== null,
  });
  const list = versions.data ?? [];
  const options = [
    { value: "current", label: t("ver.current") },
    ...list.filter((v) => v.id !== from).map((v) => ({ value: v.id, label: v.number })),
  ];

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={860}
      title={t("ver.title")}
      data-testid="versions-drawer"
      extra={
        reg.canEdit ? (
          <Button type="primary" onClick={() => setPublishing(true)} data-testid="version-publish">
            {t("ver.publish")}
          </Button>
        ) : null
      }
    >
      <ErrorAlert error={versions.error} />
      {list.length === 0 && versions.isSuccess ? <Empty description={t("ver.none")} /> : null}
      {list.length > 0 ? (
        <Table<ListVersion>
          size="small"
          rowKey="id"
          pagination={false}
          data-testid="versions-table"
          dataSource={list}
          columns={[
            {
              title: t("ver.number"),
              key: "number",
              render: (_: unknown, v) => (
                <Space>
                  {v.number}
                  {v.current ? <Tag color="blue">{t("ver.inForce")}</Tag> : null}
                </Space>
              ),
            },
            { title: t("ver.publishedOn"), dataIndex: "publishedOn", key: "publishedOn" },
            {
              title: t("ver.period"),
              key: "period",
              render: (_: unknown, v) =>
                v.inForceUntil
                  ? t("ver.fromTo", { from: v.inForceFrom, to: v.inForceUntil })
                  : t("ver.from", { from: v.inForceFrom }),
            },
            { title: t("ver.entries"), dataIndex: "entryCount", key: "entryCount" },
            {
              title: t("common.actions"),
              key: "_a",
              render: (_: unknown, v) => (
                <Button
                  type="link"
                  size="small"
                  data-testid={`version-compare-${v.id}`}
                  onClick={() => {
                    setFrom(v.id);
                    // The next version by default, else the entries now.
                    const i = list.findIndex((x) => x.id === v.id);
                    setTo(i > 0 ? list[i - 1]!.id : "current");
                  }}
                >
                  {t("ver.compare")}
                </Button>
              ),
            },
          ]}
        />
      ) : null}
      {from !== null ? (
        <div style={{ marginTop: 24 }}>
          <Space wrap style={{ marginBottom: 12 }}>
            <Typography.Text strong>
              {t("ver.compareFrom", { number: list.find((v) => v.id === from)?.number ?? "" })}
            </Typography.Text>
            <Select
              style={{ minWidth: 240 }}
              value={to}
              options={options}
              onChange={(v) => setTo(v)}
              aria-label={t("ver.compareTo")}
            />
          </Space>
          <ErrorAlert error={diff.error} />
          {diff.data ? <DiffView reg={reg} diff={diff.data} /> : null}
        </div>
      ) : null}
      <PublishModal
        reg={reg}
        open={publishing}
        onClose={() => setPublishing(false)}
        onPublished={() => void qc.invalidateQueries({ queryKey: ["api", path] })}
      />
    </Drawer>
  );
}
