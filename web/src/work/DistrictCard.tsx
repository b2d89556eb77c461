/**
 * The rule-of-law office's district view on its home page: time limits overdue and due
 * soon by unit (GET /api/work's `byUnit`). The district's figures against the year
 * before are the DashboardCard's (GET /api/dashboard).
 */
import { Card, Col, Empty, Row, Table, Typography } from "antd";
import { Link } from "react-router";
import { useUnitName } from "../data.ts";
import { useI18n } from "../i18n.ts";
import { useWork } from "./WorkQueueCard.tsx";

export function DistrictCard() {
  const { t } = useI18n();
  const unitName = useUnitName();
  const work = useWork();
  const byUnit = work.data?.byUnit ?? [];
  return (
    <Card title={t("district.title")} data-testid="district-card">
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <Typography.Title level={5}>{t("district.byUnit")}</Typography.Title>
          {byUnit.length === 0 && !work.isPending ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("district.noWarnings")} />
          ) : (
            <Table
              size="small"
              loading={work.isPending}
              rowKey="unitId"
              dataSource={byUnit}
              pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
              data-testid="district-by-unit"
              columns={[
                {
                  title: t("district.unit"),
                  key: "unit",
                  render: (_, u) => <Link to="/warnings">{unitName(u.unitId)}</Link>,
                },
                {
                  title: t("deadline.warning.overdue"),
                  dataIndex: "overdue",
                  align: "right",
                  render: (n: number) => (
                    <Typography.Text type={n > 0 ? "danger" : undefined} strong={n > 0}>
                      {n}
                    </Typography.Text>
                  ),
                },
                { title: t("deadline.warning.due_soon"), dataIndex: "dueSoon", align: "right" },
              ]}
            />
          )}
        </Col>
      </Row>
    </Card>
  );
}
