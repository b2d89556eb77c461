/**
 * The module registry. Each module declares its menu entries and its routes; the
 * layout builds the menu and the router from this list. A new module adds one entry
 * to MODULES (and its strings to i18n.ts) — the layout is not edited.
 */
import {
  AuditOutlined,
  HomeOutlined,
  SafetyOutlined,
  SettingOutlined,
  TeamOutlined,
} from "@ant-design/icons";
import type { ComponentType } from "react";
import type { MsgKey } from "./i18n.ts";
import { AccountsPage } from "./pages/AccountsPage.tsx";
import { AuditPage } from "./pages/AuditPage.tsx";
import { HomePage } from "./pages/HomePage.tsx";
import { SecurityLogPage } from "./pages/SecurityLogPage.tsx";

export interface MenuGroup {
  key: string;
  label: MsgKey;
  icon?: ComponentType;
  order: number;
}

export interface MenuEntry {
  path: string;
  label: MsgKey;
  icon?: ComponentType;
  /** Shown only to holders of any of these permissions (absent: everyone). */
  anyOf?: readonly string[];
  /** Nest under a submenu (one of MENU_GROUPS). */
  group?: string;
  /** Position in the menu or its group; lower first. */
  order: number;
}

export interface RouteEntry {
  /** A react-router path, e.g. "/accounts" or "/cases/:id". */
  path: string;
  component: ComponentType;
  anyOf?: readonly string[];
}

export interface WebModule {
  id: string;
  menu?: MenuEntry[];
  routes: RouteEntry[];
}

export const MENU_GROUPS: MenuGroup[] = [
  { key: "system", label: "menu.system", icon: SettingOutlined, order: 900 },
];

const ACCOUNT_PERMISSIONS = ["user.manage", "role.assign", "account.unlock"] as const;

const homeModule: WebModule = {
  id: "home",
  menu: [{ path: "/", label: "menu.home", icon: HomeOutlined, order: 0 }],
  routes: [{ path: "/", component: HomePage }],
};

const accountsModule: WebModule = {
  id: "accounts",
  menu: [
    {
      path: "/accounts",
      label: "menu.accounts",
      icon: TeamOutlined,
      anyOf: ACCOUNT_PERMISSIONS,
      group: "system",
      order: 10,
    },
  ],
  routes: [{ path: "/accounts", component: AccountsPage, anyOf: ACCOUNT_PERMISSIONS }],
};

const auditModule: WebModule = {
  id: "audit",
  menu: [
    {
      path: "/security-log",
      label: "menu.securityLog",
      icon: SafetyOutlined,
      anyOf: ["security_log.read"],
      group: "system",
      order: 20,
    },
    {
      path: "/audit",
      label: "menu.audit",
      icon: AuditOutlined,
      anyOf: ["audit.read"],
      group: "system",
      order: 30,
    },
  ],
  routes: [
    { path: "/security-log", component: SecurityLogPage, anyOf: ["security_log.read"] },
    { path: "/audit", component: AuditPage, anyOf: ["audit.read"] },
  ],
};

export const MODULES: WebModule[] = [homeModule, accountsModule, auditModule];

export const ROUTES: RouteEntry[] = MODULES.flatMap((m) => m.routes);
export const MENU: MenuEntry[] = MODULES.flatMap((m) => m.menu ?? []);
