/** 预警: deadlines due soon or overdue across every case type (GET /api/warnings). */
import { useQuery } from "@tanstack/react-query";
import { Card, Checkbox, Segmented, Space, Table, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { api } from "../api.ts";
import { ErrorAlert } from "../components/ErrorDisplay.tsx";
import { useUnitName } from "../data.ts";
import { useI18n } from "../i18n.ts";
import { DeadlineTag, ProvisionalTag, useRemaining } from "./DeadlinesPanel.tsx";
import { casePath, type Warning } from "./types.ts";

export type LevelFilter = "all" | "due_soon" | "overdue";

export function useWarnings(level: LevelFilter, mine: boolean) {
  const params = { level: level === "all" ? undefined : level, mine: mine ? "true" : undefined };
  return useQuery({
    queryKey: ["api", "/api/warnings", params],
    queryFn: ({ signal }) => api.get<Warning[]>("/api/warnings", params, signal),
    // Every step may start or stop a clock: read afresh whenever shown.
    staleTime: 0,
  });
}

export function WarningsPage() {
  const { t, pick } = useI18n();
  const unitName = useUnitName();
  const remaining = useRemaining();
  const [level, setLevel] = useState<LevelFilter>("all");
  const [mine, setMine] = useState(false);
  const query = useWarnings(level, mine);

  return (
    <Card title={t("warnings.title")}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented<LevelFilter>
          value={level}
          onChange={setLevel}
          data-testid="warnings-level"
          options={[
            { value: "all", label: t("warnings.all") },
            { value: "due_soon", label: t("deadline.warning.due_soon") },
            { value: "overdue", label: t("deadline.warning.overdue") },
          ]}
        />
        <Checkbox
          checked={mine}
          onChange={(e) => setMine(e.target.checked)}
          data-testid="warnings-mine"
        >
          {t("warnings.mine")}
        </Checkbox>
      </Space>
      {query.isError ? <ErrorAlert error={query.error} /> : null}
      <Table<Warning>
        size="middle"
        data-testid="warnings-table"
        loading={query.isFetching}
        dataSource={query.data ?? []}
        rowKey={(w) => `${w.caseType}:${w.caseId}:${w.clock}`}
        scroll={{ x: "max-content" }}
        pagination={{ pageSize: 20, showTotal: (n) => t("common.total", { n }) }}
        columns={[
          {
            title: t("warnings.level"),
            key: "level",
            render: (_, w) => <DeadlineTag d={w} />,
          },
          {
            title: t("warnings.case"),
            key: "case",
            render: (_, w) => <Link to={casePath(w.caseType, w.caseId)}>{w.title}</Link>,
          },
          { title: t("warnings.caseType"), key: "type", render: (_, w) => pick(w.caseTypeLabel) },
          { title: t("warnings.clock"), key: "clock", render: (_, w) => pick(w.label) },
          {
            title: t("deadline.due"),
            key: "due",
            render: (_, w) => (
              <Space size={4}>
                {w.due}
                <ProvisionalTag d={w} />
              </Space>
            ),
          },
          {
            title: t("warnings.remaining"),
            key: "remaining",
            render: (_, w) => remaining(w) || "—",
          },
          { title: t("cases.unit"), key: "unit", render: (_, w) => unitName(w.unitId) },
          {
            title: t("deadline.legalBasis"),
            dataIndex: "legalBasis",
            render: (v: string) => <Typography.Text type="secondary">{v}</Typography.Text>,
          },
        ]}
      />
    </Card>
  );
}
