/**
 * The office's handling of a draft's public comment (engines/consultation; docs/rules.md):
 * every comment, hidden ones too, with the moderation trail; hide / restore with a
 * reason; the answers drafted one by one, then published together; the consolidated
 * adoption report (意见采纳情况及理由, .docx) downloaded and published.
 */
import { ArrowLeftOutlined, FileWordOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  App,
  Button,
  Card,
  Descriptions,
  Popconfirm,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { api, download } from "../api.ts";
import { casePath } from "../cases/types.ts";
import { ErrorAlert } from "../components/ErrorDisplay.tsx";
import { Can } from "../components/PermissionGate.tsx";
import { formatTime } from "../format.ts";
import { useI18n } from "../i18n.ts";
import { AnswerModal, ModerateModal } from "./CommentModals.tsx";
import { type Comment, type Consultation, consultationApi } from "./types.ts";

const WRITE = ["record.write"] as const;

export function ConsultationPage() {
  const { type = "", id: idParam = "" } = useParams();
  const id = Number(idParam);
  const base = consultationApi(type, id);
  const { t, pick, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ["api", base],
    queryFn: ({ signal }) => api.get<Consultation>(base, undefined, signal),
  });
  const [moderating, setModerating] = useState<Comment | null>(null);
  const [answering, setAnswering] = useState<Comment | null>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const reload = () => void qc.invalidateQueries({ queryKey: ["api", base] });

  if (q.isPending) return <Spin style={{ display: "block", margin: "48px auto" }} />;
  if (q.error || !q.data) return <ErrorAlert error={q.error} />;
  const k = q.data;
  const label = (code: string | null) =>
    code ? pick(k.answerResults.find((r) => r.code === code)?.label) : "";
  const trail = (c: Comment) => k.moderation.filter((m) => m.commentId === c.id);
  const publish = async (path: string, done: string) => {
    setBusy(true);
    setActionError(null);
    try {
      await api.post(`${base}/${path}`, {});
      message.success(t(done as never));
      reload();
    } catch (e) {
      setActionError(e);
    } finally {
      setBusy(false);
    }
  };
  const visible = k.comments.filter((c) => !c.hidden);
  const unanswered = visible.filter((c) => !c.answer_result).length;

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Card data-testid="consultation">
        <Link to={casePath(type, id)}>
          <ArrowLeftOutlined /> {t("consultation.backToCase")}
        </Link>
        <Typography.Title level={3} style={{ marginTop: 8 }}>
          {t("consultation.title")}：{k.title}
        </Typography.Title>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: "p", label: t("consultation.period"), children: `${k.opensOn} — ${k.closesOn}` },
            {
              key: "n",
              label: t("consultation.received"),
              children: t("consultation.counts", {
                n: k.comments.length,
                hidden: k.comments.length - visible.length,
              }),
            },
            {
              key: "a",
              label: t("consultation.answers"),
              children: k.answersPublishedOn
                ? t("consultation.publishedOn", { d: k.answersPublishedOn })
                : t("consultation.unanswered", { n: unanswered }),
            },
          ]}
        />
        <ErrorAlert error={actionError} />
        <Space wrap>
          <Can anyOf={WRITE}>
            <Popconfirm
              title={t("consultation.publishAnswersConfirm")}
              okText={t("common.ok")}
              cancelText={t("common.cancel")}
              onConfirm={() => void publish("publish-answers", "consultation.answersPublished")}
              disabled={Boolean(k.answersPublishedOn)}
            >
              <Button
                type="primary"
                loading={busy}
                disabled={Boolean(k.answersPublishedOn)}
                data-testid="publish-answers"
              >
                {t("consultation.publishAnswers")}
              </Button>
            </Popconfirm>
            <Button
              loading={busy}
              disabled={!k.answersPublishedOn || Boolean(k.reportPublishedOn)}
              onClick={() => void publish("publish-report", "consultation.reportPublished")}
              data-testid="publish-report"
            >
              {k.reportPublishedOn
                ? t("consultation.reportPublishedOn", { d: k.reportPublishedOn })
                : t("consultation.publishReport")}
            </Button>
          </Can>
          <Button
            icon={<FileWordOutlined />}
            data-testid="report-docx"
            onClick={() =>
              void download(`${base}/report.docx`, {}, "意见采纳情况及理由.docx").catch(
                (e: Error) => message.error(e.message),
              )
            }
          >
            {t("consultation.reportDocx")}
          </Button>
        </Space>
      </Card>
      <Card title={t("consultation.comments")}>
        <Table<Comment>
          rowKey="id"
          size="small"
          dataSource={k.comments}
          pagination={false}
          data-testid="comments"
          rowClassName={(c) => (c.hidden ? "comment-hidden" : "")}
          expandable={{
            rowExpandable: (c) => trail(c).length > 0,
            expandedRowRender: (c) => (
              <ul style={{ margin: 0 }} data-testid={`trail-${c.id}`}>
                {trail(c).map((m) => (
                  <li key={`${m.at}-${m.hidden}`}>
                    {formatTime(m.at, lang)} {m.by}{" "}
                    {t(m.hidden ? "consultation.hidBy" : "consultation.restoredBy")}：{m.reason}
                  </li>
                ))}
              </ul>
            ),
          }}
          columns={[
            { key: "no", title: t("consultation.no"), render: (_v, _c, i) => i + 1, width: 56 },
            {
              key: "on",
              title: t("consultation.submittedOn"),
              dataIndex: "submitted_on",
              width: 110,
            },
            { key: "topic", title: t("consultation.topic"), dataIndex: "topic", width: 100 },
            {
              key: "body",
              title: t("consultation.body"),
              render: (_v, c) => (
                <>
                  <div style={{ whiteSpace: "pre-wrap" }}>{c.body}</div>
                  {c.hidden ? (
                    <Tag color="red" data-testid="hidden-tag">
                      {t("consultation.hidden")}：{c.hidden_reason}
                    </Tag>
                  ) : null}
                </>
              ),
            },
            {
              key: "who",
              title: t("consultation.submitter"),
              render: (_v, c) => [c.author_name, c.contact].filter(Boolean).join(" / "),
              width: 140,
            },
            {
              key: "answer",
              title: t("consultation.answer"),
              render: (_v, c) =>
                c.answer_result ? (
                  <>
                    <Tag color={c.answer_published ? "green" : "blue"}>
                      {label(c.answer_result)}
                      {c.answer_published ? "" : `（${t("consultation.draft")}）`}
                    </Tag>
                    <div>{c.answer_reason}</div>
                  </>
                ) : (
                  <Typography.Text type="secondary">{t("consultation.noAnswer")}</Typography.Text>
                ),
            },
            {
              key: "ops",
              title: t("common.actions"),
              width: 150,
              render: (_v, c) => (
                <Can anyOf={WRITE}>
                  <Space size="small" wrap>
                    {!c.hidden && !k.answersPublishedOn ? (
                      <Button
                        size="small"
                        onClick={() => setAnswering(c)}
                        data-testid={`answer-${c.id}`}
                      >
                        {t("consultation.answer")}
                      </Button>
                    ) : null}
                    <Button
                      size="small"
                      danger={!c.hidden}
                      onClick={() => setModerating(c)}
                      data-testid={`moderate-${c.id}`}
                    >
                      {t(c.hidden ? "consultation.restore" : "consultation.hide")}
                    </Button>
                  </Space>
                </Can>
              ),
            },
          ]}
        />
      </Card>
      <ModerateModal
        base={base}
        comment={moderating}
        onClose={() => setModerating(null)}
        onDone={() => {
          setModerating(null);
          reload();
        }}
      />
      <AnswerModal
        base={base}
        comment={answering}
        results={k.answerResults}
        onClose={() => setAnswering(null)}
        onDone={() => {
          setAnswering(null);
          reload();
        }}
      />
    </Space>
  );
}
