/**
 * One case: header (title, numbers, state), the steps this user may take, the clocks,
 * the timeline, the fields and the related cases. Everything comes from
 * GET /api/cases/:type/:id and the type's declaration; nothing is specific to a type.
 */
import {
  ArrowLeftOutlined,
  CommentOutlined,
  FileWordOutlined,
  FileZipOutlined,
} from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Col, Descriptions, Row, Space, Spin, Typography } from "antd";
import { useEffect, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { api, download } from "../api.ts";
import { ErrorAlert } from "../components/ErrorDisplay.tsx";
import { Can } from "../components/PermissionGate.tsx";
import { useUnitName } from "../data.ts";
import { useCaseType } from "../engines.ts";
import { useI18n } from "../i18n.ts";
import { ActionModal, type CaseTarget, type StepSpec } from "./ActionModal.tsx";
import { StateTag } from "./CaseListPage.tsx";
import { CaseFields, CaseRelations } from "./CaseSections.tsx";
import { CaseTimeline } from "./CaseTimeline.tsx";
import { ClockOps } from "./ClockOps.tsx";
import { DeadlinesPanel } from "./DeadlinesPanel.tsx";
import { type CaseDetail, type CaseType, casePath } from "./types.ts";

function NumbersLine({
  type,
  numbers,
  timeline,
}: {
  type: CaseType | undefined;
  numbers: Record<string, string>;
  timeline: CaseDetail["timeline"];
}) {
  const { pick } = useI18n();
  // In the order they were issued.
  const issued = timeline.flatMap((e) => Object.keys(e.data?.numbers ?? {}));
  const rank = (k: string) => (issued.includes(k) ? issued.indexOf(k) : issued.length);
  const entries = Object.entries(numbers).sort(([a], [b]) => rank(a) - rank(b));
  if (entries.length === 0) return null;
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2 }}
      data-testid="case-numbers"
      items={entries.map(([kind, n]) => {
        const declared = type?.numbers?.find((x) => x.kind === kind);
        return {
          key: kind,
          label: declared ? pick(declared.label) : kind,
          children: (
            <Typography.Text copyable data-number={kind}>
              {n}
            </Typography.Text>
          ),
        };
      })}
    />
  );
}

/** 下一步: what may come next in this state and whose work each step is. */
function NextSteps({ next, closed }: { next: CaseDetail["next"]; closed: boolean }) {
  const { t, pick, lang } = useI18n();
  const sep = lang === "zh" ? "、" : ", ";
  return (
    <Alert
      type={closed ? "success" : "info"}
      style={{ marginTop: 8 }}
      data-testid="case-next"
      title={
        <Space wrap size={4}>
          <Typography.Text strong>{t("cases.next")}：</Typography.Text>
          {closed || next.length === 0 ? (
            <span>{t("cases.nextNone")}</span>
          ) : (
            next.map((n, i) => (
              <span key={n.action} data-next={n.action}>
                {t("cases.nextBy", {
                  step: pick(n.label),
                  by: n.by.map((b) => pick(b)).join(sep),
                })}
                {i < next.length - 1 ? "；" : ""}
              </span>
            ))
          )}
        </Space>
      }
    />
  );
}

