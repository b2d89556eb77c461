/**
 * The home page's warning card: counts by level and the most urgent few, each with its
 * responsible unit and person (the whole list, paged, is the warnings page).
 */
import { Card, Empty, List, Space, Statistic, Typography } from "antd";
import { Link } from "react-router";
import { useUnitName } from "../data.ts";
import { useI18n } from "../i18n.ts";
import { DeadlineTag } from "./DeadlinesPanel.tsx";
import { casePath } from "./types.ts";
import { useWarnings } from "./WarningsPage.tsx";

const SHOWN = 8;

export function WarningsCard() {
  const { t, pick } = useI18n();
  const unitName = useUnitName();
  // The most urgent few; the counts cover the whole list (computed by the server).
  const query = useWarnings("all", false, SHOWN);
  const all = query.data?.items ?? [];
  const overdue = query.data?.counts.overdue ?? 0;
  const dueSoon = query.data?.counts.dueSoon ?? 0;
  return (
    <Card
      title={t("warnings.card")}
      loading={query.isPending}
      extra={<Link to="/warnings">{t("warnings.viewAll")}</Link>}
      data-testid="warnings-card"
    >
      <Space size="large" style={{ marginBottom: 12 }}>
        <Statistic
          data-testid="warnings-overdue-count"
          title={t("deadline.warning.overdue")}
          value={overdue}
          styles={{ content: { color: overdue > 0 ? "#cf1322" : undefined } }}
        />
        <Statistic
          data-testid="warnings-due-soon-count"
          title={t("deadline.warning.due_soon")}
          value={dueSoon}
          styles={{ content: { color: dueSoon > 0 ? "#d46b08" : undefined } }}
        />
      </Space>
      {all.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("warnings.none")} />
      ) : (
        <List
          size="small"
          dataSource={all}
          renderItem={(w) => (
            <List.Item>
              <Space wrap size={4}>
                <DeadlineTag d={w} />
                <Link to={casePath(w.caseType, w.caseId)}>{w.title}</Link>
                <Typography.Text type="secondary">
                  {pick(w.label)} · {w.due}
                </Typography.Text>
                <Typography.Text type="secondary" data-testid="warning-responsible">
                  {unitName(w.unitId)}
                  {w.handlerName ? ` · ${w.handlerName}` : ""}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
