/** Open a case: a form generated from the type's fields (POST /api/cases/:type). */
import { App, DatePicker, Form, Modal } from "antd";
import { useState } from "react";
import { api } from "../api.ts";
import { ErrorAlert, useFormError } from "../components/ErrorDisplay.tsx";
import { useI18n } from "../i18n.ts";
import { dateItemProps, ObjectFields } from "../schema/SchemaForm.tsx";
import { initialOf, type JsonSchema, normalize, toJson } from "../schema/schema.ts";
import type { CaseType, CaseView } from "./types.ts";

/**
 * The fields a case is opened with: those no step asks for. A field that is also a
 * member of a step's input (reviewPassed, decisionSummary) is set by that step; a field
 * a step computes (`stepFields`: an application's limits, its days used) is never asked.
 */
export function openingFields(type: CaseType): JsonSchema {
  const bySteps = new Set([
    ...type.transitions.flatMap((t) =>
      Object.keys(t.input ? (normalize(t.input).properties ?? {}) : {}),
    ),
    ...(type.stepFields ?? []),
  ]);
  const s = normalize(type.fields);
  const properties = Object.fromEntries(
    Object.entries(s.properties ?? {}).filter(([k]) => !bySteps.has(k)),
  );
  return { ...s, properties, required: (s.required ?? []).filter((k) => k in properties) };
}

interface Values {
  fields: Record<string, unknown>;
  onDate?: string;
}

export interface NewCaseModalProps {
  type: CaseType;
  open: boolean;
  onClose: () => void;
  onCreated: (c: CaseView) => void;
}

export function NewCaseModal({ type, open, onClose, onCreated }: NewCaseModalProps) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { fail, clear, alertProps } = useFormError(form);
  const [busy, setBusy] = useState(false);
  const fields = openingFields(type);

  const close = () => {
    clear();
    form.resetFields();
    onClose();
  };

  const submit = async () => {
    // required fields are checked in the browser first (SchemaForm's rules)
    if (
      !(await form.validateFields().then(
        () => true,
        () => false,
      ))
    )
      return;
    const v = form.getFieldsValue(true) as Values;
    clear();
    setBusy(true);
    try {
      const c = await api.post<CaseView>(`/api/cases/${encodeURIComponent(type.code)}`, {
        fields: toJson(fields, v.fields),
        ...(v.onDate ? { onDate: v.onDate } : {}),
      });
      message.success(t("cases.created", { title: c.title }));
      close();
      onCreated(c);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t("cases.newTitle", { type: pick(type.label) })}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={busy}
      onOk={submit}
      onCancel={close}
      destroyOnHidden
      width={640}
      okButtonProps={{ "data-testid": "case-new-submit" }}
    >
      <ErrorAlert {...alertProps} />
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ fields: initialOf(fields) }}
        data-testid="case-new-form"
      >
        <ObjectFields schema={fields} prefix={["fields"]} />
        <Form.Item
          name="onDate"
          label={t("cases.openedOn")}
          extra={t("cases.onDateHint")}
          {...dateItemProps}
        >
          <DatePicker data-testid="case-new-date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
