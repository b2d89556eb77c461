/** Set an account's business roles (PUT /api/users/:id/roles), with a reason. */
import { Checkbox, Form, Input, Modal } from "antd";
import { useEffect, useState } from "react";
import { api, type UserRow } from "../api.ts";
import { ErrorAlert, useFormError } from "../components/ErrorDisplay.tsx";
import { useLabel } from "../data.ts";
import { BUSINESS_ROLES } from "../format.ts";
import { useI18n } from "../i18n.ts";

interface Values {
  roles: string[];
  reason?: string;
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
      await api.put(`/api/users/${user.id}/roles`, {
        roles: v.roles,
        ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}),
      });
      close();
      onSaved();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={user !== null}
      title={`${t("accounts.setRoles")} · ${user?.displayName ?? ""}`}
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
          rules={[{ required: true, message: t("auth.required", { field: t("accounts.roles") }) }]}
        >
          <Checkbox.Group
            options={BUSINESS_ROLES.map((r) => ({ value: r, label: label("roles", r) }))}
          />
        </Form.Item>
        <Form.Item name="reason" label={t("accounts.reason")}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
