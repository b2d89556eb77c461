/**
 * Showing the API's error envelope `{error:{code,message,fields?}}`: field errors go onto
 * the antd Form fields they name (form.setFields), the message and any field the form
 * does not have go into an alert. Messages are shown as the server wrote them (in the
 * UI's language, which every request sends as Accept-Language); field keys are not.
 */

import type { FormInstance } from "antd";
import { Alert } from "antd";
import { type CSSProperties, useCallback, useState } from "react";
import { ApiError, type FieldError } from "../api.ts";
import { useI18n } from "../i18n.ts";

type NamePath = (string | number)[];

function pathOf(field: string): NamePath {
  return field.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

const samePath = (a: NamePath, b: NamePath) =>
  a.length === b.length && a.every((x, i) => String(x) === String(b[i]));

/**
 * Put the error's field messages on the form's registered fields; returns the field
 * errors that matched no field (to show beside the message).
 */
export function applyFieldErrors(form: FormInstance, error: unknown): FieldError[] {
  if (!(error instanceof ApiError) || error.fields.length === 0) return [];
  const registered = form.getFieldsError().map((f) => f.name as NamePath);
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  const unmatched: FieldError[] = [];
  for (const fe of error.fields) {
    const name = registered.find((r) => samePath(r, pathOf(fe.field)));
    if (!name) {
      unmatched.push(fe);
      continue;
    }
    const entry = byField.get(fe.field) ?? { name, errors: [] };
    entry.errors.push(fe.message);
    byField.set(fe.field, entry);
  }
  form.setFields([...byField.values()]);
  return unmatched;
}

export interface ErrorAlertProps {
  error: unknown;
  /** Field errors to list under the message (e.g. those no form field took). */
  fields?: FieldError[];
  style?: CSSProperties;
}

/** An alert with the envelope's message as-is, plus listed field errors. */
export function ErrorAlert({ error, fields, style }: ErrorAlertProps) {
  const { t } = useI18n();
  if (!error) return null;
  const message =
    error instanceof Error
      ? error.message || t("common.error")
      : String(error || t("common.error"));
  const list = fields ?? (error instanceof ApiError ? error.fields : []);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="error-alert"
      style={{ marginBottom: 16, ...style }}
      title={message}
      description={
        list.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {list.map((f) => (
              <li key={`${f.field}:${f.message}`} data-field={f.field}>
                {f.message}
              </li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}

/**
 * For a form that submits to the API: `fail(e)` maps the envelope onto the fields and
 * keeps the rest for `<ErrorAlert {...alertProps} />`; `clear()` before a new attempt.
 */
export function useFormError(form: FormInstance) {
  const [state, setState] = useState<{ error: unknown; fields: FieldError[] } | null>(null);
  const fail = useCallback(
    (error: unknown) => setState({ error, fields: applyFieldErrors(form, error) }),
    [form],
  );
  const clear = useCallback(() => setState(null), []);
  return {
    fail,
    clear,
    alertProps: { error: state?.error ?? null, fields: state?.fields ?? [] },
  };
}
