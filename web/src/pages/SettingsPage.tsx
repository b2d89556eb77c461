/**
 * Settings (rules that differ by province or city): each with the national default and
 * its legal basis beside the value in force here, where it was set and since when, and
 * the history of values. Holders of `system.configure` give a new value from a day on
 * (today or later — deadlines already running keep the value they started with).
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, DatePicker, Descriptions, Form, Input, Modal, Table, Tag } from "antd";
import { useState } from "react";
import { api, type Region } from "../api.ts";
import { useValueText } from "../cases/values.tsx";
import { DeclaredBasis, useCite } from "../components/Basis.tsx";
import { ErrorAlert, useFormError } from "../components/ErrorDisplay.tsx";
import { Can } from "../components/PermissionGate.tsx";
import { useModuleLabel } from "../engines.ts";
import { useI18n } from "../i18n.ts";
import { dateItemProps, ObjectFields } from "../schema/SchemaForm.tsx";
import { initialOf, type JsonSchema, toJson } from "../schema/schema.ts";
import { useActor } from "../session.tsx";

const SETTINGS = "/api/settings";

interface Label {
  zh: string;
  en: string;
}

interface SettingValue {
  regionCode: string;
  effectiveFrom: string;
  value: unknown;
  basis: string | null;
  updatedBy: number | null;
  updatedAt: string;
}

export interface SettingRow {
  code: string;
  label: Label;
  module: string;
  default: unknown;
  /** The default's legal basis: Chinese form (《…》第…条) and English. */
  basis: Label;
  /** How the default was chosen and what varies (the tooltip). */
  basisNote: string;
  schema: JsonSchema;
  value: unknown;
  setIn: string | null;
  effectiveFrom: string | null;
  localBasis: string | null;
  history: SettingValue[];
}

/** A value as text: scalars as they are, objects as compact JSON. */
function show(v: unknown): string {
  if (v === null || v === undefined) return "—";
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return String(v);
  return JSON.stringify(v);
}

/** A value in words, by the setting's schema (labels, 是/否, basis in Chinese form). */
function ValueText({ value, schema }: { value: unknown; schema?: JsonSchema }) {
  const valueText = useValueText();
  const cite = useCite();
  const text = schema ? valueText(schema, value) : show(value);
  // a basis written inside a value ("…art. 64 [R]") reads in its Chinese form
  const shown = text.replace(/([^：；]*(?:art\.|arts\.)[^；]*)/g, (m) => cite(m) || m);
  return <span style={{ whiteSpace: "pre-wrap" }}>{shown}</span>;
}

