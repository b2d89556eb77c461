/** The cases of one declared type: filters, paging, and a form for a new case. */
import { PlusOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Button, Card, Space, Spin, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { DataTable } from "../components/DataTable.tsx";
import { ErrorAlert } from "../components/ErrorDisplay.tsx";
import { Can, NotFoundResult } from "../components/PermissionGate.tsx";
import { useUnitName } from "../data.ts";
import { useCaseType } from "../engines.ts";
import { useI18n } from "../i18n.ts";
import { NewCaseModal } from "./NewCaseModal.tsx";
import { type CaseRow, type CaseType, casePath } from "./types.ts";

/** A state's tag: open states in blue, terminal ones plain. */
export function StateTag({ type, state }: { type: CaseType | undefined; state: string }) {
  const { pick } = useI18n();
  const s = type?.states[state];
  return (
    <Tag color={s?.terminal ? "default" : "processing"} data-state={state}>
      {s ? pick(s.label) : state}
    </Tag>
  );
}

/** Issued numbers, one per line. */
export function NumberList({ numbers }: { numbers: Record<string, string> }) {
  const entries = Object.entries(numbers);
  if (entries.length === 0) return null;
  return (
    <Space orientation="vertical" size={0}>
      {entries.map(([kind, n]) => (
        <Typography.Text key={kind} data-number={kind}>
          {n}
        </Typography.Text>
      ))}
    </Space>
  );
}

function CaseTable({ type }: { type: CaseType }) {
  const { t, pick } = useI18n();
  const unitName = useUnitName();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const path = `/api/cases/${encodeURIComponent(type.code)}`;

  return (
    <Card title={pick(type.label)}>
      <DataTable<CaseRow>
        testId="case-table"
        path={path}
        serverPaging="page"
        rowKey="id"
        filters={[
          {
            name: "state",
            label: "cases.state",
            options: Object.entries(type.states).map(([code, s]) => ({
              value: code,
              label: pick(s.label),
            })),
          },
          {
            name: "open",
            label: "cases.progress",
            width: 120,
            options: [
              { value: "true", label: t("cases.openOnly") },
              { value: "false", label: t("cases.closedOnly") },
            ],
          },
          { name: "q", label: "cases.search" },
        ]}
        toolbar={
          <Can anyOf={["record.write"]}>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="case-new"
            >
              {t("cases.new")}
            </Button>
          </Can>
        }
        columns={[
          {
            title: t("cases.title"),
            dataIndex: "title",
            render: (title: string, c) => <Link to={casePath(type.code, c.id)}>{title}</Link>,
          },
          {
            title: t("cases.numbers"),
            key: "numbers",
            render: (_, c) => <NumberList numbers={c.numbers} />,
          },
          {
            title: t("cases.state"),
            key: "state",
            render: (_, c) => <StateTag type={type} state={c.state} />,
          },
          { title: t("cases.unit"), key: "unit", render: (_, c) => unitName(c.unitId) },
          { title: t("cases.openedOn"), dataIndex: "openedOn" },
          { title: t("cases.closedOn"), dataIndex: "closedOn" },
        ]}
      />
      <NewCaseModal
        type={type}
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(c) => {
          void qc.invalidateQueries({ queryKey: ["api", path] });
          void qc.invalidateQueries({ queryKey: ["api", "/api/work"] });
          // The user lands on the new case: its next step is there.
          navigate(casePath(type.code, c.id));
        }}
      />
    </Card>
  );
}

export function CaseListPage() {
  const { type: code } = useParams();
  const { type, isPending, error } = useCaseType(code);
  if (error) return <ErrorAlert error={error} />;
  if (isPending) return <Spin />;
  if (!type) return <NotFoundResult />;
  // A new type is a new page: filters and paging start afresh.
  return <CaseTable key={type.code} type={type} />;
}
