/**
 * The two dialogs of comment handling: hide or restore a comment (a reason is always
 * required: it goes into the moderation trail), and draft its answer (adopted / partly
 * adopted / not adopted / under study; a reason is required unless adopted — checked
 * here before the server checks it again).
 */
import { Form, Input, Modal, Radio } from "antd";
import { useState } from "react";
import { api } from "../api.ts";
import { ErrorAlert, useFormError } from "../components/ErrorDisplay.tsx";
import { useI18n } from "../i18n.ts";
import type { AnswerResult, Comment, Consultation } from "./types.ts";

export function ModerateModal({
  base,
  comment,
  onClose,
  onDone,
}: {
  base: string;
  comment: Comment | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const { fail, clear, alertProps } = useFormError(form);
  const [busy, setBusy] = useState(false);
  const hide = comment ? !comment.hidden : true;
  const submit = async () => {
    const v = await form.validateFields();
    if (!comment) return;
    clear();
    setBusy(true);
    try {
      await api.post(`${base}/comments/${comment.id}/moderation`, {
        hidden: hide,
        reason: v.reason,
      });
      onDone();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={comment !== null}
      title={t(hide ? "consultation.hide" : "consultation.restore")}
      okText={t("common.ok")}
      cancelText={t("common.cancel")}
      confirmLoading={busy}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ "data-testid": "moderate-submit" }}
    >
      <ErrorAlert {...alertProps} />
      <Form form={form} layout="vertical" preserve={false} data-testid="moderate-form">
        <Form.Item
          name="reason"
          label={t("consultation.moderationReason")}
          rules={[{ required: true, whitespace: true, message: t("consultation.reasonRequired") }]}
        >
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function AnswerModal({
  base,
  comment,
  results,
  onClose,
  onDone,
}: {
  base: string;
  comment: Comment | null;
  results: Consultation["answerResults"];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<{ result: AnswerResult; reason?: string }>();
  const { fail, clear, alertProps } = useFormError(form);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    if (!comment) return;
    clear();
    setBusy(true);
    try {
      const reason = v.reason?.trim();
      await api.put(`${base}/comments/${comment.id}/answer`, {
        result: v.result,
        ...(reason ? { reason } : {}),
      });
      onDone();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={comment !== null}
      title={t("consultation.answer")}
      okText={t("common.ok")}
      cancelText={t("common.cancel")}
      confirmLoading={busy}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ "data-testid": "answer-submit" }}
    >
      <ErrorAlert {...alertProps} />
      {comment ? (
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          data-testid="answer-form"
          initialValues={{
            result: comment.answer_result ?? undefined,
            reason: comment.answer_reason ?? "",
          }}
        >
          <p style={{ whiteSpace: "pre-wrap" }}>{comment.body}</p>
          <Form.Item
            name="result"
            label={t("consultation.result")}
            rules={[{ required: true, message: t("consultation.resultRequired") }]}
          >
            <Radio.Group options={results.map((r) => ({ value: r.code, label: pick(r.label) }))} />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t("consultation.reason")}
            extra={t("consultation.reasonHint")}
            dependencies={["result"]}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_r, value?: string) =>
                  getFieldValue("result") && getFieldValue("result") !== "adopted" && !value?.trim()
                    ? Promise.reject(new Error(t("consultation.answerReasonRequired")))
                    : Promise.resolve(),
              }),
            ]}
          >
            <Input.TextArea maxLength={2000} autoSize={{ minRows: 3, maxRows: 8 }} />
          </Form.Item>
        </Form>
      ) : null}
    </Modal>
  );
}
