/**
 * The report's own editing page (a tab of the report page): the template's sections in
 * the document's order — the head, the opening, 一 with its parts, 二, 三, the signature,
 * the date and the contact — each saved on its own through the report's `save_section`
 * step (audited; only in draft). Beside each narrative section: its figures with their
 * live values (each opens the records behind it) and the writer's checks that concern it.
 * Required fields are checked here before anything is sent; the server checks again.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  List,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { ApiError, api, type FieldError } from "../api.ts";
import { applyFieldErrors, ErrorAlert } from "../components/ErrorDisplay.tsx";
import { useI18n } from "../i18n.ts";
import { type Names, namesOf, toKeys, toNames } from "./placeholders.ts";
import {
  CHECK_COLORS,
  headingNumbers,
  type ReportPreview,
  type ReportSection,
  EDITOR_LABELS as T,
} from "./types.ts";

interface Props {
  report: ReportPreview;
  /** The user may edit now (draft, record.write). */
  editable: boolean;
  onDrill: (indicator: string) => void;
}

type Values = {
  heading?: string;
  text?: string;
  number?: string;
  signer?: string;
  title?: string;
  addressee?: string;
  issuer?: string;
  printedBy?: string;
  date?: string;
  contactName?: string;
  contactPhone?: string;
};

/** Placeholder keys named in a text ({{key}} or {{key=typed}}), in order, once each. */
function keysIn(text: string): string[] {
  const keys = [...text.matchAll(/\{\{\s*([a-z][a-z0-9_]*)\s*(?:=[^}]*)?\}\}/g)].map((m) => m[1]!);
  return [...new Set(keys.filter((k) => k !== "year" && k !== "prev_year"))];
}

function initialValues(r: ReportPreview, s: ReportSection, n: Names): Values {
  const d = r.draft;
  switch (s.kind) {
    case "head":
      return { number: d.number, signer: d.signer, title: d.title, addressee: d.addressee };
    case "signature":
      return { issuer: d.issuer, printedBy: d.printedBy };
    case "date":
      return { date: d.date };
    case "contact":
      return { contactName: d.contact?.name, contactPhone: d.contact?.phone };
    default:
      return {
        heading: s.heading === null ? undefined : toNames(d.blocks[s.heading]?.text ?? "", n),
        text: s.paragraphs.map((i) => toNames(d.blocks[i]?.text ?? "", n)).join("\n"),
      };
  }
}

function inputOf(s: ReportSection, v: Values, n: Names): Record<string, unknown> {
  const opt = (x?: string) => (x?.trim() ? x.trim() : undefined);
  switch (s.kind) {
    case "head":
      return {
        section: s.key,
        number: opt(v.number),
        signer: opt(v.signer),
        title: v.title,
        addressee: v.addressee,
      };
    case "signature":
      return { section: s.key, issuer: v.issuer, printedBy: opt(v.printedBy) };
    case "date":
      return { section: s.key, date: v.date };
    case "contact":
      return { section: s.key, contact: { name: v.contactName, phone: v.contactPhone } };
    default:
      return {
        section: s.key,
        ...(s.kind === "narrative" ? { heading: toKeys(v.heading ?? "", n) } : {}),
        paragraphs: (v.text ?? "").split("\n").map((p) => toKeys(p, n)),
      };
  }
}

/** The server's field (input.title) as this form's (title). */
const FORM_FIELD: Record<string, string> = {
  "input.paragraphs": "text",
  "input.contact.name": "contactName",
  "input.contact.phone": "contactPhone",
};

