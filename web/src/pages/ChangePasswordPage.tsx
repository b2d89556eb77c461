import { Alert, App, Button, Card, Form, Input, Typography } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";
import { api } from "../api.ts";
import { ErrorAlert, useFormError } from "../components/ErrorDisplay.tsx";
import { useI18n } from "../i18n.ts";
import { useActor, useSession } from "../session.tsx";

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function ChangePasswordPage() {
  const { t } = useI18n();
  const actor = useActor();
  const { refresh } = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { fail, clear, alertProps } = useFormError(form);
  const [busy, setBusy] = useState(false);

  const onFinish = async (v: Values) => {
    clear();
    setBusy(true);
    try {
      await api.post("/api/auth/password", {
        currentPassword: v.currentPassword,
        newPassword: v.newPassword,
      });
      message.success(t("auth.passwordChanged"));
      await refresh();
      navigate("/", { replace: true });
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const required = (field: string) => ({ required: true, message: t("auth.required", { field }) });

  return (
    <Card style={{ maxWidth: 520 }} title={t("auth.changePassword")} data-testid="change-password">
      {actor.mustChangePassword ? (
        <Alert type="warning" showIcon title={t("auth.mustChange")} style={{ marginBottom: 16 }} />
      ) : null}
      <ErrorAlert {...alertProps} />
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Form.Item
          name="currentPassword"
          label={t("auth.currentPassword")}
          rules={[required(t("auth.currentPassword"))]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t("auth.newPassword")}
          rules={[required(t("auth.newPassword"))]}
          extra={<Typography.Text type="secondary">{t("auth.passwordRules")}</Typography.Text>}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t("auth.confirmPassword")}
          dependencies={["newPassword"]}
          rules={[
            required(t("auth.confirmPassword")),
            ({ getFieldValue }) => ({
              validator: (_rule, value) =>
                !value || getFieldValue("newPassword") === value
                  ? Promise.resolve()
                  : Promise.reject(new Error(t("auth.mismatch"))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          loading={busy}
          data-testid="change-password-submit"
        >
          {t("common.save")}
        </Button>
      </Form>
    </Card>
  );
}
