/** A case's timeline: each step with its legal date, actor, states, reason and numbers. */

import { Card, Space, Tag, Timeline, Typography } from "antd";
import type { ReactNode } from "react";
import { formatTime } from "../format.ts";
import { isMsgKey, useI18n } from "../i18n.ts";
import { usePeriodText } from "./DeadlinesPanel.tsx";
import type { CaseType, TimelineEvent } from "./types.ts";
import { propsOf, useValueRows } from "./values.tsx";

const COLORS: Record<string, string> = {
  created: "blue",
  transition: "green",
  suspend: "gray",
  resume: "blue",
  extend: "orange",
};

/** The label of a step: the transition's, else the engine's own kinds from i18n. */
export function useStepLabel(type: CaseType | undefined): (e: TimelineEvent) => string {
  const { t, pick } = useI18n();
  return (e) => {
    const tr = type?.transitions.find((x) => x.action === e.action);
    if (tr) return pick(tr.label);
    const key = `timeline.${e.action}`;
    return isMsgKey(key) ? t(key) : e.action;
  };
}

/** A step's input as "label: value" pairs, labelled from the step's input schema. */
function useInputView(type: CaseType | undefined) {
  const { t, pick } = useI18n();
  const periodText = usePeriodText();
  const valueRows = useValueRows();
  return (e: TimelineEvent): ReactNode => {
    if (e.kind === "extend" && e.data) {
      return t("timeline.extendDetail", {
        period: periodText(String(e.data.period ?? "")),
        by: String(e.data.approvedBy ?? ""),
      });
    }
    if (e.kind === "suspend" && Array.isArray(e.data?.clocks) && e.data.clocks.length > 0) {
      const names = (e.data.clocks as string[]).map((c) => {
        const k = type?.clocks.find((x) => x.code === c);
        return k ? pick(k.label) : c;
      });
      return names.join("、");
    }
    const input = e.data?.input;
    if (!input || typeof input !== "object" || Array.isArray(input)) return null;
    const schema = type?.transitions.find((x) => x.action === e.action)?.input;
    const rows = valueRows(propsOf(schema), input as Record<string, unknown>);
    if (rows.length === 0) return null;
    return rows.map((r, i) => (
      <span key={r.key} data-input={r.key}>
        {i > 0 ? "；" : null}
        {r.label}：{r.value}
      </span>
    ));
  };
}

export function CaseTimeline({
  type,
  events,
}: {
  type: CaseType | undefined;
  events: TimelineEvent[];
}) {
  const { t, pick, lang } = useI18n();
  const stepLabel = useStepLabel(type);
  const inputView = useInputView(type);
  const stateLabel = (s: string | null) => {
    if (!s) return "";
    const st = type?.states[s];
    return st ? pick(st.label) : s;
  };

  return (
    <Card title={t("cases.timeline")} size="small" data-testid="case-timeline">
      <Timeline
        items={events.map((e) => {
          const numbers = Object.entries(e.data?.numbers ?? {});
          const input = inputView(e);
          const moved = e.fromState && e.toState && e.fromState !== e.toState;
          return {
            key: e.seq,
            color: COLORS[e.kind] ?? "gray",
            title: (
              <Typography.Text type="secondary" title={formatTime(e.at, lang)}>
                {e.onDate}
              </Typography.Text>
            ),
            content: (
              <div data-testid="timeline-item" data-action={e.action}>
                <Space wrap size={4}>
                  <Typography.Text strong>{stepLabel(e)}</Typography.Text>
                  {e.actorName ? <Typography.Text>· {e.actorName}</Typography.Text> : null}
                  {moved ? (
                    <Typography.Text type="secondary">
                      {stateLabel(e.fromState)} → {stateLabel(e.toState)}
                    </Typography.Text>
                  ) : e.toState && !e.fromState ? (
                    <Typography.Text type="secondary">→ {stateLabel(e.toState)}</Typography.Text>
                  ) : null}
                </Space>
                {input ? (
                  <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                    {input}
                  </Typography.Paragraph>
                ) : null}
                {numbers.length > 0 ? (
                  <div>
                    {numbers.map(([kind, n]) => (
                      <Tag key={kind} color="red" data-number={kind}>
                        {n}
                      </Tag>
                    ))}
                  </div>
                ) : null}
                {e.reason ? (
                  <div>
                    <Typography.Text type="secondary">{t("cases.reason")}：</Typography.Text>
                    {e.reason}
                  </div>
                ) : null}
              </div>
            ),
          };
        })}
      />
    </Card>
  );
}
