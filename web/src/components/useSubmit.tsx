/**
 * The one way a modal form changes something on the server: validate the form, send,
 * then on success a message, close and reload the page's data; on a stale version
 * (409 `conflict`) the server's message with a reload button; on any other error the
 * envelope mapped onto the form's fields and the rest in an alert. Used by the case
 * step and clock modals and the register entry modal.
 */
import type { FormInstance } from "antd";
import { Alert, App, Button } from "antd";
import { type ReactNode, useState } from "react";
import { ApiError } from "../api.ts";
import { useI18n } from "../i18n.ts";
import { ErrorAlert, useFormError } from "./ErrorDisplay.tsx";

export const isConflict = (e: unknown): e is ApiError =>
  e instanceof ApiError && e.status === 409 && e.code === "conflict";

/** The alert of a stale version: the server's message and a reload button. */
export function ConflictAlert({ error, onReload }: { error: ApiError; onReload: () => void }) {
  const { t } = useI18n();
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      data-testid="conflict-alert"
      style={{ marginBottom: 16 }}
      title={error.message}
      action={
        <Button size="small" onClick={onReload} data-testid="conflict-reload">
          {t("cases.reload")}
        </Button>
      }
    />
  );
}

export interface SubmitOptions<V> {
  /** Send the validated form values (throws the API's error). */
  send: (values: V) => Promise<unknown>;
  /** The success message. */
  done: () => string;
  /** Close the modal. */
  onClose: () => void;
  /** Re-read the page's data (after success, or to take a newer version). */
  reload: () => void;
}

export interface Submit {
  submit: () => Promise<void>;
  /** Close, forgetting any error shown. */
  close: () => void;
  busy: boolean;
  /** The conflict and error alerts, to put above the form. */
  alerts: ReactNode;
}

export function useSubmit<V>(form: FormInstance, opts: SubmitOptions<V>): Submit {
  const { message } = App.useApp();
  const { fail, clear, alertProps } = useFormError(form);
  const [conflict, setConflict] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const close = () => {
    clear();
    setConflict(null);
    opts.onClose();
  };

  const submit = async () => {
    const values = (await form.validateFields()) as V;
    clear();
    setConflict(null);
    setBusy(true);
    try {
      await opts.send(values);
      message.success(opts.done());
      close();
      opts.reload();
    } catch (e) {
      if (isConflict(e)) setConflict(e);
      else fail(e);
    } finally {
      setBusy(false);
    }
  };

  const alerts = (
    <>
      {conflict ? (
        <ConflictAlert
          error={conflict}
          onReload={() => {
            close();
            opts.reload();
          }}
        />
      ) : null}
      <ErrorAlert {...alertProps} />
    </>
  );
  return { submit, close, busy, alerts };
}
