import { LockOutlined, SafetyOutlined, UserOutlined } from "@ant-design/icons";
import { Button, Card, Form, Input, Typography } from "antd";
import { useState } from "react";
import { Navigate, useLocation } from "react-router";
import { ApiError } from "../api.ts";
import { ErrorAlert, useFormError } from "../components/ErrorDisplay.tsx";
import { LanguageSwitch } from "../components/LanguageSwitch.tsx";
import { useI18n } from "../i18n.ts";
import { useSession } from "../session.tsx";

interface LoginValues {
  username: string;
  password: string;
}

/**
 * The login: the password, then — for an account with a TOTP factor (administrators
 * always; others where the region requires it) — the 6-digit code of the authenticator
 * app (GB/T 22239-2019 8.1.4.1 d).
 */
const LAST_USER = "fazhi.lastUser";

function lastUser(): string | null {
  try {
    return sessionStorage.getItem(LAST_USER);
  } catch {
    return null;
  }
}

function rememberUser(username: string) {
  try {
    sessionStorage.setItem(LAST_USER, username);
  } catch {
    // storage refused (private mode): the next user starts on its home page anyway
  }
}

export function LoginPage() {
  const { t } = useI18n();
  const { session, login, submitCode } = useSession();
  const location = useLocation();
  const [form] = Form.useForm<LoginValues>();
  const { fail, clear, alertProps } = useFormError(form);
  const [busy, setBusy] = useState(false);
  const [codeStep, setCodeStep] = useState(false);
  const [codeForm] = Form.useForm<{ code: string }>();
  const codeError = useFormError(codeForm);

  if (session) {
    // Back to the page the last session was on only for the same user: after a logout
    // (or an expired session) the next user starts on its own home page.
    const last = lastUser();
    rememberUser(session.user.username);
    const sameUser = last === null || last === session.user.username;
    const from = sameUser ? (location.state as { from?: string } | null)?.from : undefined;
    const to = session.mustChangePassword
      ? "/change-password"
      : session.secondFactor === "enrol"
        ? "/enrol-totp"
        : // not back to the forced password change: a quick logout right after it can
          // leave that page as the place the last session was
          from && from !== "/login" && from !== "/change-password" && from !== "/enrol-totp"
          ? from
          : "/";
    return <Navigate to={to} replace />;
  }

  const onFinish = async (v: LoginValues) => {
    clear();
    setBusy(true);
    try {
      if ((await login(v.username.trim(), v.password)) === "code") setCodeStep(true);
      // else the session is set: the redirect above takes over on the next render
    } catch (e) {
      fail(e);
      form.setFieldValue("password", "");
    } finally {
      setBusy(false);
    }
  };

  const onCode = async (v: { code: string }) => {
    codeError.clear();
    setBusy(true);
    try {
      await submitCode(v.code.trim());
    } catch (e) {
      codeForm.setFieldValue("code", "");
      if (e instanceof ApiError && e.status === 401) {
        // the pending session ended (locked, or too slow): start again with the password
        setCodeStep(false);
        form.setFieldValue("password", "");
        fail(e);
      } else codeError.fail(e);
    } finally {
      setBusy(false);
    }
  };

  const required = (field: string) => [{ required: true, message: t("auth.required", { field }) }];

  return (
    <div
      style={{
        minHeight: "100vh",
        display: "flex",
        alignItems: "center",
        justifyContent: "center",
        background: "linear-gradient(160deg, #7f1419 0%, #a61d24 45%, #f5f5f5 45%)",
      }}
    >
      <div style={{ position: "fixed", top: 12, right: 16 }}>
        <LanguageSwitch style={{ color: "#fff" }} />
      </div>
      <Card style={{ width: 380, boxShadow: "0 8px 24px rgba(0,0,0,0.15)" }}>
        <div style={{ textAlign: "center", marginBottom: 24 }}>
          <Typography.Title level={2} style={{ marginBottom: 4, letterSpacing: 4 }}>
            {t("app.name")}
          </Typography.Title>
          <Typography.Text type="secondary">{t("app.tagline")}</Typography.Text>
        </div>
        {codeStep ? (
          <>
            <ErrorAlert {...codeError.alertProps} />
            <Typography.Paragraph type="secondary">{t("auth.codeHint")}</Typography.Paragraph>
            <Form form={codeForm} layout="vertical" onFinish={onCode} requiredMark={false}>
              <Form.Item name="code" label={t("auth.code")} rules={required(t("auth.code"))}>
                <Input
                  prefix={<SafetyOutlined />}
                  autoComplete="one-time-code"
                  inputMode="numeric"
                  maxLength={6}
                  autoFocus
                  data-testid="totp-code"
                />
              </Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                block
                loading={busy}
                data-testid="totp-submit"
              >
                {t("auth.verify")}
              </Button>
            </Form>
          </>
        ) : (
          <>
            <ErrorAlert {...alertProps} />
            <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
              <Form.Item
                name="username"
                label={t("auth.username")}
                rules={required(t("auth.username"))}
              >
                <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
              </Form.Item>
              <Form.Item
                name="password"
                label={t("auth.password")}
                rules={required(t("auth.password"))}
              >
                <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
              </Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                block
                loading={busy}
                data-testid="login-submit"
              >
                {t("auth.login")}
              </Button>
            </Form>
          </>
        )}
      </Card>
    </div>
  );
}
