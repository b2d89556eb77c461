/** The records behind a figure (GET /api/indicators/:id/drill), each leading to its page. */
import { useQuery } from "@tanstack/react-query";
import { Descriptions, Drawer, Table, Tag, Typography } from "antd";
import { Link } from "react-router";
import { api } from "../api.ts";
import { casePath } from "../cases/types.ts";
import { ErrorAlert } from "../components/ErrorDisplay.tsx";
import { useUnitName } from "../data.ts";
import { useCaseTypes, useRegisters } from "../engines.ts";
import { useI18n } from "../i18n.ts";
import { registerPath } from "../registers/types.ts";
import { type DrillAnswer, type DrillRow, formatValue } from "./types.ts";

const PAGE = 500;

/** The web page of a drill row: the case page, the register entry, or none (a unit). */
export function rowPath(r: DrillRow): string | null {
  if (r.kind === "case") return casePath(r.type, r.id);
  if (r.kind === "register") {
    return `${registerPath(r.type)}/${encodeURIComponent(r.regionCode)}/${r.id}`;
  }
  return null;
}

/** The parts of a derived indicator's records (engine queries/derived.ts). */
const PARTS: Record<string, { zh: string; en: string }> = {
  numerator: { zh: "计入分子", en: "numerator" },
  denominator: { zh: "计入分母", en: "denominator" },
  current: { zh: "本期", en: "this period" },
  previous: { zh: "上期", en: "last period" },
};
const EXTRA_LABELS: Record<string, { zh: string; en: string }> = {
  state: { zh: "状态", en: "State" },
  openedOn: { zh: "立案日期", en: "Opened" },
  closedOn: { zh: "办结日期", en: "Closed" },
  onDate: { zh: "日期", en: "Date" },
  field: { zh: "计数字段", en: "Counted field" },
};

export function DrillDrawer({
  id,
  scope,
  onClose,
}: {
  id: string | null;
  scope: { region?: string; year?: number; unitId?: number };
  onClose: () => void;
}) {
  const { t, pick } = useI18n();
  const unitName = useUnitName();
  const caseTypes = useCaseTypes().data ?? [];
  const registers = useRegisters().data ?? [];
  const path = `/api/indicators/${encodeURIComponent(id ?? "")}/drill`;
  const params = { ...scope, limit: PAGE };
  const query = useQuery({
    queryKey: ["api", path, params],
    queryFn: ({ signal }) => api.get<DrillAnswer>(path, params, signal),
    enabled: id !== null,
  });
  const d = query.data;
  /** A record's details in words: the state's name, dates, the part it counts in. */
  const extraText = (r: DrillRow) =>
    Object.entries(r.extra ?? {})
      .filter(
        ([k, v]) =>
          v !== null && v !== undefined && v !== "" && (k in EXTRA_LABELS || k === "part"),
      )
      .map(([k, v]) => {
        if (k === "part") return pick(PARTS[String(v)], "");
        if (k === "state" && r.kind === "case") {
          const st = caseTypes.find((x) => x.code === r.type)?.states[String(v)];
          return `${pick(EXTRA_LABELS.state)}：${st ? pick(st.label) : ""}`;
        }
        if (k === "field" && r.kind === "register") {
          const col = registers.find((x) => x.code === r.type)?.columns.find((c) => c.field === v);
          return `${pick(EXTRA_LABELS.field)}：${col ? pick(col.label) : ""}`;
        }
        return `${pick(EXTRA_LABELS[k])}：${String(v)}`;
      })
      .filter(Boolean)
      .join(" · ");
  const typeLabel = (r: DrillRow) => {
    if (r.kind === "case") {
      const c = caseTypes.find((x) => x.code === r.type);
      return c ? pick(c.label) : r.type;
    }
    if (r.kind === "register") {
      const g = registers.find((x) => x.code === r.type);
      return g ? pick(g.label) : r.type;
    }
    return t("ind.kind.unit");
  };

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={820}
      title={d ? pick(d.label) : t("ind.drill")}
      data-testid="drill-drawer"
    >
      {query.isError ? <ErrorAlert error={query.error} /> : null}
      {d ? (
        <Descriptions
          size="small"
          column={2}
          style={{ marginBottom: 16 }}
          items={[
            {
              key: "value",
              label: t("ind.value"),
              children: (
                <Typography.Text strong>
                  {formatValue(d.value, d.decimals)} {pick(d.unit)}
                </Typography.Text>
              ),
            },
            { key: "period", label: t("ind.periodLabel"), children: `${d.from} — ${d.to}` },
            { key: "def", label: t("ind.definition"), span: 2, children: pick(d.definition) },
          ]}
        />
      ) : null}
      <Table<DrillRow>
        size="small"
        data-testid="drill-table"
        loading={query.isFetching}
        dataSource={d?.rows ?? []}
        rowKey={(r, i) => `${r.kind}:${r.regionCode}:${r.id}:${i}`}
        pagination={{ pageSize: 20, showTotal: (n) => t("common.total", { n }) }}
        columns={[
          {
            title: t("ind.record"),
            key: "title",
            render: (_, r) => {
              const to = rowPath(r);
              return to ? <Link to={to}>{r.title}</Link> : r.title;
            },
          },
          {
            title: t("ind.kind"),
            key: "kind",
            render: (_, r) => <Tag>{typeLabel(r)}</Tag>,
          },
          { title: t("cases.unit"), key: "unit", render: (_, r) => unitName(r.unitId) },
          { title: t("ind.contribution"), dataIndex: "value" },
          {
            title: t("ind.detail"),
            key: "extra",
            render: (_, r) => (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {extraText(r)}
              </Typography.Text>
            ),
          },
        ]}
      />
      {d && d.total > d.rows.length ? (
        <Typography.Text type="secondary">
          {t("ind.truncated", { shown: d.rows.length, total: d.total })}
        </Typography.Text>
      ) : null}
    </Drawer>
  );
}
