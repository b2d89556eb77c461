/**
 * 工作台: each role's own work. A business user sees its work queue (the handler's cases,
 * the reviewer's 法制审核, the leader's decisions and collective discussions) with the
 * warnings; the figures of its scope (DashboardCard: a unit's, the district's, the city's
 * with its districts); the rule-of-law office also the district view; an administrator
 * its own pages.
 */
import { Button, Card, Col, Row, Space, Tag, Typography } from "antd";
import { Link } from "react-router";
import { WarningsCard } from "../cases/WarningsCard.tsx";
import { CreditCheckCard } from "../credit/CreditCheckCard.tsx";
import { useRoleLabel, useUnitName } from "../data.ts";
import { type MsgKey, useI18n } from "../i18n.ts";
import { useActor, useSession } from "../session.tsx";
import { DashboardCard } from "../work/DashboardCard.tsx";
import { DistrictCard } from "../work/DistrictCard.tsx";
import { WorkQueueCard } from "../work/WorkQueueCard.tsx";
import { DeadlineCard } from "./DeadlineCard.tsx";

/** The administrators' pages, by the permission that opens each. */
const ADMIN_PAGES: { path: string; label: MsgKey; anyOf: string[] }[] = [
  {
    path: "/accounts",
    label: "menu.accounts",
    anyOf: ["user.manage", "role.assign", "account.unlock"],
  },
  { path: "/settings", label: "menu.settings", anyOf: ["system.configure"] },
  { path: "/audit", label: "menu.audit", anyOf: ["audit.read"] },
  { path: "/security-log", label: "menu.securityLog", anyOf: ["security_log.read"] },
];

export function HomePage() {
  const { t } = useI18n();
  const actor = useActor();
  const { can } = useSession();
  const roleLabel = useRoleLabel();
  const unitName = useUnitName();
  const business = can(["record.read"]);

  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      <Card data-testid="home" size="small">
        <Space wrap size="middle" align="center">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t("home.greeting", { name: actor.user.displayName })}
          </Typography.Title>
          <Typography.Text type="secondary">{t("home.myUnit")}</Typography.Text>
          <span data-testid="my-unit">{unitName(actor.user.unitId)}</span>
          <Typography.Text type="secondary">{t("home.myRoles")}</Typography.Text>
          <span data-testid="my-roles">
            {actor.roles.map((r) => (
              <Tag key={r} color="red">
                {roleLabel(r, actor.user.regionCode)}
              </Tag>
            ))}
          </span>
          <Typography.Text type="secondary">
            {t("home.scope")}：
            {t(actor.scope === "region" ? "home.scope.region" : "home.scope.unit")}
          </Typography.Text>
        </Space>
      </Card>
      {business ? (
        <>
          <WorkQueueCard />
          <DashboardCard />
          {can(["region.oversee"]) ? <DistrictCard /> : null}
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <WarningsCard />
            </Col>
            <Col xs={24} lg={12}>
              <DeadlineCard />
            </Col>
            <Col xs={24} lg={12}>
              <CreditCheckCard />
            </Col>
          </Row>
        </>
      ) : (
        <Card title={t("admin.title")} data-testid="admin-pages">
          <Typography.Paragraph type="secondary">{t("admin.hint")}</Typography.Paragraph>
          <Space wrap>
            {ADMIN_PAGES.filter((p) => can(p.anyOf)).map((p) => (
              <Link key={p.path} to={p.path} data-testid={`admin-page-${p.path.slice(1)}`}>
                <Button size="large">{t(p.label)}</Button>
              </Link>
            ))}
          </Space>
        </Card>
      )}
    </Space>
  );
}
