/**
 * Take a step (POST /api/cases/:type/:id/actions/:action): a form generated from the
 * transition's input schema, an optional legal date, a reason (required for sensitive
 * steps), sent with the loaded case's version. A stale version (409 conflict) shows
 * the server's message with a reload button; a guard's refusal shows its message.
 */
import { DatePicker, Form, Input, Modal } from "antd";
import { api } from "../api.ts";
import { useSubmit } from "../components/useSubmit.tsx";
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
  const [form] = Form.useForm<Values>();
  const { submit, close, busy, alerts } = useSubmit<Values>(form, {
    send: (v) =>
      step
        ? api.post(`${target.apiPath}/actions/${encodeURIComponent(step.action)}`, {
            version: target.version,
            ...(hasFields(step.input) ? { input: toJson(step.input, v.input ?? {}) } : {}),
            ...(v.onDate ? { onDate: v.onDate } : {}),
            ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}),
          })
        : Promise.resolve(),
    done: () => t("cases.stepDone", { action: step?.label ?? "" }),
    onClose,
    reload: target.reload,
  });

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
      {alerts}
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
            extra={t(step.sensitive ? "cases.reasonHintRequired" : "cases.reasonHint")}
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