export function CaseDetailPage() {
  const params = useParams();
  const code = params.type ?? "";
  const id = Number(params.id);
  const { t, pick } = useI18n();
  const unitName = useUnitName();
  const { type } = useCaseType(code);
  const apiPath = `/api/cases/${encodeURIComponent(code)}/${id}`;
  const query = useQuery({
    queryKey: ["api", apiPath],
    queryFn: ({ signal }) => api.get<CaseDetail>(apiPath, undefined, signal),
    enabled: Number.isInteger(id) && id > 0,
  });
  const [step, setStep] = useState<StepSpec | null>(null);
  const { message } = App.useApp();
  const qc = useQueryClient();
  // A work-queue link (?step=action) opens that step once the case and its type are here.
  const [search, setSearch] = useSearchParams();
  const wanted = search.get("step");
  useEffect(() => {
    if (!wanted || !type || !query.data) return;
    const a = query.data.actions.find((x) => x.action === wanted && x.duty);
    if (a) {
      const decl = type.transitions.find((x) => x.action === a.action);
      setStep({
        action: a.action,
        label: pick(a.label),
        sensitive: a.sensitive,
        input: decl?.input ?? null,
      });
    }
    setSearch({}, { replace: true });
  }, [wanted, type, query.data, pick, setSearch]);

  if (query.isError) return <ErrorAlert error={query.error} />;
  if (!query.data) return <Spin />;
  const d = query.data;
  const c = d.case;
  // The user's own steps (kernel/duties.ts): a reviewer or a leader is not offered the
  // handler's 告知 or 当事人放弃权利, though the server would let them record it.
  const mine = d.actions.filter((a) => a.duty);
  const target: CaseTarget = {
    apiPath,
    version: c.version,
    reload: () => {
      void query.refetch();
      // The list of this type and the warnings may have changed with the step.
      void qc.invalidateQueries({ queryKey: ["api", `/api/cases/${encodeURIComponent(code)}`] });
      void qc.invalidateQueries({ queryKey: ["api", "/api/warnings"] });
      void qc.invalidateQueries({ queryKey: ["api", "/api/work"] });
    },
  };
  const openStep = (a: CaseDetail["actions"][number]) => {
    const decl = type?.transitions.find((x) => x.action === a.action);
    setStep({
      action: a.action,
      label: pick(a.label),
      sensitive: a.sensitive,
      input: decl?.input ?? null,
    });
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="case-page">
      <Card
        title={
          <Space wrap>
            <Link to={casePath(code)} aria-label={t("cases.backToList")}>
              <ArrowLeftOutlined />
            </Link>
            <span data-testid="case-title">{c.title}</span>
            <span data-testid="case-state">
              <StateTag type={type} state={c.state} />
            </span>
          </Space>
        }
        extra={
          type ? (
            <Typography.Text type="secondary" data-testid="case-type-label">
              {pick(type.label)}
            </Typography.Text>
          ) : null
        }
      >
        <NumbersLine type={type} numbers={c.numbers} timeline={d.timeline} />
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: "unit", label: t("cases.unit"), children: unitName(c.unitId) },
            { key: "opened", label: t("cases.openedOn"), children: c.openedOn },
            { key: "closed", label: t("cases.closedOn"), children: c.closedOn ?? "—" },
          ]}
        />
        <NextSteps next={d.next} closed={Boolean(c.closedOn)} />
        {d.suspended ? (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 8 }}
            data-testid="case-suspended"
            title={t("cases.suspendedSince", { from: d.suspended.from })}
            description={d.suspended.reason}
          />
        ) : null}
        <Can anyOf={["record.write"]}>
          <Space wrap style={{ marginTop: 16 }} data-testid="case-actions">
            {mine.map((a) => (
              <Button
                key={a.action}
                type={a.sensitive ? "default" : "primary"}
                danger={a.sensitive}
                // the step's form comes from the type's declaration: wait for it
                disabled={!type}
                onClick={() => openStep(a)}
                data-testid={`action-${a.action}`}
              >
                {pick(a.label)}
              </Button>
            ))}
            {type ? <ClockOps type={type} detail={d} target={target} /> : null}
            {(type?.documents ?? [])
              .filter((doc) => doc.states.includes(c.state))
              .map((doc) => (
                <Button
                  key={doc.code}
                  icon={<FileWordOutlined />}
                  data-testid={`document-${doc.code}`}
                  onClick={() =>
                    void download(`${apiPath}/documents/${doc.code}`, {}, `${doc.code}.docx`).catch(
                      (e: Error) => message.error(e.message),
                    )
                  }
                >
                  {pick(doc.label)}
                </Button>
              ))}
            {mine.length === 0 && !c.closedOn ? (
              <Typography.Text type="secondary">{t("cases.noActions")}</Typography.Text>
            ) : null}
          </Space>
        </Can>
        {type?.consultation ? (
          <Link to={`${casePath(c.caseType, c.id)}/consultation`} data-testid="case-consultation">
            <Button style={{ marginTop: 16, marginInlineEnd: 8 }} icon={<CommentOutlined />}>
              {t("cases.consultation")}
            </Button>
          </Link>
        ) : null}
        {type?.dossier ? (
          <Button
            style={{ marginTop: 16 }}
            icon={<FileZipOutlined />}
            data-testid="case-dossier"
            onClick={() =>
              void download(`${apiPath}/dossier.zip`, {}, "dossier.zip").catch((e: Error) =>
                message.error(e.message),
              )
            }
          >
            {pick(type.dossier.label)}
          </Button>
        ) : null}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
            <CaseTimeline type={type} events={d.timeline} />
            <CaseFields type={type} detail={d} />
          </Space>
        </Col>
        <Col xs={24} lg={10}>
          <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
            <DeadlinesPanel
              deadlines={d.deadlines}
              history={d.clockHistory ?? []}
              problems={d.clockProblems ?? []}
            />
            <CaseRelations type={type} detail={d} apiPath={apiPath} />
          </Space>
        </Col>
      </Row>
      <ActionModal target={target} step={step} onClose={() => setStep(null)} />
    </Space>
  );
}
