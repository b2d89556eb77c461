/** The parts of a case page below its header: the fields, and the related records. */
import { PaperClipOutlined } from "@ant-design/icons";
import { App, Button, Card, Descriptions, List, Space, Tag, Typography } from "antd";
import { Link } from "react-router";
import { download } from "../api.ts";
import { useUnitName } from "../data.ts";
import { useCaseTypes } from "../engines.ts";
import { useI18n } from "../i18n.ts";
import type { CaseDetail, CaseType } from "./types.ts";
import { casePath } from "./types.ts";
import { caseFieldProps, useValueRows } from "./values.tsx";

export function CaseFields({ type, detail }: { type: CaseType | undefined; detail: CaseDetail }) {
  const { t } = useI18n();
  const rows = useValueRows()(caseFieldProps(type), detail.case.fields);
  return (
    <Card title={t("cases.fields")} size="small" data-testid="case-fields">
      <Descriptions
        size="small"
        column={1}
        bordered
        items={rows.map((r) => ({
          key: r.key,
          label: r.label,
          children: <span data-field={r.key}>{r.value}</span>,
        }))}
      />
    </Card>
  );
}

/** Links, participating units and sub-cases, each leading to its case. */
export function CaseRelations({
  type,
  detail,
  apiPath,
}: {
  type: CaseType | undefined;
  detail: CaseDetail;
  apiPath: string;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const fetchFile = (id: number, name: string) =>
    download(`${apiPath}/attachments/${id}`, {}, name).catch((e: Error) =>
      message.error(e.message),
    );
  const unitName = useUnitName();
  const valueRows = useValueRows();
  const types = useCaseTypes().data ?? [];
  const stateOf = (caseType: string, state: string) => {
    const s = types.find((x) => x.code === caseType)?.states[state];
    return s ? pick(s.label) : state;
  };
  const typeLabel = (code: string) => {
    const x = types.find((y) => y.code === code);
    return x ? pick(x.label) : code;
  };
  // A link's kind is declared by the case that links: this one, or the one linking here.
  const linkLabel = (kind: string, other: string) =>
    pick(type?.linkLabels?.[kind] ?? types.find((x) => x.code === other)?.linkLabels?.[kind], kind);
  const subType = type?.subCases?.caseType;
  const { links, participants, subCases, attachments } = detail;
  const reviews = detail.reviews ?? [];
  const reviewing = detail.reviewing ?? [];
  if (
    links.length +
      participants.length +
      subCases.length +
      attachments.length +
      reviews.length +
      reviewing.length ===
    0
  ) {
    return null;
  }
  return (
    <Card title={t("cases.related")} size="small" data-testid="case-relations">
      <Space orientation="vertical" style={{ width: "100%" }}>
        {links.length > 0 ? (
          <List
            size="small"
            header={<Typography.Text strong>{t("cases.links")}</Typography.Text>}
            dataSource={links}
            renderItem={(l) => (
              <List.Item>
                <Space wrap>
                  <Tag>
                    {l.direction === "out" ? "→" : "←"} {linkLabel(l.kind, l.caseType)}
                  </Tag>
                  <Typography.Text type="secondary">{typeLabel(l.caseType)}</Typography.Text>
                  <Link to={casePath(l.caseType, l.caseId)}>{l.title}</Link>
                  <Tag>{stateOf(l.caseType, l.state)}</Tag>
                </Space>
              </List.Item>
            )}
          />
        ) : null}
        {reviews.length > 0 ? (
          <List
            size="small"
            data-testid="case-reviews"
            header={<Typography.Text strong>{t("cases.reviews")}</Typography.Text>}
            dataSource={reviews}
            renderItem={(r) => (
              <List.Item>
                <Space wrap>
                  <Tag>← {pick(r.kindLabel)}</Tag>
                  <Typography.Text>{pick(r.caseTypeLabel)}</Typography.Text>
                  <Typography.Text type="secondary">
                    {t("cases.reviewUnit")}：{r.unitName ?? unitName(r.unitId)}
                  </Typography.Text>
                  <Tag color={r.concluded ? "blue" : "orange"}>{pick(r.stateLabel)}</Tag>
                  <Typography.Text type="secondary">
                    {r.openedOn}
                    {r.closedOn ? ` → ${r.closedOn}` : ""}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        ) : null}
        {reviewing.length > 0 ? (
          <List
            size="small"
            data-testid="case-reviewing"
            header={<Typography.Text strong>{t("cases.reviewing")}</Typography.Text>}
            dataSource={reviewing}
            renderItem={(r) => (
              <List.Item>
                <Space wrap>
                  <Tag>→ {pick(r.kindLabel)}</Tag>
                  <Typography.Text>
                    {pick(r.caseTypeLabel)} #{r.caseId}
                  </Typography.Text>
                  <Tag>{pick(r.stateLabel)}</Tag>
                  {valueRows(
                    caseFieldProps(types.find((x) => x.code === r.caseType)),
                    r.fields as Record<string, unknown>,
                  ).map((row) => (
                    <Typography.Text key={row.key} type="secondary">
                      {row.label}：{row.value}
                    </Typography.Text>
                  ))}
                </Space>
              </List.Item>
            )}
          />
        ) : null}
        {participants.length > 0 ? (
          <List
            size="small"
            header={<Typography.Text strong>{t("cases.participants")}</Typography.Text>}
            dataSource={participants}
            renderItem={(p) => (
              <List.Item>
                {unitName(p.unitId)}
                <Tag style={{ marginInlineStart: 8 }}>
                  {pick(type?.participantRoles[p.role], p.role)}
                </Tag>
              </List.Item>
            )}
          />
        ) : null}
        {subCases.length > 0 ? (
          <List
            size="small"
            header={<Typography.Text strong>{t("cases.subCases")}</Typography.Text>}
            dataSource={subCases}
            renderItem={(s) => (
              <List.Item>
                <Space wrap>
                  {subType ? <Link to={casePath(subType, s.id)}>{s.title}</Link> : s.title}
                  <Typography.Text type="secondary">{unitName(s.unitId)}</Typography.Text>
                  <Tag>{subType ? stateOf(subType, s.state) : s.state}</Tag>
                </Space>
              </List.Item>
            )}
          />
        ) : null}
        {attachments.length > 0 ? (
          <List
            size="small"
            header={<Typography.Text strong>{t("cases.attachments")}</Typography.Text>}
            dataSource={attachments}
            renderItem={(a) => (
              <List.Item>
                <Button
                  type="link"
                  size="small"
                  icon={<PaperClipOutlined />}
                  onClick={() => void fetchFile(a.id, a.name)}
                >
                  {a.name}
                </Button>
                <Typography.Text type="secondary">({Math.ceil(a.size / 1024)} KB)</Typography.Text>
              </List.Item>
            )}
          />
        ) : null}
      </Space>
    </Card>
  );
}
