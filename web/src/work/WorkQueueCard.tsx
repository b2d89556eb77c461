/**
 * The home page's work queue (GET /api/work): the cases where the user can take a step
 * now — its own work, soonest due first — each step a link that opens it on the case page.
 */
import { useQuery } from "@tanstack/react-query";
import { Card, Empty, Space, Statistic, Table, Tag, Typography } from "antd";
import { Link } from "react-router";
import { api } from "../api.ts";
import { DeadlineTag, useRemaining } from "../cases/DeadlinesPanel.tsx";
import { casePath } from "../cases/types.ts";
import { ErrorAlert } from "../components/ErrorDisplay.tsx";
import { type MsgKey, useI18n } from "../i18n.ts";
import { useActor } from "../session.tsx";
import type { WorkItem, WorkPage } from "../wire.ts";

export const WORK_PATH = "/api/work";

export function useWork() {
  return useQuery({
    queryKey: ["api", WORK_PATH],
    queryFn: ({ signal }) => api.get<WorkPage>(WORK_PATH, undefined, signal),
  });
}

/** The link that opens a step on the case page (CaseDetailPage reads `step`). */
export const stepPath = (x: Pick<WorkItem, "caseType" | "caseId">, action: string) =>
  `${casePath(x.caseType, x.caseId)}?step=${encodeURIComponent(action)}`;

const TITLED = ["legal_reviewer", "unit_leader", "case_handler", "rule_of_law_office"] as const;

export function WorkQueueCard() {
  const { t, pick } = useI18n();
  const actor = useActor();
  const query = useWork();
  const remaining = useRemaining();
  // The queue's title names the user's work: the reviewer's reviews, the leader's decisions.
  const role = TITLED.find((r) => actor.roles.includes(r));
  const title = t((role ? `work.title.${role}` : "work.title") as MsgKey);
  const d = query.data;
  return (
    <Card title={title} loading={query.isPending} data-testid="work-queue" data-role={role ?? ""}>
      {query.isError ? <ErrorAlert error={query.error} /> : null}
      <Typography.Paragraph type="secondary">{t("work.hint")}</Typography.Paragraph>
      <Space size="large" style={{ marginBottom: 12 }} wrap>
        <Statistic title={t("work.total")} value={d?.total ?? 0} data-testid="work-total" />
        <Statistic
          title={t("deadline.warning.overdue")}
          value={d?.counts.overdue ?? 0}
          data-testid="work-overdue"
          styles={{ content: { color: d?.counts.overdue ? "#cf1322" : undefined } }}
        />
        <Statistic
          title={t("work.dueToday")}
          value={d?.counts.dueToday ?? 0}
          data-testid="work-due-today"
          styles={{ content: { color: d?.counts.dueToday ? "#d46b08" : undefined } }}
        />
        <Statistic
          title={t("deadline.warning.due_soon")}
          value={d?.counts.dueSoon ?? 0}
          data-testid="work-due-soon"
        />
      </Space>
      {d && d.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("work.none")} />
      ) : (
        <Table<WorkItem>
          size="small"
          rowKey={(x) => `${x.regionCode}:${x.caseId}`}
          dataSource={d?.items ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
          data-testid="work-table"
          columns={[
            {
              title: t("work.due"),
              key: "due",
              width: 190,
              render: (_, x) =>
                x.due ? (
                  <Space orientation="vertical" size={0}>
                    <Space size={4}>
                      <DeadlineTag d={{ state: "running", warning: x.due.warning }} />
                      <Typography.Text strong data-testid="work-due-date">
                        {x.due.due}
                      </Typography.Text>
                    </Space>
                    <Typography.Text type="secondary">
                      {[pick(x.due.label), remaining(x.due)].filter(Boolean).join(" · ")}
                    </Typography.Text>
                  </Space>
                ) : (
                  <Typography.Text type="secondary">{t("work.noDue")}</Typography.Text>
                ),
            },
            {
              title: t("work.case"),
              key: "case",
              render: (_, x) => (
                <Space orientation="vertical" size={0}>
                  <Link to={casePath(x.caseType, x.caseId)} data-testid="work-case">
                    {x.title}
                  </Link>
                  <Typography.Text type="secondary">{pick(x.caseTypeLabel)}</Typography.Text>
                </Space>
              ),
            },
            {
              title: t("work.state"),
              key: "state",
              width: 120,
              render: (_, x) => (
                <Space size={4} wrap>
                  <Tag>{pick(x.stateLabel)}</Tag>
                  {x.suspended ? <Tag color="default">{t("work.suspended")}</Tag> : null}
                </Space>
              ),
            },
            {
              title: t("work.steps"),
              key: "steps",
              render: (_, x) => (
                <Space size={4} wrap>
                  {x.steps.map((s) => (
                    <Link
                      key={s.action}
                      to={stepPath(x, s.action)}
                      data-testid={`work-step-${s.action}`}
                    >
                      <Tag color="blue" style={{ cursor: "pointer" }}>
                        {pick(s.label)}
                      </Tag>
                    </Link>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      )}
      {d && d.total > d.items.length ? (
        <Typography.Text type="secondary">
          {t("work.more", { n: d.total, shown: d.items.length })}
        </Typography.Text>
      ) : null}
    </Card>
  );
}
