/** The home page's warning card: counts by level and the most urgent few. */
import { Card, Empty, List, Space, Statistic, Typography } from "antd";
import { Link } from "react-router";
import { useI18n } from "../i18n.ts";
import { DeadlineTag } from "./DeadlinesPanel.tsx";
import { casePath } from "./types.ts";
import { useWarnings } from "./WarningsPage.tsx";

const SHOWN = 5;

export function WarningsCard() {
  const { t, pick } = useI18n();
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
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
