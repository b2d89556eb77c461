/**
 * Create an account (POST /api/users). The account has no role and no password until the
 * security administrator activates it and hands its one-time password to the holder
 * (separation of the three administrators: the system administrator never sees it).
 */
import { Alert, Form, Input, Modal, Select } from "antd";
import { useState } from "react";
import { api } from "../api.ts";
import { ErrorAlert, useFormError } from "../components/ErrorDisplay.tsx";
import { useUnits } from "../data.ts";
import { useI18n } from "../i18n.ts";

interface Values {
  username: string;
  displayName: string;
  unitId: number;
}

export interface CreateAccountModalProps {
  open: boolean;
  onClose: () => void;
  onCreated: () => void;
}

export function CreateAccountModal({ open, onClose, onCreated }: CreateAccountModalProps) {
  const { t, lang } = useI18n();
  const units = useUnits();
  const [form] = Form.useForm<Values>();
  const { fail, clear, alertProps } = useFormError(form);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<{ name: string } | null>(null);

  const close = () => {
    clear();
    form.resetFields();
    onClose();
  };

  const submit = async () => {
    const v = await form.validateFields();
    clear();
    setBusy(true);
    try {
      await api.post<{ id: number }>("/api/users", {
        ...v,
        username: v.username.trim(),
        displayName: v.displayName.trim(),
      });
      setCreated({ name: v.username.trim() });
      close();
      onCreated();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const required = (field: string) => [{ required: true, message: t("auth.required", { field }) }];

  return (
    <>
      <Modal
        open={open}
        title={t("accounts.create")}
        okText={t("common.save")}
        cancelText={t("common.cancel")}
        confirmLoading={busy}
        onOk={submit}
        onCancel={close}
        destroyOnHidden
        okButtonProps={{ "data-testid": "account-create-submit" }}
      >
        <ErrorAlert {...alertProps} />
        <Form
          form={form}
          name="create-account"
          layout="vertical"
          preserve={false}
          requiredMark={false}
        >
          <Form.Item
            name="username"
            label={t("accounts.username")}
            rules={required(t("accounts.username"))}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="displayName"
            label={t("accounts.displayName")}
            rules={required(t("accounts.displayName"))}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="unitId" label={t("accounts.unit")} rules={required(t("accounts.unit"))}>
            <Select
              showSearch={{ optionFilterProp: "label" }}
              loading={units.isPending}
              data-testid="account-unit"
              options={(units.data ?? []).map((u) => ({
                value: u.id,
                label: lang === "zh" ? u.nameZh : u.nameEn || u.nameZh,
              }))}
            />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={created !== null}
        title={t("accounts.created")}
        onOk={() => setCreated(null)}
        onCancel={() => setCreated(null)}
        okText={t("common.ok")}
        cancelButtonProps={{ style: { display: "none" } }}
        maskClosable={false}
      >
        {created ? (
          <Alert
            type="info"
            showIcon
            title={t("accounts.createdPending", { name: created.name })}
            data-testid="account-created-pending"
          />
        ) : null}
      </Modal>
    </>
  );
}
