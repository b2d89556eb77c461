/**
 * Full-text search (GET /api/search): laws, cases, registers and documents as I may see
 * them, ranked, with the matches highlighted; a law hit opens its article
 * (GET /api/laws/:code/articles/:no) with its citation.
 */
import { useQuery } from "@tanstack/react-query";
import { Alert, Card, Empty, Input, List, Modal, Select, Space, Tag, Typography } from "antd";
import { type ReactNode, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { ApiError, api, type Label } from "../api.ts";
import { casePath } from "../cases/types.ts";
import { useI18n } from "../i18n.ts";

interface Hit {
  kind: "law" | "case" | "register" | "document";
  id: string;
  title: string;
  snippet: string;
  score: number;
  source: string;
  sourceLabel: Label;
  regionCode: string | null;
  date: string | null;
  law?: { code: string; article: number; label: string; title: string };
}

interface Article {
  citation: string;
  chapter: string | null;
  text: string;
}

const KINDS = ["law", "case", "register", "document"] as const;

const ENTITIES: Record<string, string> = {
  "&lt;": "<",
  "&gt;": ">",
  "&amp;": "&",
  "&quot;": '"',
  "&#39;": "'",
};
const unescapeHtml = (s: string) => s.replace(/&(lt|gt|amp|quot|#39);/g, (e) => ENTITIES[e] ?? e);

/** The server's snippet (escaped text, matches in <mark>) as React nodes — no raw HTML. */
export function renderSnippet(snippet: string): ReactNode[] {
  return snippet.split(/(<mark>.*?<\/mark>)/).map((part, i) => {
    const m = /^<mark>(.*)<\/mark>$/.exec(part);
    // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one string, in order
    return m ? <mark key={i}>{unescapeHtml(m[1] ?? "")}</mark> : unescapeHtml(part);
  });
}

function hitLink(h: Hit): string | null {
  if (h.kind === "case" || h.kind === "document") return casePath(h.source, Number(h.id));
  if (h.kind === "register" && h.regionCode)
    return `/registers/${encodeURIComponent(h.source)}/${h.regionCode}/${h.id}`;
  return null;
}

export function SearchPage() {
  const { t, pick } = useI18n();
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const kind = params.get("kind") ?? "";
  const [article, setArticle] = useState<{ code: string; no: number } | null>(null);

  const hits = useQuery({
    queryKey: ["api", "/api/search", q, kind],
    queryFn: ({ signal }) =>
      api.get<{ hits: Hit[]; note?: { zh: string; en: string } }>(
        "/api/search",
        { q, kind: kind || undefined, limit: 50 },
        signal,
      ),
    enabled: q.trim().length > 0,
  });
  const text = useQuery({
    queryKey: ["api", "law-article", article?.code, article?.no],
    queryFn: ({ signal }) =>
      api.get<Article>(`/api/laws/${article?.code}/articles/${article?.no}`, undefined, signal),
    enabled: article !== null,
  });

  const set = (next: { q?: string; kind?: string }) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    setParams(p);
  };

  return (
    <Card title={t("search.title")}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          data-testid="search-input"
          defaultValue={q}
          placeholder={t("search.placeholder")}
          enterButton={t("search.go")}
          allowClear
          style={{ width: 420 }}
          onSearch={(v) => set({ q: v.trim() })}
        />
        <Select
          style={{ width: 160 }}
          value={kind}
          onChange={(v) => set({ kind: v })}
          options={[
            { value: "", label: t("search.allKinds") },
            ...KINDS.map((k) => ({ value: k, label: t(`search.kind.${k}`) })),
          ]}
        />
      </Space>
      {hits.error ? (
        <Alert
          type="error"
          message={hits.error instanceof ApiError ? hits.error.message : String(hits.error)}
        />
      ) : !q ? (
        <Empty description={t("search.hint")} />
      ) : (
        <>
          {hits.data?.note && (
            <Alert
              type="info"
              showIcon
              data-testid="search-note"
              style={{ marginBottom: 12 }}
              message={pick(hits.data.note)}
            />
          )}
          <List<Hit>
            data-testid="search-hits"
            loading={hits.isLoading}
            dataSource={hits.data?.hits ?? []}
            locale={{ emptyText: t("search.none") }}
            renderItem={(h) => {
              const link = hitLink(h);
              const title = link ? (
                <Link to={link}>{h.title}</Link>
              ) : h.law ? (
                <Typography.Link
                  onClick={() => setArticle({ code: h.law?.code ?? "", no: h.law?.article ?? 0 })}
                >
                  {h.title}
                </Typography.Link>
              ) : (
                h.title
              );
              return (
                <List.Item key={`${h.kind}:${h.id}`}>
                  <List.Item.Meta
                    title={
                      <Space>
                        <Tag>{t(`search.kind.${h.kind}`)}</Tag>
                        {title}
                        <Typography.Text type="secondary">{pick(h.sourceLabel)}</Typography.Text>
                        {h.date ? (
                          <Typography.Text type="secondary">{h.date}</Typography.Text>
                        ) : null}
                      </Space>
                    }
                    description={<span>{renderSnippet(h.snippet)}</span>}
                  />
                </List.Item>
              );
            }}
          />
        </>
      )}
      <Modal
        open={article !== null}
        title={text.data?.citation}
        footer={null}
        onCancel={() => setArticle(null)}
        width={720}
      >
        {text.data?.chapter ? (
          <Typography.Paragraph type="secondary">{text.data.chapter}</Typography.Paragraph>
        ) : null}
        {(text.data?.text ?? "").split("\n").map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of one article, in order
          <Typography.Paragraph key={i}>{p}</Typography.Paragraph>
        ))}
      </Modal>
    </Card>
  );
}
