/**
 * Take a step (POST /api/cases/:type/:id/actions/:action): a form generated from the
 * transition's input schema, an optional legal date, a reason (required for sensitive
 * steps), sent with the loaded case's version. A stale version (409 conflict) shows
 * the server's message with a reload button; a guard's refusal shows its message.
 */
import { Alert, App, Button, DatePicker, Form, Input, Modal } from "antd";
import { useState } from "react";
import { ApiError, api } from "../api.ts";
import { ErrorAlert, useFormError } from "../components/ErrorDisplay.tsx";
import { useI18n } from "../i18n.ts";
import { dateItemProps, ObjectFields } from "../schema/SchemaForm.tsx";
import { hasFields, initialOf, type JsonSchema, toJson } from "../schema/schema.ts";

/** What a case-changing modal needs from its page. */
export interface CaseTarget {
  /** /api/cases/:type/:id */
  apiPath: string;
  version: number;
  /** Re-read the case (after success, or to take a newer version). */
  reload: () => void;
}

export interface StepSpec {
  action: string;
  label: string;
  sensitive: boolean;
  input: JsonSchema | null;
}

/** The alert of a stale version: the server's message and a reload button. */
export function ConflictAlert({ error, onReload }: { error: ApiError; onReload: () => void }) {
  const { t } = useI18n();
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      data-testid="conflict-alert"
      style={{ marginBottom: 16 }}
      title={error.message}
      action={
        <Button size="small" onClick={onReload} data-testid="conflict-reload">
          {t("cases.reload")}
        </Button>
      }
    />
  );
}

export const isConflict = (e: unknown): e is ApiError =>
  e instanceof ApiError && e.status === 409 && e.code === "conflict";

interface Values {
  input?: Record<string, unknown>;
  onDate?: string;
  reason?: string;
}

export function ActionModal({
  target,
  step,
  onClose,
}: {
  target: CaseTarget;
  step: StepSpec | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { fail, clear, alertProps } = useFormError(form);
  const [conflict, setConflict] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const close = () => {
    clear();
    setConflict(null);
    onClose();
  };

  const submit = async () => {
    if (!step) return;
    const v = (await form.validateFields()) as Values;
    clear();
    setConflict(null);
    setBusy(true);
    try {
      await api.post(`${target.apiPath}/actions/${encodeURIComponent(step.action)}`, {
        version: target.version,
        ...(hasFields(step.input) ? { input: toJson(step.input, v.input ?? {}) } : {}),
        ...(v.onDate ? { onDate: v.onDate } : {}),
        ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}),
      });
      message.success(t("cases.stepDone", { action: step.label }));
      close();
      target.reload();
    } catch (e) {
      if (isConflict(e)) setConflict(e);
      else fail(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={step !== null}
      title={step?.label}
      okText={t("common.ok")}
      cancelText={t("common.cancel")}
      confirmLoading={busy}
      onOk={submit}
      onCancel={close}
      destroyOnHidden
      width={600}
      okButtonProps={{ "data-testid": "action-submit" }}
    >
      {conflict ? (
        <ConflictAlert
          error={conflict}
          onReload={() => {
            close();
            target.reload();
          }}
        />
      ) : null}
      <ErrorAlert {...alertProps} />
      {step ? (
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ input: hasFields(step.input) ? initialOf(step.input) : undefined }}
          data-testid="action-form"
        >
          {hasFields(step.input) ? <ObjectFields schema={step.input} prefix={["input"]} /> : null}
          <Form.Item
            name="onDate"
            label={t("cases.onDate")}
            extra={t("cases.onDateHint")}
            {...dateItemProps}
          >
            <DatePicker data-testid="action-date" />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t("cases.reason")}
            rules={
              step.sensitive
                ? [{ required: true, whitespace: true, message: t("cases.reasonRequired") }]
                : []
            }
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="action-reason" />
          </Form.Item>
        </Form>
      ) : null}
    </Modal>
  );
}
