/** A case's timeline: each step with its legal date, actor, states, reason and numbers. */
import { Card, Space, Tag, Timeline, Typography } from "antd";
import { formatTime } from "../format.ts";
import { isMsgKey, useI18n } from "../i18n.ts";
import { enumLabel, labelOf, normalize } from "../schema/schema.ts";
import { usePeriodText } from "./DeadlinesPanel.tsx";
import type { CaseType, TimelineEvent } from "./types.ts";

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
function useInputText(type: CaseType | undefined) {
  const { t, lang } = useI18n();
  const periodText = usePeriodText();
  return (e: TimelineEvent): string => {
    if (e.kind === "extend" && e.data) {
      return t("timeline.extendDetail", {
        period: periodText(String(e.data.period ?? "")),
        by: String(e.data.approvedBy ?? ""),
      });
    }
    const input = e.data?.input;
    if (!input || typeof input !== "object") return "";
    const schema = type?.transitions.find((x) => x.action === e.action)?.input;
    const props = schema ? (normalize(schema).properties ?? {}) : {};
    return Object.entries(input as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null && v !== "")
      .map(([k, v]) => {
        const prop = props[k] ?? {};
        const text =
          typeof v === "boolean"
            ? t(v ? "common.yes" : "common.no")
            : typeof v === "object"
              ? JSON.stringify(v)
              : enumLabel(prop, v, lang);
        return `${labelOf(k, prop, lang)}：${text}`;
      })
      .join("；");
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
  const inputText = useInputText(type);
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
                {inputText(e) ? (
                  <div>
                    <Typography.Text type="secondary">{inputText(e)}</Typography.Text>
                  </div>
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
