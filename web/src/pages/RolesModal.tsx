/**
 * Set an account's business roles (PUT /api/users/:id/roles), with a reason; or, for an
 * account awaiting activation, activate it (POST /api/users/:id/activate) and show its
 * one-time password once, to hand to the holder.
 */
import { Alert, Checkbox, Form, Input, Modal, Typography } from "antd";
import { useEffect, useState } from "react";
import { api, type UserRow } from "../api.ts";
import { ErrorAlert, useFormError } from "../components/ErrorDisplay.tsx";
import { useLabel } from "../data.ts";
import { BUSINESS_ROLES } from "../format.ts";
import { useI18n } from "../i18n.ts";
import type { ActivatedUser } from "../wire.ts";

interface Values {
  roles: string[];
  reason: string;
}

export interface RolesModalProps {
  user: UserRow | null;
  onClose: () => void;
  onSaved: () => void;
}

export function RolesModal({ user, onClose, onSaved }: RolesModalProps) {
  const { t } = useI18n();
  const label = useLabel();
  const [form] = Form.useForm<Values>();
  const { fail, clear, alertProps } = useFormError(form);
  const [busy, setBusy] = useState(false);
  const [handOver, setHandOver] = useState<{ name: string; password: string } | null>(null);

  useEffect(() => {
    if (user) form.setFieldsValue({ roles: user.roles, reason: "" });
  }, [user, form]);

  const close = () => {
    clear();
    onClose();
  };

  const submit = async () => {
    if (!user) return;
    const v = await form.validateFields();
    clear();
    setBusy(true);
    try {
      const body = { roles: v.roles, reason: v.reason.trim() };
      if (user.activated) await api.put(`/api/users/${user.id}/roles`, body);
      else {
        const r = await api.post<ActivatedUser>(`/api/users/${user.id}/activate`, body);
        setHandOver({ name: user.username, password: r.oneTimePassword });
      }
      close();
      onSaved();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Modal
        open={user !== null}
        title={`${user && !user.activated ? t("accounts.activate") : t("accounts.setRoles")} · ${user?.displayName ?? ""}`}
        okText={t("common.save")}
        cancelText={t("common.cancel")}
        confirmLoading={busy}
        onOk={submit}
        onCancel={close}
        forceRender
      >
        <ErrorAlert {...alertProps} />
        <Form form={form} layout="vertical" requiredMark={false}>
          <Form.Item
            name="roles"
            label={t("accounts.roles")}
            rules={[
              { required: true, message: t("auth.required", { field: t("accounts.roles") }) },
            ]}
          >
            <Checkbox.Group
              options={BUSINESS_ROLES.map((r) => ({ value: r, label: label("roles", r) }))}
            />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t("accounts.reason")}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t("auth.required", { field: t("accounts.reason") }),
              },
            ]}
          >
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={handOver !== null}
        title={t("accounts.activated")}
        onOk={() => setHandOver(null)}
        onCancel={() => setHandOver(null)}
        okText={t("common.ok")}
        cancelButtonProps={{ style: { display: "none" } }}
        maskClosable={false}
      >
        {handOver ? (
          <>
            <Alert
              type="info"
              showIcon
              title={t("accounts.oneTimePasswordHint", { name: handOver.name })}
              style={{ marginBottom: 16 }}
            />
            <Typography.Text type="secondary">{t("accounts.oneTimePassword")}</Typography.Text>
            <Typography.Paragraph
              copyable
              code
              style={{ fontSize: 18 }}
              data-testid="one-time-password"
            >
              {handOver.password}
            </Typography.Paragraph>
          </>
        ) : null}
      </Modal>
    </>
  );
}
