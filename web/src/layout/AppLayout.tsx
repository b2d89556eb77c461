/** The frame of every logged-in page: header, the module menu, the page. */
import { KeyOutlined, LogoutOutlined, UserOutlined } from "@ant-design/icons";
import { Button, Dropdown, Layout, Space, Spin, Typography, theme } from "antd";
import { Suspense } from "react";
import { Outlet, useNavigate } from "react-router";
import { LanguageSwitch } from "../components/LanguageSwitch.tsx";
import { useI18n } from "../i18n.ts";
import { useActor, useSession } from "../session.tsx";
import { AppMenu } from "./AppMenu.tsx";

export function AppLayout() {
  const { t, lang } = useI18n();
  const { logout } = useSession();
  const actor = useActor();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  // Before the one-time password is changed or the authenticator enrolled, only that page.
  const restricted = Boolean(actor.mustChangePassword || actor.secondFactor === "enrol");

  const onLogout = async () => {
    await logout();
    navigate("/login", { replace: true });
  };

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Header
        style={{
          display: "flex",
          alignItems: "center",
          justifyContent: "space-between",
          paddingInline: 24,
          background: token.colorPrimary,
        }}
      >
        <Space size="middle">
          <Typography.Title
            level={3}
            data-testid="app-name"
            style={{ color: "#fff", margin: 0, letterSpacing: lang === "zh" ? 2 : 0 }}
          >
            {t("app.name")}
          </Typography.Title>
          <Typography.Text style={{ color: "rgba(255,255,255,0.85)" }}>
            {t("app.tagline")}
          </Typography.Text>
        </Space>
        <Space size="small">
          <Dropdown
            disabled={restricted}
            menu={{
              items: [{ key: "password", icon: <KeyOutlined />, label: t("auth.changePassword") }],
              onClick: () => navigate("/change-password"),
            }}
          >
            <Button
              type="text"
              icon={<UserOutlined />}
              style={{ color: "#fff" }}
              data-testid="user-name"
            >
              {actor.user.displayName}
            </Button>
          </Dropdown>
          <LanguageSwitch style={{ color: "#fff" }} />
          <Button
            type="text"
            icon={<LogoutOutlined />}
            style={{ color: "#fff" }}
            data-testid="logout"
            onClick={onLogout}
          >
            {t("auth.logout")}
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        {restricted ? null : (
          <Layout.Sider width={256} theme="light" breakpoint="lg" collapsedWidth={0}>
            <AppMenu />
          </Layout.Sider>
        )}
        <Layout.Content style={{ padding: 24 }}>
          <Suspense fallback={<Spin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
