/**
 * Suspending, resuming and extending a case's clocks (…/suspend, …/resume, …/extend),
 * offered when the case type allows them, each with the loaded version.
 */
import { Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from "antd";
import { useState } from "react";
import { api } from "../api.ts";
import { useSubmit } from "../components/useSubmit.tsx";
import { type MsgKey, useI18n } from "../i18n.ts";
import { dateItemProps } from "../schema/SchemaForm.tsx";
import { useSession } from "../session.tsx";
import type { CaseTarget } from "./ActionModal.tsx";
import type { CaseDetail, CaseType } from "./types.ts";

type Op = "suspend" | "resume" | "extend";

const SUFFIX: Record<string, string> = {
  working_day: "wd",
  calendar_day: "d",
  month: "m",
  hour: "h",
};
const UNIT_KEYS: Record<string, MsgKey> = {
  working_day: "deadline.unit.wd",
  calendar_day: "deadline.unit.d",
  month: "deadline.unit.m",
  hour: "deadline.unit.h",
};

function OpModal({
  op,
  type,
  target,
  onClose,
}: {
  op: Op | null;
  type: CaseType;
  target: CaseTarget;
  onClose: () => void;
}) {
  const { t, pick } = useI18n();
  const { session } = useSession();
  const [form] = Form.useForm();
  const clockLabel = (code: string) => {
    const c = type.clocks.find((k) => k.code === code);
    return c ? pick(c.label) : code;
  };
  const extClock = Form.useWatch("clock", form) as string | undefined;
  // Only the clocks the case type declares suspendable (the server refuses the others).
  const suspendable = type.clocks.filter((c) =>
    type.suspension ? type.suspension.clocks.includes(c.code) : c.suspendable !== false,
  );
  const ext = type.extensions.find((e) => e.clock === extClock) ?? type.extensions[0];

  const { submit, close, busy, alerts } = useSubmit<Record<string, unknown>>(form, {
    send: (v) => {
      const body: Record<string, unknown> = { version: target.version };
      if (v.onDate) body.onDate = v.onDate;
      if (typeof v.reason === "string" && v.reason.trim()) body.reason = v.reason.trim();
      if (op === "suspend" && Array.isArray(v.clocks) && v.clocks.length) body.clocks = v.clocks;
      if (op === "extend") {
        body.clock = v.clock;
        body.period = `${v.n ?? ""}${SUFFIX[ext?.max.unit ?? ""] ?? ""}`;
        // The approver is the signed-in user (holding the declared permission).
        body.notice = {
          on: v.noticeOn,
          text: typeof v.noticeText === "string" ? v.noticeText.trim() : undefined,
        };
      }
      return api.post(`${target.apiPath}/${op}`, body);
    },
    done: () => (op ? t(`cases.${op}Done`) : ""),
    onClose,
    reload: target.reload,
  });

  return (
    <Modal
      open={op !== null}
      title={op ? t(`cases.${op}`) : ""}
      okText={t("common.ok")}
      cancelText={t("common.cancel")}
      confirmLoading={busy}
      onOk={submit}
      onCancel={close}
      destroyOnHidden
      okButtonProps={{ "data-testid": "clock-op-submit" }}
    >
      {alerts}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={op === "extend" ? { clock: type.extensions[0]?.clock } : {}}
      >
        {op === "suspend" && suspendable.length > 1 ? (
          <Form.Item
            name="clocks"
            label={t("cases.clock")}
            extra={`${t("cases.allClocksHint")}${type.suspension ? ` · ${type.suspension.legalBasis}` : ""}`}
          >
            <Select
              mode="multiple"
              allowClear
              data-testid="suspend-clocks"
              options={suspendable.map((c) => ({ value: c.code, label: pick(c.label) }))}
            />
          </Form.Item>
        ) : null}
        {op === "extend" ? (
          <>
            <Form.Item name="clock" label={t("cases.clock")} rules={[{ required: true }]}>
              <Select
                options={type.extensions.map((e) => ({
                  value: e.clock,
                  label: clockLabel(e.clock),
                }))}
              />
            </Form.Item>
            <Form.Item
              label={t("cases.extendBy")}
              required
              extra={
                ext
                  ? `${t("cases.extendMax", { n: ext.max.n, unit: t(UNIT_KEYS[ext.max.unit] ?? "deadline.unit.d") })} · ${ext.legalBasis}`
                  : undefined
              }
            >
              <Space.Compact>
                <Form.Item name="n" noStyle rules={[{ required: true }]}>
                  <InputNumber min={1} max={ext?.max.n} precision={0} />
                </Form.Item>
                <Button disabled>
                  {ext ? t(UNIT_KEYS[ext.max.unit] ?? "deadline.unit.d") : ""}
                </Button>
              </Space.Compact>
            </Form.Item>
            <Form.Item label={t("cases.approvedBy")} extra={t("cases.approverHint")}>
              <Input value={session?.user.displayName ?? ""} disabled />
            </Form.Item>
            <Form.Item
              name="noticeOn"
              label={t("cases.noticeOn")}
              rules={[{ required: true }]}
              {...dateItemProps}
            >
              <DatePicker />
            </Form.Item>
            <Form.Item
              name="noticeText"
              label={t("cases.noticeText")}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
            </Form.Item>
          </>
        ) : null}
        <Form.Item
          name="onDate"
          label={t("cases.onDate")}
          extra={t("cases.onDateHint")}
          {...dateItemProps}
        >
          <DatePicker />
        </Form.Item>
        {op !== "resume" ? (
          <Form.Item
            name="reason"
            label={t("cases.reason")}
            rules={[{ required: true, whitespace: true, message: t("cases.reasonRequired") }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

/** The buttons, shown to the case's owners while it is open. */
export function ClockOps({
  type,
  detail,
  target,
}: {
  type: CaseType;
  detail: CaseDetail;
  target: CaseTarget;
}) {
  const { t } = useI18n();
  const { can } = useSession();
  const [op, setOp] = useState<Op | null>(null);
  if (detail.case.closedOn || !detail.mine.owner) return null;
  // An extension is approved by the holder of its permission (the engine's default: unit.lead).
  const extensible = type.extensions.filter((e) => can([e.permission ?? "unit.lead"]));
  const running = detail.deadlines.some((d) => d.state !== "stopped");
  const buttons: Op[] = [];
  if (type.suspendable) buttons.push(detail.suspended ? "resume" : "suspend");
  if (extensible.length > 0 && running && !detail.suspended) buttons.push("extend");
  if (buttons.length === 0) return null;
  return (
    <>
      {buttons.map((b) => (
        <Button key={b} onClick={() => setOp(b)} data-testid={`clock-${b}`}>
          {t(`cases.${b}`)}
        </Button>
      ))}
      <OpModal op={op} type={type} target={target} onClose={() => setOp(null)} />
    </>
  );
}
