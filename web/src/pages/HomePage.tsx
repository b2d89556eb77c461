import { Card, Col, Descriptions, Row, Space, Tag, Typography } from "antd";
import { WarningsCard } from "../cases/WarningsCard.tsx";
import { Can } from "../components/PermissionGate.tsx";
import { useRoleLabel, useUnitName } from "../data.ts";
import { useI18n } from "../i18n.ts";
import { useActor } from "../session.tsx";
import { DeadlineCard } from "./DeadlineCard.tsx";

export function HomePage() {
  const { t } = useI18n();
  const actor = useActor();
  const roleLabel = useRoleLabel();
  const unitName = useUnitName();

  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      <Card data-testid="home">
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t("home.greeting", { name: actor.user.displayName })}
        </Typography.Title>
        <Descriptions
          column={1}
          items={[
            {
              key: "unit",
              label: t("home.myUnit"),
              children: <span data-testid="my-unit">{unitName(actor.user.unitId)}</span>,
            },
            {
              key: "roles",
              label: t("home.myRoles"),
              children: (
                <span data-testid="my-roles">
                  {actor.roles.map((r) => (
                    <Tag key={r} color="red">
                      {roleLabel(r, actor.user.regionCode)}
                    </Tag>
                  ))}
                </span>
              ),
            },
            {
              key: "scope",
              label: t("home.scope"),
              children: t(actor.scope === "region" ? "home.scope.region" : "home.scope.unit"),
            },
          ]}
        />
      </Card>
      <Row gutter={[16, 16]}>
        <Can anyOf={["record.read"]}>
          <Col xs={24} lg={12}>
            <WarningsCard />
          </Col>
        </Can>
        <Col xs={24} lg={12}>
          <DeadlineCard />
        </Col>
      </Row>
    </Space>
  );
}