function NewValueModal({
  row,
  region,
  onClose,
}: {
  row: SettingRow;
  region: string;
  onClose: (saved: boolean) => void;
}) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm();
  const { fail, clear, alertProps } = useFormError(form);
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  const wrapper: JsonSchema = {
    type: "object",
    properties: { value: row.schema },
    required: ["value"],
  };
  const submit = async () => {
    const v = await form.validateFields();
    clear();
    setBusy(true);
    try {
      await api.put(`${SETTINGS}/${encodeURIComponent(row.code)}`, {
        region,
        value: (toJson(wrapper, { value: v.value }) as { value?: unknown }).value ?? null,
        ...(v.effectiveFrom ? { effectiveFrom: v.effectiveFrom } : {}),
        basis: v.basis,
      });
      message.success(t("settings.saved"));
      onClose(true);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={`${pick(row.label)} · ${t("settings.newValue")}`}
      okText={t("settings.save")}
      confirmLoading={busy}
      onOk={submit}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      <ErrorAlert {...alertProps} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ value: row.value ?? initialOf(row.schema) }}
      >
        <ObjectFields
          schema={wrapper}
          prefix={[]}
          path="setting"
          labels={{ value: t("settings.value") }}
        />
        <Form.Item
          name="effectiveFrom"
          label={t("settings.effectiveFrom")}
          extra={t("settings.effectiveFromHint")}
          {...dateItemProps}
        >
          <DatePicker style={{ width: "100%" }} data-testid="setting.effectiveFrom" />
        </Form.Item>
        <Form.Item
          name="basis"
          label={t("settings.localBasis")}
          rules={[{ required: true, message: t("settings.basisRequired") }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="setting.basis" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function SettingsPage() {
  const { t, pick } = useI18n();
  const actor = useActor();
  const moduleLabel = useModuleLabel();
  const qc = useQueryClient();
  const region = actor.user.regionCode;
  const [editing, setEditing] = useState<SettingRow | null>(null);
  const { data, isLoading, error } = useQuery({
    queryKey: ["api", SETTINGS, region],
    queryFn: ({ signal }) => api.get<SettingRow[]>(SETTINGS, { region }, signal),
  });
  // A region by its name, not its code (issue 11); a region not visible here keeps its code.
  const regions = useQuery({
    queryKey: ["api", "/api/regions"],
    queryFn: ({ signal }) => api.get<Region[]>("/api/regions", undefined, signal),
    staleTime: 5 * 60_000,
  });
  const regionName = (code: string) => {
    const r = regions.data?.find((x) => x.code === code);
    return r ? pick({ zh: r.nameZh, en: r.nameEn }) : code;
  };

  const history = (row: SettingRow) => (
    <Table<SettingValue>
      size="small"
      pagination={false}
      rowKey={(h) => `${h.regionCode}:${h.effectiveFrom}`}
      dataSource={row.history}
      locale={{ emptyText: t("settings.noHistory") }}
      columns={[
        { title: t("settings.effectiveFrom"), dataIndex: "effectiveFrom" },
        { title: t("settings.region"), render: (_, h) => regionName(h.regionCode) },
        {
          title: t("settings.value"),
          render: (_, h) =>
            h.value === null ? (
              <Tag>{t("settings.inherit")}</Tag>
            ) : (
              <ValueText value={h.value} schema={row.schema} />
            ),
        },
        { title: t("settings.localBasis"), dataIndex: "basis" },
        {
          title: t("settings.updatedAt"),
          render: (_, h) => new Date(h.updatedAt).toLocaleString(),
        },
      ]}
    />
  );

  return (
    <Card title={t("settings.title")}>
      {error ? <ErrorAlert error={error} /> : null}
      <Table<SettingRow>
        rowKey="code"
        loading={isLoading}
        dataSource={data ?? []}
        pagination={false}
        expandable={{ expandedRowRender: history }}
        columns={[
          {
            title: t("settings.setting"),
            render: (_, r) => (
              <>
                <div>{pick(r.label)}</div>
                <Tag>{moduleLabel(r.module)}</Tag>
              </>
            ),
          },
          {
            title: t("settings.inForce"),
            render: (_, r) => (
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t("settings.value")}>
                  <ValueText value={r.value} schema={r.schema} />
                </Descriptions.Item>
                <Descriptions.Item label={t("settings.setIn")}>
                  {r.setIn
                    ? `${regionName(r.setIn)} · ${r.effectiveFrom}`
                    : t("settings.nationalDefault")}
                </Descriptions.Item>
                {r.localBasis ? (
                  <Descriptions.Item label={t("settings.localBasis")}>
                    {r.localBasis}
                  </Descriptions.Item>
                ) : null}
              </Descriptions>
            ),
          },
          {
            title: t("settings.nationalDefault"),
            render: (_, r) => (
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t("settings.value")}>
                  <ValueText value={r.default} schema={r.schema} />
                </Descriptions.Item>
                <Descriptions.Item label={t("settings.legalBasis")}>
                  <DeclaredBasis basis={r.basis} note={r.basisNote} />
                </Descriptions.Item>
              </Descriptions>
            ),
          },
          {
            title: "",
            render: (_, r) => (
              <Can anyOf={["system.configure"]}>
                <Button size="small" onClick={() => setEditing(r)} data-testid={`set-${r.code}`}>
                  {t("settings.newValue")}
                </Button>
              </Can>
            ),
          },
        ]}
      />
      {editing ? (
        <NewValueModal
          row={editing}
          region={region}
          onClose={(saved) => {
            setEditing(null);
            if (saved) void qc.invalidateQueries({ queryKey: ["api", SETTINGS] });
          }}
        />
      ) : null}
    </Card>
  );
}
