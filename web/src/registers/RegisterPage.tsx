/**
 * One declared register: its columns as a table with the declared filters, search and
 * paging; create, edit, delete (with a reason where required), the history of an
 * entry, export and import. `/registers/:code/:region/:id` opens that entry.
 */
import { PlusOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Form, Input, Modal, Space, Spin } from "antd";
import { useState } from "react";
import { useNavigate, useParams } from "react-router";
import { api } from "../api.ts";
import { DataTable, type FilterField } from "../components/DataTable.tsx";
import { ErrorAlert } from "../components/ErrorDisplay.tsx";
import { NotFoundResult } from "../components/PermissionGate.tsx";
import { useUnitName, useUnitNameByCode, useUnitOptions } from "../data.ts";
import { useRegisters } from "../engines.ts";
import { useI18n } from "../i18n.ts";
import { cellText } from "./columns.ts";
import { EntryDrawer } from "./EntryDrawer.tsx";
import { EntryModal } from "./EntryModal.tsx";
import { ExportButton, ImportButton } from "./ImportExport.tsx";
import { type Entry, type RegisterInfo, registerPath } from "./types.ts";
import { VersionsDrawer } from "./Versions.tsx";

function DeleteModal({
  reg,
  entry,
  onClose,
  onDeleted,
}: {
  reg: RegisterInfo;
  entry: Entry | null;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason?: string }>();
  const [error, setError] = useState<unknown>(null);
  const needsReason = reg.sensitive.includes("delete");
  const submit = async () => {
    if (!entry) return;
    const { reason } = await form.validateFields();
    setError(null);
    try {
      await api.delete(`/api/registers/${encodeURIComponent(reg.code)}/entries/${entry.id}`, {
        version: entry.version,
        ...(reason?.trim() ? { reason: reason.trim() } : {}),
      });
      message.success(t("reg.deleted"));
      onClose();
      onDeleted();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Modal
      open={entry !== null}
      title={t("reg.deleteConfirm", { title: entry?.title ?? "" })}
      okText={t("reg.delete")}
      okButtonProps={{ danger: true, "data-testid": "entry-delete-submit" }}
      cancelText={t("common.cancel")}
      onOk={submit}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={t("reg.deleteReason")}
          rules={
            needsReason
              ? [{ required: true, whitespace: true, message: t("cases.reasonRequired") }]
              : []
          }
        >
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RegisterTable({ reg, openId }: { reg: RegisterInfo; openId: number | null }) {
  const { t, pick, lang } = useI18n();
  const unitName = useUnitName();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<Entry | "new" | null>(null);
  const [deleting, setDeleting] = useState<Entry | null>(null);
  const [viewing, setViewing] = useState<number | null>(openId);
  const [showVersions, setShowVersions] = useState(false);
  const path = `/api/registers/${encodeURIComponent(reg.code)}/entries`;
  const reload = () => void qc.invalidateQueries({ queryKey: ["api", path] });
  const yesNo: [string, string] = [t("common.yes"), t("common.no")];
  const unitByCode = useUnitNameByCode();
  const unitOptions = useUnitOptions("code");

  const filters: FilterField[] = reg.columns
    .filter((c) => c.filter)
    .map((c) => ({
      name: c.field,
      title: pick(c.label),
      options:
        c.kind === "boolean"
          ? [
              { value: "true", label: yesNo[0] },
              { value: "false", label: yesNo[1] },
            ]
          : c.ref === "unit"
            ? unitOptions
            : c.options
              ? Object.entries(c.options).map(([value, l]) => ({ value, label: l[lang] }))
              : undefined,
    }));
  filters.push({ name: "q", label: "common.keyword" });

  return (
    <Card title={pick(reg.label)}>
      <DataTable<Entry>
        testId="register-table"
        path={path}
        serverPaging="page"
        rowKey="id"
        filters={filters}
        toolbar={
          <Space wrap>
            {reg.versions ? (
              <Button onClick={() => setShowVersions(true)} data-testid="list-versions">
                {t("reg.listVersions")}
              </Button>
            ) : null}
            <ExportButton reg={reg} />
            {reg.canEdit ? <ImportButton reg={reg} onImported={reload} /> : null}
            {reg.canEdit ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setEditing("new")}
                data-testid="entry-new"
              >
                {t("reg.create")}
              </Button>
            ) : null}
          </Space>
        }
        columns={[
          ...reg.columns
            .filter((c) => c.inList)
            .map((c) => ({
              title: pick(c.label),
              key: c.field,
              render: (_: unknown, e: Entry) =>
                cellText(c, e.data[c.field], lang, yesNo, unitByCode),
            })),
          {
            title: t("reg.unit"),
            key: "_unit",
            render: (_: unknown, e: Entry) => unitName(e.unitId),
          },
          {
            title: t("common.actions"),
            key: "_actions",
            render: (_: unknown, e: Entry) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setViewing(e.id)}>
                  {t("reg.versions")}
                </Button>
                {e.editable ? (
                  <>
                    <Button type="link" size="small" onClick={() => setEditing(e)}>
                      {t("reg.edit")}
                    </Button>
                    <Button type="link" size="small" danger onClick={() => setDeleting(e)}>
                      {t("reg.delete")}
                    </Button>
                  </>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <EntryModal reg={reg} entry={editing} onClose={() => setEditing(null)} onSaved={reload} />
      <DeleteModal
        reg={reg}
        entry={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={reload}
      />
      {reg.versions ? (
        <VersionsDrawer reg={reg} open={showVersions} onClose={() => setShowVersions(false)} />
      ) : null}
      <EntryDrawer
        reg={reg}
        entryId={viewing}
        onClose={() => {
          setViewing(null);
          if (openId !== null) navigate(registerPath(reg.code), { replace: true });
        }}
      />
    </Card>
  );
}

export function RegisterPage() {
  const { code, id } = useParams();
  const registers = useRegisters();
  if (registers.isError) return <ErrorAlert error={registers.error} />;
  if (registers.isPending) return <Spin />;
  const reg = registers.data.find((r) => r.code === code);
  if (!reg) return <NotFoundResult />;
  const openId = id && /^\d+$/.test(id) ? Number(id) : null;
  return <RegisterTable key={`${reg.code}:${openId}`} reg={reg} openId={openId} />;
}
