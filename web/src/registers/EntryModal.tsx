/**
 * Create or edit a register entry: a form from the register's columns (or its schema).
 * An edit sends the loaded version (a stale one → 409 with a reload button); a reason
 * is asked where the register marks updates sensitive.
 */
import { Form, Input, Modal, Select } from "antd";
import { api } from "../api.ts";
import { useSubmit } from "../components/useSubmit.tsx";
import { useUnits } from "../data.ts";
import { useI18n } from "../i18n.ts";
import { ObjectFields } from "../schema/SchemaForm.tsx";
import { toJson } from "../schema/schema.ts";
import { useActor } from "../session.tsx";
import { entrySchema } from "./columns.ts";
import type { Entry, RegisterInfo } from "./types.ts";

const REASON = "__reason";
const UNIT = "__unitId";

export interface EntryModalProps {
  reg: RegisterInfo;
  /** null: closed; "new": create; an entry: edit it. */
  entry: Entry | "new" | null;
  onClose: () => void;
  onSaved: () => void;
}

export function EntryModal({ reg, entry, onClose, onSaved }: EntryModalProps) {
  const { t, pick, lang } = useI18n();
  const actor = useActor();
  const units = useUnits();
  const [form] = Form.useForm();
  const editing = entry !== null && entry !== "new" ? entry : null;
  const schema = entrySchema(reg, editing?.data);
  const base = `/api/registers/${encodeURIComponent(reg.code)}/entries`;
  const needsReason = editing !== null && reg.sensitive.includes("update");

  const { submit, close, busy, alerts } = useSubmit<Record<string, unknown>>(form, {
    send: (all) => {
      const { [REASON]: reason, [UNIT]: unitId, ...values } = all;
      const data = toJson(schema, values) as Record<string, unknown>;
      return editing
        ? api.put(`${base}/${editing.id}`, {
            version: editing.version,
            data,
            ...(typeof reason === "string" && reason.trim() ? { reason: reason.trim() } : {}),
          })
        : api.post(base, { data, ...(unitId ? { unitId } : {}) });
    },
    done: () => t("reg.saved"),
    onClose,
    reload: onSaved,
  });

  const labels = Object.fromEntries(reg.columns.map((c) => [c.field, pick(c.label)]));
  return (
    <Modal
      open={entry !== null}
      title={`${pick(reg.label)} · ${editing ? t("reg.edit") : t("reg.create")}`}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={busy}
      onOk={submit}
      onCancel={close}
      destroyOnHidden
      width={680}
      okButtonProps={{ "data-testid": "entry-submit" }}
    >
      {alerts}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={editing?.data ?? {}}
        data-testid="entry-form"
      >
        {!editing && actor.scope === "region" ? (
          <Form.Item name={UNIT} label={t("reg.unit")} extra={t("reg.unitHint")}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: "label" }}
              options={(units.data ?? []).map((u) => ({
                value: u.id,
                label: lang === "zh" ? u.nameZh : u.nameEn || u.nameZh,
              }))}
            />
          </Form.Item>
        ) : null}
        <ObjectFields schema={schema} prefix={[]} path="data" labels={labels} />
        {needsReason ? (
          <Form.Item
            name={REASON}
            label={t("reg.updateReason")}
            rules={[{ required: true, whitespace: true, message: t("cases.reasonRequired") }]}
          >
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
