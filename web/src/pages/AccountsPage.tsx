/**
 * Accounts: list; create (user.manage); activate and set roles (role.assign); unlock and
 * reset the authenticator (account.unlock).
 */
import { PlusOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Input, Modal, Popconfirm, Space, Tag, Tooltip } from "antd";
import { useState } from "react";
import { api, type UserRow } from "../api.ts";
import { DataTable } from "../components/DataTable.tsx";
import { Can } from "../components/PermissionGate.tsx";
import { useRoleLabel, useUnitName, useUnitOptions } from "../data.ts";

/** Every role, for the filter (business roles and the three administrators). */
const ROLE_CODES = [
  "rule_of_law_office",
  "unit_leader",
  "legal_reviewer",
  "case_handler",
  "read_only",
  "sys_admin",
  "security_admin",
  "audit_admin",
];

import { isBusinessRole } from "../format.ts";
import { useI18n } from "../i18n.ts";
import { useActor } from "../session.tsx";
import { CreateAccountModal } from "./CreateAccountModal.tsx";
import { RolesModal } from "./RolesModal.tsx";

const USERS = "/api/users";

const isLocked = (u: UserRow) => Boolean(u.lockedUntil && new Date(u.lockedUntil) > new Date());

export function AccountsPage() {
  const { t } = useI18n();
  const actor = useActor();
  const roleLabel = useRoleLabel();
  const unitOptions = useUnitOptions("id");
  const unitName = useUnitName();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserRow | null>(null);
  const [resetting, setResetting] = useState<UserRow | null>(null);
  const [reason, setReason] = useState("");

  const reload = () => qc.invalidateQueries({ queryKey: ["api", USERS] });

  const unlock = async (u: UserRow) => {
    try {
      await api.post(`${USERS}/${u.id}/unlock`);
      message.success(t("accounts.unlocked"));
      await reload();
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  const resetTotp = async () => {
    if (!resetting) return;
    try {
      await api.post(`${USERS}/${resetting.id}/totp/reset`, { reason: reason.trim() });
      message.success(t("accounts.totpResetDone"));
      setResetting(null);
      await reload();
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  const actions = (u: UserRow) => {
    const adminAccount = u.roles.some((r) => !isBusinessRole(r));
    return (
      <Space>
        <Can anyOf={["role.assign"]}>
          <Tooltip title={adminAccount ? t("accounts.adminRoleFixed") : undefined}>
            <Button
              size="small"
              disabled={adminAccount || u.id === actor.user.id}
              onClick={() => setEditing(u)}
              data-testid={u.activated ? undefined : "account-activate"}
            >
              {u.activated ? t("accounts.setRoles") : t("accounts.activate")}
            </Button>
          </Tooltip>
        </Can>
        <Can anyOf={["account.unlock"]}>
          {isLocked(u) ? (
            <Popconfirm
              title={t("accounts.unlockConfirm", { name: u.username })}
              okText={t("common.ok")}
              cancelText={t("common.cancel")}
              onConfirm={() => unlock(u)}
            >
              <Button size="small">{t("accounts.unlock")}</Button>
            </Popconfirm>
          ) : null}
          {u.secondFactor && u.id !== actor.user.id ? (
            <Button
              size="small"
              onClick={() => {
                setReason("");
                setResetting(u);
              }}
            >
              {t("accounts.totpReset")}
            </Button>
          ) : null}
        </Can>
      </Space>
    );
  };

  const withActions = actor.permissions.some((p) => p === "role.assign" || p === "account.unlock");

  return (
    <Card title={t("accounts.title")}>
      <DataTable<UserRow>
        testId="accounts-table"
        path={USERS}
        rowKey="id"
        filters={[
          { name: "q", label: "accounts.search" },
          // units and roles by name, searchable (never a typed code)
          { name: "unitId", label: "accounts.unit", options: unitOptions, width: 220 },
          {
            name: "role",
            label: "accounts.role",
            width: 160,
            options: ROLE_CODES.map((r) => ({ value: r, label: roleLabel(r) })),
          },
        ]}
        localFilter={(u, { q, unitId, role }) => {
          const needle = String(q ?? "").toLowerCase();
          return (
            (!needle ||
              u.username.toLowerCase().includes(needle) ||
              u.displayName.toLowerCase().includes(needle)) &&
            (!unitId || String(u.unitId) === String(unitId)) &&
            (!role || u.roles.includes(String(role)))
          );
        }}
        toolbar={
          <Can anyOf={["user.manage"]}>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="account-create"
            >
              {t("accounts.create")}
            </Button>
          </Can>
        }
        columns={[
          { title: t("accounts.username"), dataIndex: "username" },
          { title: t("accounts.displayName"), dataIndex: "displayName" },
          { title: t("accounts.unit"), key: "unit", render: (_, u) => unitName(u.unitId) },
          {
            title: t("accounts.roles"),
            key: "roles",
            render: (_, u) => u.roles.map((r) => <Tag key={r}>{roleLabel(r, u.regionCode)}</Tag>),
          },
          {
            title: t("accounts.status"),
            key: "status",
            render: (_, u) =>
              !u.activated ? (
                <Tag color="orange">{t("accounts.pending")}</Tag>
              ) : u.disabled ? (
                <Tag>{t("accounts.disabled")}</Tag>
              ) : isLocked(u) ? (
                <Tag color="red">{t("accounts.locked")}</Tag>
              ) : (
                <Tag color="green">{t("accounts.active")}</Tag>
              ),
          },
          ...(withActions
            ? [
                {
                  title: t("common.actions"),
                  key: "actions",
                  render: (_: unknown, u: UserRow) => actions(u),
                },
              ]
            : []),
        ]}
      />
      <CreateAccountModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => void reload()}
      />
      <Modal
        open={resetting !== null}
        title={`${t("accounts.totpReset")} · ${resetting?.displayName ?? ""}`}
        okText={t("common.ok")}
        cancelText={t("common.cancel")}
        okButtonProps={{ disabled: !reason.trim() }}
        onOk={resetTotp}
        onCancel={() => setResetting(null)}
        destroyOnHidden
      >
        <Input.TextArea
          rows={2}
          maxLength={500}
          placeholder={t("accounts.reason")}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
      <RolesModal
        user={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          message.success(t("accounts.rolesSaved"));
          void reload();
        }}
      />
    </Card>
  );
}