function SectionCard(
  props: Props & { section: ReportSection; number: string; hasChildren: boolean },
) {
  const { report: r, section: s, editable, onDrill } = props;
  const { pick } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const names = namesOf(r.placeholders);
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);
  const save = useMutation({
    mutationFn: (v: Values) =>
      api.post(`/api/cases/${r.template}/${r.id}/actions/save_section`, {
        version: r.version,
        input: inputOf(s, v, names),
      }),
    onSuccess: async () => {
      message.success(pick(T.saved));
      await qc.invalidateQueries({ queryKey: ["report", String(r.id)] });
    },
    onError: (e) => {
      // The server names the step's input (input.title); this form's fields are its own.
      const mapped =
        e instanceof ApiError
          ? new ApiError(e.status, {
              error: {
                ...e.envelope.error,
                fields: e.fields.map((f) => ({
                  ...f,
                  field: FORM_FIELD[f.field] ?? f.field.replace(/^input\./, ""),
                })),
              },
            })
          : e;
      setUnmatched(applyFieldErrors(form, mapped));
    },
  });
  const figures = new Map(r.figures.map((f) => [f.key, f]));
  const rawText = s.paragraphs.map((i) => r.draft.blocks[i]?.text ?? "").join("\n");
  const keys = keysIn(rawText);
  const checks = r.checks.filter((c) => keys.includes(c.key));
  const required = (label: { zh: string; en: string }) => [
    { required: true, whitespace: true, message: `${pick(T.required)}${pick(label)}` },
  ];
  const title =
    s.kind === "narrative"
      ? `${props.number}${r.draft.blocks[s.heading ?? -1]?.text.replace(/\{\{\s*year\s*\}\}/g, String(r.year)) ?? ""}`
      : pick(T.sections[s.kind]);
  const narrative = s.kind === "narrative" || s.kind === "opening";
  return (
    <Card
      size="small"
      data-section={s.key}
      title={title}
      style={{ marginLeft: Math.max(s.level - 1, 0) * 24 }}
    >
      <Row gutter={16}>
        <Col xs={24} lg={narrative ? 15 : 24}>
          <Form
            form={form}
            layout="vertical"
            disabled={!editable}
            initialValues={initialValues(r, s, names)}
            onFinish={(v) => save.mutate(v)}
          >
            {s.kind === "head" && (
              <>
                <Form.Item name="title" label={pick(T.title)} rules={required(T.title)}>
                  <Input.TextArea autoSize />
                </Form.Item>
                <Form.Item name="addressee" label={pick(T.addressee)} rules={required(T.addressee)}>
                  <Input />
                </Form.Item>
                <Space wrap>
                  <Form.Item name="number" label={pick(T.number)}>
                    <Input />
                  </Form.Item>
                  <Form.Item name="signer" label={pick(T.signer)}>
                    <Input />
                  </Form.Item>
                </Space>
              </>
            )}
            {s.kind === "signature" && (
              <>
                <Form.Item name="issuer" label={pick(T.issuer)} rules={required(T.issuer)}>
                  <Input />
                </Form.Item>
                <Form.Item name="printedBy" label={pick(T.printedBy)}>
                  <Input />
                </Form.Item>
              </>
            )}
            {s.kind === "date" && (
              <Form.Item name="date" label={pick(T.date)} rules={required(T.date)}>
                <Input type="date" style={{ width: 200 }} />
              </Form.Item>
            )}
            {s.kind === "contact" && (
              <Space wrap>
                <Form.Item
                  name="contactName"
                  label={pick(T.contactName)}
                  rules={required(T.contactName)}
                >
                  <Input />
                </Form.Item>
                <Form.Item
                  name="contactPhone"
                  label={pick(T.contactPhone)}
                  rules={required(T.contactPhone)}
                >
                  <Input />
                </Form.Item>
              </Space>
            )}
            {s.kind === "narrative" && (
              <Form.Item name="heading" label={pick(T.heading)} rules={required(T.heading)}>
                <Input />
              </Form.Item>
            )}
            {narrative && editable && (
              <Select
                showSearch
                value={null}
                placeholder={pick(T.insert)}
                style={{ width: 320, marginBottom: 8 }}
                aria-label={pick(T.insert)}
                options={r.placeholders.map((p) => ({ value: p.label.zh, label: pick(p.label) }))}
                filterOption={(q, o) => String(o?.label ?? "").includes(q)}
                onChange={(zh: string) =>
                  form.setFieldValue("text", `${form.getFieldValue("text") ?? ""}【${zh}】`)
                }
              />
            )}
            {narrative && (
              <Form.Item
                name="text"
                label={pick(T.text)}
                extra={pick(T.textHelp)}
                rules={props.hasChildren ? [] : required(T.text)}
              >
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 16 }} />
              </Form.Item>
            )}
            <ErrorAlert error={save.error} fields={unmatched} />
            {editable && (
              <Button htmlType="submit" type="primary" loading={save.isPending}>
                {pick(T.save)}
              </Button>
            )}
          </Form>
        </Col>
        {narrative && (
          <Col xs={24} lg={9}>
            <Typography.Text strong>{pick(T.figures)}</Typography.Text>
            <List
              size="small"
              dataSource={keys}
              locale={{ emptyText: pick(T.noFigures) }}
              renderItem={(k) => {
                const f = figures.get(k);
                return (
                  <List.Item>
                    <Space direction="vertical" size={0}>
                      <Typography.Text type="secondary">{pick(f?.label, k)}</Typography.Text>
                      <Button
                        type="link"
                        size="small"
                        data-figure={k}
                        style={{ padding: 0 }}
                        disabled={!f || f.pending || f.value === null}
                        onClick={() => f && onDrill(f.indicator)}
                      >
                        {f
                          ? `${f.text}${f.pending || f.value === null ? "" : ` · ${pick(T.records)}`}`
                          : "—"}
                      </Button>
                    </Space>
                  </List.Item>
                );
              }}
            />
            {checks.length > 0 && (
              <div data-testid={`checks-${s.key}`}>
                <Typography.Text strong>{pick(T.checks)}</Typography.Text>
                {checks.map((c) => (
                  <div key={`${c.kind}:${c.key}:${c.message.zh}`} style={{ marginTop: 4 }}>
                    <Tag color={CHECK_COLORS[c.kind]}>{pick(figures.get(c.key)?.label, c.key)}</Tag>
                    {pick(c.message)}
                  </div>
                ))}
              </div>
            )}
          </Col>
        )}
      </Row>
    </Card>
  );
}

export function ReportEditor(props: Props) {
  const { report: r } = props;
  const names = namesOf(r.placeholders);
  const numbers = headingNumbers(
    r.draft.blocks.map((b) => ({ kind: b.kind, level: b.level ?? null })),
  );
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      {r.sections.map((s, i) => {
        const next = r.sections[i + 1];
        const hasChildren =
          next?.kind === "narrative" && next.level > s.level && s.kind === "narrative";
        // A section re-reads its values when its own text changed (another section's save leaves it be).
        const content = JSON.stringify(initialValues(r, s, names));
        return (
          <SectionCard
            key={`${s.key}:${content}`}
            {...props}
            section={s}
            number={s.heading === null ? "" : (numbers[s.heading] ?? "")}
            hasChildren={hasChildren}
          />
        );
      })}
    </Space>
  );
}
