/**
 * Form items generated from a JSON Schema, under a name prefix of the caller's antd
 * Form (e.g. ["fields"] for a case's fields, ["input"] for a step's input), so the
 * server's field errors (`fields.applicant.name`, `input.hearingDate`) land on the
 * input they name (ErrorDisplay's applyFieldErrors). Dates are kept as YYYY-MM-DD.
 */
import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import type { ReactNode } from "react";
import { useUnitOptions } from "../data.ts";
import { useI18n } from "../i18n.ts";
import {
  type FieldKind,
  type JsonSchema,
  kindOf,
  labelOf,
  normalize,
  optionsOf,
} from "./schema.ts";

type NamePath = (string | number)[];

const DAY = "YYYY-MM-DD";

/** Form.Item props that keep a DatePicker's value as a YYYY-MM-DD string. */
export const dateItemProps = {
  getValueProps: (v: unknown) => ({
    value: typeof v === "string" && v ? dayjs(v, DAY) : undefined,
  }),
  normalize: (d: Dayjs | null | undefined) => (d ? d.format(DAY) : undefined),
};

const jsonItemProps = {
  getValueProps: (v: unknown) => ({
    value: v === undefined || typeof v === "string" ? v : JSON.stringify(v, null, 2),
  }),
};

/** A directory unit, chosen by name (typing filters), kept as its code. */
function UnitSelect({
  testId,
  ...rest
}: {
  testId: string;
  value?: string;
  onChange?: (v: string) => void;
}) {
  const options = useUnitOptions("code");
  return (
    <Select
      {...rest}
      showSearch={{ optionFilterProp: "label" }}
      allowClear
      options={options}
      data-testid={testId}
    />
  );
}

/** Kinds whose required fields are checked in the browser (objects check their members). */
const REQUIRED_KINDS = new Set<FieldKind>([
  "enum",
  "unit",
  "date",
  "string",
  "text",
  "integer",
  "number",
  "multi",
  "tags",
]);
/** Kinds chosen from a list rather than typed. */
const CHOOSE_KINDS = new Set<FieldKind>(["enum", "unit", "date", "multi"]);

interface FieldProps {
  /** The Form.Item name (relative inside a Form.List). */
  name: NamePath;
  /** The full path, for test ids. */
  path: string;
  schema: JsonSchema;
  label: ReactNode;
  required: boolean;
}

function Field({ name, path, schema: raw, label, required }: FieldProps) {
  const { t, lang } = useI18n();
  const s = normalize(raw);
  const kind = kindOf(s);
  const testId = `field-${path}`;
  // Required fields are checked here before sending, in the UI's language; a field with
  // a declared default may be left blank (the server applies the default), a required
  // checkbox is answered by being left unticked.
  const checked = required && s.default === undefined && REQUIRED_KINDS.has(kind);
  const rules = checked
    ? [
        {
          required: true,
          // the validator's type (a string unless said): lists and numbers are not strings
          ...(kind === "multi" || kind === "tags"
            ? { type: "array" as const }
            : kind === "integer" || kind === "number"
              ? { type: "number" as const }
              : {}),
          whitespace: kind === "string" || kind === "text",
          message: t(CHOOSE_KINDS.has(kind) ? "form.choose" : "form.required", {
            label: typeof label === "string" ? label : "",
          }),
        },
      ]
    : undefined;
  const common = { name, label, required, rules, tooltip: s.description };

  switch (kind) {
    case "object":
      return (
        <Card size="small" title={label} style={{ marginBottom: 16 }} data-testid={testId}>
          <ObjectFields schema={s} prefix={name} path={path} />
        </Card>
      );
    case "objects":
      return (
        <Form.Item label={label} required={required} data-testid={testId}>
          <Form.List name={name}>
            {(items, { add, remove }) => (
              <>
                {items.map((item) => (
                  <Card
                    key={item.key}
                    size="small"
                    style={{ marginBottom: 8 }}
                    extra={
                      <MinusCircleOutlined
                        aria-label={t("form.removeItem")}
                        onClick={() => remove(item.name)}
                      />
                    }
                  >
                    <ObjectFields
                      schema={s.items ?? {}}
                      prefix={[item.name]}
                      path={`${path}.${item.name}`}
                    />
                  </Card>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                  {t("form.addItem")}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
      );
    case "unit":
      return (
        <Form.Item {...common}>
          <UnitSelect testId={testId} />
        </Form.Item>
      );
    case "enum":
      return (
        <Form.Item {...common}>
          <Select allowClear options={optionsOf(s, lang)} data-testid={testId} />
        </Form.Item>
      );
    case "multi":
      return (
        <Form.Item {...common}>
          <Select
            mode="multiple"
            allowClear
            // Option labels may sit on the list (`.meta` on the array) or on its items.
            options={optionsOf(
              { enumLabels: s.enumLabels ?? s["x-enumLabels"], ...(s.items ?? {}) },
              lang,
            )}
            data-testid={testId}
          />
        </Form.Item>
      );
    case "tags":
      return (
        <Form.Item {...common} extra={t("form.tagsHint")}>
          <Select
            mode="tags"
            open={false}
            suffixIcon={null}
            tokenSeparators={[",", "，", ";", "；"]}
            data-testid={testId}
          />
        </Form.Item>
      );
    case "date":
      return (
        <Form.Item {...common} {...dateItemProps}>
          <DatePicker style={{ width: "100%" }} data-testid={testId} />
        </Form.Item>
      );
    case "integer":
    case "number":
      return (
        <Form.Item {...common}>
          <InputNumber
            style={{ width: "100%" }}
            min={s.minimum}
            max={s.maximum}
            precision={kind === "integer" ? 0 : undefined}
            data-testid={testId}
          />
        </Form.Item>
      );
    case "boolean":
      return (
        <Form.Item {...common} valuePropName="checked">
          <Checkbox data-testid={testId}>{t("common.yes")}</Checkbox>
        </Form.Item>
      );
    case "string":
      return (
        <Form.Item {...common}>
          <Input maxLength={s.maxLength} data-testid={testId} />
        </Form.Item>
      );
    case "text":
      return (
        <Form.Item {...common}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 8 }} data-testid={testId} />
        </Form.Item>
      );
    default:
      return (
        <Form.Item {...common} {...jsonItemProps} extra={t("form.jsonHint")}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} data-testid={testId} />
        </Form.Item>
      );
  }
}

export interface ObjectFieldsProps {
  schema: JsonSchema;
  /** The name prefix in the form, e.g. ["fields"]. */
  prefix: NamePath;
  /** The dotted path for test ids (defaults to the prefix). */
  path?: string;
  /** Labels that override the schema's (e.g. a register's column labels). */
  labels?: Record<string, string>;
}

/** The properties of an object schema, in declaration order. */
export function ObjectFields({ schema, prefix, path, labels }: ObjectFieldsProps) {
  const { lang } = useI18n();
  const s = normalize(schema);
  const base = path ?? prefix.join(".");
  return (
    <>
      {Object.entries(s.properties ?? {}).map(([key, prop]) => (
        <Field
          key={key}
          name={[...prefix, key]}
          path={`${base}.${key}`}
          schema={prop}
          label={labels?.[key] ?? labelOf(key, prop, lang)}
          required={s.required?.includes(key) ?? false}
        />
      ))}
    </>
  );
}
