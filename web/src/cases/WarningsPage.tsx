/** 预警: deadlines due soon or overdue across every case type (GET /api/warnings). */

import { DownloadOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { App, Button, Card, Checkbox, Segmented, Select, Space, Table, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { api, download } from "../api.ts";
import { Basis } from "../components/Basis.tsx";
import { ErrorAlert } from "../components/ErrorDisplay.tsx";
import { useUnitName, useUnitOptions } from "../data.ts";
import { useI18n } from "../i18n.ts";
import { DeadlineTag, ProvisionalTag, useRemaining } from "./DeadlinesPanel.tsx";
import { casePath, type Warning, type WarningPage } from "./types.ts";

export type LevelFilter = "all" | "due_soon" | "overdue";

/** Warnings per page of the list. */
export const PAGE_SIZE = 20;

/** The list's filters as query parameters (the list and its export). */
function filterParams(level: LevelFilter, mine: boolean, unitId?: number) {
  return {
    level: level === "all" ? undefined : level,
    mine: mine ? "true" : undefined,
    unitId: unitId === undefined ? undefined : String(unitId),
  };
}

/** One page of warnings, paged on the server (`cursor` of the page before). */
export function useWarnings(
  level: LevelFilter,
  mine: boolean,
  limit: number,
  cursor?: string,
  unitId?: number,
) {
  const params = { ...filterParams(level, mine, unitId), limit: String(limit), cursor };
  return useQuery({
    queryKey: ["api", "/api/warnings", params],
    queryFn: ({ signal }) => api.get<WarningPage>("/api/warnings", params, signal),
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
  const [unitId, setUnitId] = useState<number | undefined>(undefined);
  const unitOptions = useUnitOptions("id");
  const { message } = App.useApp();
  // The cursors of the pages shown so far: the first page has none.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const query = useWarnings(level, mine, PAGE_SIZE, cursors.at(-1), unitId);
  const restart = () => setCursors([undefined]);
  const next = query.data?.nextCursor;

  return (
    <Card title={t("warnings.title")}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented<LevelFilter>
          value={level}
          onChange={(v) => {
            setLevel(v);
            restart();
          }}
          data-testid="warnings-level"
          options={[
            { value: "all", label: t("warnings.all") },
            { value: "due_soon", label: t("deadline.warning.due_soon") },
            { value: "overdue", label: t("deadline.warning.overdue") },
          ]}
        />
        <Checkbox
          checked={mine}
          onChange={(e) => {
            setMine(e.target.checked);
            restart();
          }}
          data-testid="warnings-mine"
        >
          {t("warnings.mine")}
        </Checkbox>
        <Select
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          placeholder={t("warnings.byUnit")}
          style={{ width: 260 }}
          options={unitOptions}
          value={unitId === undefined ? undefined : String(unitId)}
          onChange={(v?: string) => {
            setUnitId(v ? Number(v) : undefined);
            restart();
          }}
          data-testid="warnings-unit"
        />
        <Button
          icon={<DownloadOutlined />}
          data-testid="warnings-export"
          onClick={() =>
            void download(
              "/api/warnings/export.xlsx",
              filterParams(level, mine, unitId),
              "期限预警.xlsx",
            ).catch((e: Error) => message.error(e.message))
          }
        >
          {t("common.exportXlsx")}
        </Button>
      </Space>
      {query.isError ? <ErrorAlert error={query.error} /> : null}
      <Table<Warning>
        size="middle"
        data-testid="warnings-table"
        loading={query.isFetching}
        dataSource={query.data?.items ?? []}
        rowKey={(w) => `${w.caseType}:${w.caseId}:${w.clock}`}
        pagination={false}
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
          {
            title: t("warnings.daysOverdue"),
            key: "daysOverdue",
            align: "right",
            render: (_, w) => (w.daysOverdue > 0 ? w.daysOverdue : "—"),
          },
          { title: t("cases.unit"), key: "unit", render: (_, w) => unitName(w.unitId) },
          {
            title: t("warnings.handler"),
            key: "handler",
            render: (_, w) => w.handlerName ?? "—",
          },
          {
            title: t("deadline.legalBasis"),
            key: "basis",
            width: 260,
            render: (_, w) => (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                <Basis basis={w.legalBasis} />
              </Typography.Text>
            ),
          },
        ]}
      />
      <Space style={{ marginTop: 16 }} data-testid="warnings-pager">
        <Typography.Text type="secondary">
          {t("common.total", { n: query.data?.total ?? 0 })}
        </Typography.Text>
        <Button
          size="small"
          disabled={cursors.length <= 1}
          onClick={() => setCursors((c) => c.slice(0, -1))}
          data-testid="warnings-previous"
        >
          {t("warnings.previous")}
        </Button>
        <Typography.Text>{t("warnings.page", { n: cursors.length })}</Typography.Text>
        <Button
          size="small"
          disabled={!next}
          onClick={() => next && setCursors((c) => [...c, next])}
          data-testid="warnings-next"
        >
          {t("warnings.next")}
        </Button>
      </Space>
    </Card>
  );
}
