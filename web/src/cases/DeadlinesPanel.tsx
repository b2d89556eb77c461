/** A case's clocks: due date, legal basis, what remains, coloured by warning level. */
import { Card, Descriptions, Empty, Space, Tag, Tooltip, Typography } from "antd";
import { Basis } from "../components/Basis.tsx";
import { type MsgKey, useI18n } from "../i18n.ts";
import type { Deadline } from "./types.ts";

const UNIT_KEYS: Record<string, MsgKey> = {
  working_day: "deadline.unit.wd",
  calendar_day: "deadline.unit.d",
  day: "deadline.unit.d",
  month: "deadline.unit.m",
  hour: "deadline.unit.h",
};

/** The tag colour: suspended grey, stopped plain, else by warning level. */
export function deadlineColor(d: Pick<Deadline, "state" | "warning">): string {
  if (d.state === "suspended") return "#8c8c8c";
  if (d.state === "stopped") return "default";
  if (d.warning === "overdue") return "red";
  if (d.warning === "due_soon") return "orange";
  return "green";
}

/** The tag text: the clock's state, or its warning level while it runs. */
export function DeadlineTag({ d }: { d: Pick<Deadline, "state" | "warning"> }) {
  const { t } = useI18n();
  const text =
    d.state === "running" ? t(`deadline.warning.${d.warning}`) : t(`deadline.state.${d.state}`);
  return (
    <Tag color={deadlineColor(d)} data-warning={d.state === "running" ? d.warning : d.state}>
      {text}
    </Tag>
  );
}

/** "剩余 5 个工作日" / "超期 2 个工作日". */
export function useRemaining(): (d: Pick<Deadline, "remaining" | "remainingUnit">) => string {
  const { t } = useI18n();
  return (d) => {
    if (d.remaining === undefined) return "";
    const key = d.remainingUnit ? UNIT_KEYS[d.remainingUnit] : undefined;
    const unit = key ? t(key) : (d.remainingUnit ?? "");
    return d.remaining >= 0
      ? t("deadline.remaining", { n: d.remaining, unit })
      : t("deadline.overdueBy", { n: -d.remaining, unit });
  };
}

const PERIOD_UNITS: Record<string, MsgKey> = {
  wd: "deadline.unit.wd",
  d: "deadline.unit.d",
  m: "deadline.unit.m",
  h: "deadline.unit.h",
};

/** "20wd" → "20 个工作日" (as written when the form is unknown). */
export function usePeriodText(): (period: string) => string {
  const { t } = useI18n();
  return (period) => {
    const m = /^(\d+)(wd|d|m|h)$/.exec(period);
    const key = m?.[2] ? PERIOD_UNITS[m[2]] : undefined;
    return m && key ? `${m[1]} ${t(key)}` : period;
  };
}

export function ProvisionalTag({ d }: { d: Pick<Deadline, "provisional" | "provisionalYears"> }) {
  const { t } = useI18n();
  if (!d.provisional) return null;
  return (
    <Tooltip title={t("deadline.provisionalHint", { years: d.provisionalYears.join("、") })}>
      <Tag color="orange" data-testid="deadline-provisional">
        {t("deadline.provisional")}
      </Tag>
    </Tooltip>
  );
}

export function DeadlinesPanel({
  deadlines,
  history = [],
  problems = [],
}: {
  deadlines: Deadline[];
  history?: Deadline[];
  problems?: { clock: string; message: string }[];
}) {
  const { t, pick } = useI18n();
  const remaining = useRemaining();
  const periodText = usePeriodText();
  return (
    <Card title={t("cases.deadlines")} size="small" data-testid="case-deadlines">
      {deadlines.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("cases.noDeadlines")} />
      ) : (
        <Space orientation="vertical" style={{ width: "100%" }} size="middle">
          {deadlines.map((d) => (
            <div key={d.clock} data-testid={`deadline-${d.clock}`} data-state={d.state}>
              <Space wrap style={{ marginBottom: 4 }}>
                <Typography.Text strong>{pick(d.label)}</Typography.Text>
                <DeadlineTag d={d} />
                <ProvisionalTag d={d} />
              </Space>
              <Descriptions
                size="small"
                column={1}
                items={[
                  {
                    key: "due",
                    label: t("deadline.due"),
                    children: (
                      <span data-testid="deadline-due-date">
                        {d.dueAt ? new Date(d.dueAt).toLocaleString("zh-CN") : (d.due ?? "—")}{" "}
                        {remaining(d) ? `（${remaining(d)}）` : ""}
                      </span>
                    ),
                  },
                  { key: "period", label: t("deadline.period"), children: periodText(d.period) },
                  {
                    key: "started",
                    label: t("deadline.start"),
                    children: `${d.stoppedOn ? `${d.startedOn} → ${d.stoppedOn}` : d.startedOn}${
                      (d.instance ?? 1) > 1
                        ? `（${t("deadline.instance", { n: d.instance ?? 1 })}）`
                        : ""
                    }`,
                  },
                  {
                    key: "basis",
                    label: t("deadline.legalBasis"),
                    children: <Basis basis={d.legalBasis} />,
                  },
                ]}
              />
            </div>
          ))}
        </Space>
      )}
      {history.length > 0 ? (
        <div data-testid="deadline-history" style={{ marginTop: 12 }}>
          <Typography.Text type="secondary">{t("deadline.history")}</Typography.Text>
          <ul style={{ margin: "4px 0 0", paddingInlineStart: 20 }}>
            {history.map((d) => (
              <li key={`${d.clock}:${d.instance}`}>
                {pick(d.label)}（{t("deadline.instance", { n: d.instance ?? 1 })}）：{d.startedOn} →{" "}
                {d.stoppedOn ?? "—"}，{t("deadline.due")} {d.due ?? "—"}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {problems.length > 0 ? (
        <Typography.Paragraph
          type="danger"
          data-testid="deadline-problems"
          style={{ marginTop: 12 }}
        >
          {t("deadline.problems")}：
          {problems
            .map((p) =>
              pick([...deadlines, ...history].find((d) => d.clock === p.clock)?.label, p.message),
            )
            .join("、")}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}
