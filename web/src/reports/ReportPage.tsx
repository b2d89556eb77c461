/**
 * A report: its text with live figures (each opens the records behind it), the writer's
 * checks, the editor by section (ReportEditor.tsx, tab 分节编辑, `?tab=edit`), and the
 * lifecycle — submit for secrecy review, pass it (confirming no secrets; not by the
 * report's writer: the server says why in `refused`), publish (freezes figures, records
 * and fingerprint). Returning it for changes is also here; the case page has the rest.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Input,
  List,
  Modal,
  Space,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import { useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { api } from "../api.ts";
import { casePath } from "../cases/types.ts";
import { ErrorAlert } from "../components/ErrorDisplay.tsx";
import { useI18n } from "../i18n.ts";
import { DrillDrawer } from "../indicators/DrillDrawer.tsx";
import { useSession } from "../session.tsx";
import { ReportEditor } from "./ReportEditor.tsx";
import {
  CHECK_COLORS,
  EDITOR_LABELS,
  headingNumbers,
  type ReportPreview,
  STATE_LABELS,
} from "./types.ts";

export function ReportPage() {
  const { id } = useParams();
  const { pick } = useI18n();
  const { can } = useSession();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [drill, setDrill] = useState<string | null>(null);
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") === "edit" ? "edit" : "preview";
  const [review, setReview] = useState(false);
  const [opinion, setOpinion] = useState("");
  const [noSecrets, setNoSecrets] = useState(false);
  const q = useQuery({
    queryKey: ["report", id],
    queryFn: () => api.get<ReportPreview>(`/api/reports/${id}/preview`),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ["report", id] });
  const stepM = useMutation({
    mutationFn: (p: { action: string; input?: unknown }) =>
      api.post(`/api/cases/annual_report/${id}/actions/${p.action}`, {
        version: q.data!.version,
        input: p.input ?? {},
      }),
    onSuccess: () => {
      setReview(false);
      return refresh();
    },
  });
  const publishM = useMutation({
    mutationFn: () =>
      api.post<{ id: number; region: string }>(`/api/reports/${id}/publish`, {
        version: q.data!.version,
      }),
    onSuccess: (p) => navigate(`/reports/published/${p.region}/${p.id}`),
  });
  const r = q.data;
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!r) return <Card loading />;
  const figure = new Map(r.figures.map((f) => [f.key, f]));
  const checksOf = new Map<string, string[]>();
  for (const c of r.checks) checksOf.set(c.key, [...(checksOf.get(c.key) ?? []), c.kind]);
  const numbers = headingNumbers(r.blocks);
  const oversee = can(["region.oversee"]);
  const reviewRefused = r.refused.find((x) => x.action === "pass_review");
  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <Space wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {pick({ zh: `${r.year}年度法治政府建设情况报告`, en: `Annual report ${r.year}` })}
        </Typography.Title>
        <Tag color="blue">{pick(STATE_LABELS[r.state], r.state)}</Tag>
      </Space>
      <Space wrap>
        <Link to={casePath("annual_report", r.id)}>
          {pick({ zh: "办理页面（办理记录）", en: "Case page" })}
        </Link>
        <a href={`/api/reports/${r.id}/report.docx`}>
          {pick({ zh: "下载公文（报送版）", en: "Download (.docx)" })}
        </a>
        <a href={`/api/reports/${r.id}/report.docx?version=public`}>
          {pick({ zh: "下载公文（公开版）", en: "Public version (.docx)" })}
        </a>
        {r.state === "draft" && (
          <Button
            onClick={() => stepM.mutate({ action: "submit_review" })}
            loading={stepM.isPending}
          >
            {pick({ zh: "提交保密审查", en: "Submit for secrecy review" })}
          </Button>
        )}
        {r.state === "secrecy_review" && oversee && (
          <Tooltip title={reviewRefused ? pick(reviewRefused.message) : undefined}>
            <Button
              type="primary"
              disabled={Boolean(reviewRefused)}
              onClick={() => setReview(true)}
            >
              {pick({ zh: "保密审查", en: "Secrecy review" })}
            </Button>
          </Tooltip>
        )}
        {r.state === "approved" && oversee && (
          <Button
            type="primary"
            danger
            onClick={() => publishM.mutate()}
            loading={publishM.isPending}
          >
            {pick({ zh: "报送上级并向社会公开", en: "Submit and publish" })}
          </Button>
        )}
      </Space>
      <ErrorAlert error={stepM.error ?? publishM.error} />
      {r.state === "secrecy_review" && oversee && reviewRefused && (
        <Alert
          type="warning"
          showIcon
          data-testid="review-refused"
          title={pick(reviewRefused.message)}
        />
      )}
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === "edit" ? { tab: "edit" } : {})}
        items={[
          { key: "preview", label: pick(EDITOR_LABELS.tabPreview) },
          { key: "edit", label: pick(EDITOR_LABELS.tabEdit) },
        ]}
      />
      {tab === "edit" ? (
        <>
          {r.state !== "draft" && (
            <Alert type="info" showIcon title={pick(EDITOR_LABELS.readOnly)} />
          )}
          <ReportEditor
            report={r}
            editable={r.state === "draft" && can(["record.write"])}
            onDrill={setDrill}
          />
        </>
      ) : (
        <>
          <Card title={pick({ zh: "核对提示", en: "Checks" })} size="small">
            <List
              size="small"
              dataSource={r.checks}
              locale={{ emptyText: pick({ zh: "没有发现问题", en: "No problems" }) }}
              renderItem={(c) => (
                <List.Item>
                  <Tag color={CHECK_COLORS[c.kind]}>{pick(figure.get(c.key)?.label, c.key)}</Tag>
                  {pick(c.message)}
                </List.Item>
              )}
            />
          </Card>
          <Card>
            <article
              className="report-preview"
              style={{ maxWidth: 760, fontSize: 16, lineHeight: 1.9 }}
            >
              {r.blocks
                .map((b, n) => ({ ...b, id: n, parts: b.parts.map((p, k) => ({ ...p, id: k })) }))
                .map((b) =>
                  b.kind === "heading" ? (
                    <Typography.Title key={b.id} level={b.level === 1 ? 4 : 5}>
                      {numbers[b.id]}
                      {b.parts.map((p) => p.text).join("")}
                    </Typography.Title>
                  ) : (
                    <p key={b.id} style={{ textIndent: "2em" }}>
                      {b.parts.map((p) => {
                        if (p.kind === "text") return <span key={p.id}>{p.text}</span>;
                        const f = figure.get(p.key ?? "");
                        const flagged = checksOf
                          .get(p.key ?? "")
                          ?.some((k) => CHECK_COLORS[k] === "red");
                        return (
                          <Tooltip key={p.id} title={f ? `${pick(f.label)}：${f.text}` : p.key}>
                            <Button
                              type="link"
                              size="small"
                              data-figure={p.key}
                              style={{
                                padding: 0,
                                height: "auto",
                                color: flagged ? "#cf1322" : undefined,
                              }}
                              onClick={() => f && !f.pending && setDrill(f.indicator)}
                            >
                              {p.text}
                            </Button>
                          </Tooltip>
                        );
                      })}
                    </p>
                  ),
                )}
            </article>
          </Card>
        </>
      )}
      <DrillDrawer
        id={drill}
        scope={{ region: r.region, year: r.year }}
        onClose={() => setDrill(null)}
      />
      <Modal
        open={review}
        title={pick({ zh: "保密审查", en: "Secrecy review" })}
        onCancel={() => setReview(false)}
        footer={[
          <Button
            key="back"
            onClick={() => stepM.mutate({ action: "return_draft", input: { opinion } })}
          >
            {pick({ zh: "退回修改", en: "Return" })}
          </Button>,
          <Button
            key="ok"
            type="primary"
            disabled={!noSecrets || !opinion.trim()}
            onClick={() =>
              stepM.mutate({ action: "pass_review", input: { opinion, noSecrets: true } })
            }
          >
            {pick({ zh: "审查通过", en: "Pass" })}
          </Button>,
        ]}
      >
        <Space direction="vertical" style={{ width: "100%" }}>
          <Alert
            type="info"
            message={pick({
              zh: "公开版不含联系人等个人信息。",
              en: "The public version leaves out personal contact details.",
            })}
          />
          <Typography.Text>{pick({ zh: "审查意见", en: "Opinion" })}</Typography.Text>
          <Input.TextArea
            value={opinion}
            onChange={(e) => setOpinion(e.target.value)}
            aria-label="审查意见"
          />
          <Checkbox checked={noSecrets} onChange={(e) => setNoSecrets(e.target.checked)}>
            {pick({
              zh: "确认不含国家秘密和工作秘密",
              en: "Confirmed free of state and work secrets",
            })}
          </Checkbox>
        </Space>
      </Modal>
    </Space>
  );
}
