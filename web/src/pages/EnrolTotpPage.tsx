/**
 * Enrol a TOTP authenticator (GB/T 22239-2019 8.1.4.1 d): the server generates the
 * secret and shows it once, as a QR code (otpauth:// URI) and as text; the first valid
 * code confirms it and replaces the session with a new one.
 */
import { Alert, App, Button, Card, Form, Input, QRCode, Space, Typography } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";
import { api, type SessionInfo } from "../api.ts";
import { ErrorAlert, useFormError } from "../components/ErrorDisplay.tsx";
import { useI18n } from "../i18n.ts";
import { useActor, useSession } from "../session.tsx";
import type { TotpEnrolment } from "../wire.ts";

export function EnrolTotpPage() {
  const { t } = useI18n();
  const actor = useActor();
  const { adopt } = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ code: string }>();
  const { fail, clear, alertProps } = useFormError(form);
  const [busy, setBusy] = useState(false);
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);

  const start = async () => {
    clear();
    setBusy(true);
    try {
      setEnrolment(await api.post<TotpEnrolment>("/api/auth/totp/enrolment"));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const confirm = async (v: { code: string }) => {
    clear();
    setBusy(true);
    try {
      const s = await api.post<SessionInfo>("/api/auth/totp/enrolment/confirm", {
        code: v.code.trim(),
      });
      adopt(s);
      message.success(t("totp.done"));
      navigate("/", { replace: true });
    } catch (e) {
      form.setFieldValue("code", "");
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card style={{ maxWidth: 560 }} title={t("totp.title")} data-testid="enrol-totp">
      {actor.secondFactor === "enrol" ? (
        <Alert type="warning" showIcon title={t("totp.required")} style={{ marginBottom: 16 }} />
      ) : null}
      <ErrorAlert {...alertProps} />
      {enrolment ? (
        <Space direction="vertical" size="middle" style={{ width: "100%" }}>
          <Typography.Paragraph type="secondary">{t("totp.scan")}</Typography.Paragraph>
          <QRCode value={enrolment.uri} size={200} />
          <div>
            <Typography.Text type="secondary">{t("totp.secret")}</Typography.Text>
            <Typography.Paragraph copyable code data-testid="totp-secret">
              {enrolment.secret}
            </Typography.Paragraph>
          </div>
          <Form form={form} layout="vertical" onFinish={confirm} requiredMark={false}>
            <Form.Item
              name="code"
              label={t("auth.code")}
              rules={[{ required: true, message: t("auth.required", { field: t("auth.code") }) }]}
            >
              <Input
                autoComplete="one-time-code"
                inputMode="numeric"
                maxLength={6}
                style={{ maxWidth: 200 }}
                data-testid="totp-code"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="totp-confirm">
              {t("totp.confirm")}
            </Button>
          </Form>
        </Space>
      ) : (
        <Button type="primary" onClick={start} loading={busy} data-testid="totp-start">
          {t("totp.start")}
        </Button>
      )}
    </Card>
  );
}
