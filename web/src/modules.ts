/**
 * The module registry. Each module declares its menu entries and its routes; the
 * layout builds the menu and the router from this list. A new module adds one entry
 * to MODULES (and its strings to i18n.ts) — the layout is not edited.
 *
 * Server-driven entries: a module may also derive menu entries from what the server
 * declares (`serverMenu`): the engines' module gives one entry per case type and per
 * register, grouped under the server module that declares it, so a newly declared case
 * type or register needs no web code.
 */
import {
  AlertOutlined,
  AuditOutlined,
  BarChartOutlined,
  ControlOutlined,
  FileTextOutlined,
  HomeOutlined,
  SafetyOutlined,
  SearchOutlined,
  SettingOutlined,
  TeamOutlined,
} from "@ant-design/icons";
import { type ComponentType, lazy } from "react";
import type { Label } from "./api.ts";
import { type CaseType, casePath } from "./cases/types.ts";
import type { MsgKey } from "./i18n.ts";
import { type RegisterInfo, registerPath } from "./registers/types.ts";

/**
 * Pages load on first use (issue 11: the login page, the first page, loads a fraction
 * of the bundle); each is its own chunk.
 */
const HomePage = lazy(() => import("./pages/HomePage.tsx").then((m) => ({ default: m.HomePage })));
const CaseDetailPage = lazy(() =>
  import("./cases/CaseDetailPage.tsx").then((m) => ({ default: m.CaseDetailPage })),
);
const CaseListPage = lazy(() =>
  import("./cases/CaseListPage.tsx").then((m) => ({ default: m.CaseListPage })),
);
const WarningsPage = lazy(() =>
  import("./cases/WarningsPage.tsx").then((m) => ({ default: m.WarningsPage })),
);
const IndicatorsPage = lazy(() =>
  import("./indicators/IndicatorsPage.tsx").then((m) => ({ default: m.IndicatorsPage })),
);
const AccountsPage = lazy(() =>
  import("./pages/AccountsPage.tsx").then((m) => ({ default: m.AccountsPage })),
);
const AuditPage = lazy(() =>
  import("./pages/AuditPage.tsx").then((m) => ({ default: m.AuditPage })),
);
const SearchPage = lazy(() =>
  import("./pages/SearchPage.tsx").then((m) => ({ default: m.SearchPage })),
);
const SecurityLogPage = lazy(() =>
  import("./pages/SecurityLogPage.tsx").then((m) => ({ default: m.SecurityLogPage })),
);
const SettingsPage = lazy(() =>
  import("./pages/SettingsPage.tsx").then((m) => ({ default: m.SettingsPage })),
);
const ReportsPage = lazy(() =>
  import("./reports/ReportsPage.tsx").then((m) => ({ default: m.ReportsPage })),
);
const ReportPage = lazy(() =>
  import("./reports/ReportPage.tsx").then((m) => ({ default: m.ReportPage })),
);
const PublishedReportPage = lazy(() =>
  import("./reports/PublishedReportPage.tsx").then((m) => ({ default: m.PublishedReportPage })),
);
const ConsultationPage = lazy(() =>
  import("./consultation/ConsultationPage.tsx").then((m) => ({ default: m.ConsultationPage })),
);
const RegisterPage = lazy(() =>
  import("./registers/RegisterPage.tsx").then((m) => ({ default: m.RegisterPage })),
);

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

/** What the server declares, as the menu reads it. */
export interface ServerCatalog {
  caseTypes: CaseType[];
  registers: RegisterInfo[];
}

/** A menu entry derived from the server's declarations, already labelled. */
export interface ServerMenuEntry {
  path: string;
  label: string;
  order: number;
  /** The submenu: one per server module. */
  group: { key: string; label: string; order: number };
}

export interface ServerMenuContext {
  pick: (label: Label) => string;
  moduleLabel: (code: string) => string;
}

export interface WebModule {
  id: string;
  menu?: MenuEntry[];
  serverMenu?: (catalog: ServerCatalog, ctx: ServerMenuContext) => ServerMenuEntry[];
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

/** Local settings: everyone with a role reads the rules in force; system.configure sets them. */
const SETTINGS_READERS = ["system.configure", "record.read"] as const;
const settingsModule: WebModule = {
  id: "settings",
  menu: [
    {
      path: "/settings",
      label: "menu.settings",
      icon: ControlOutlined,
      anyOf: SETTINGS_READERS,
      group: "system",
      order: 15,
    },
  ],
  routes: [{ path: "/settings", component: SettingsPage, anyOf: SETTINGS_READERS }],
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

const READ = ["record.read"] as const;
/** Server modules' submenus come after the fixed entries and before the system group. */
const SERVER_GROUP_ORDER = 100;

const enginesModule: WebModule = {
  id: "engines",
  menu: [
    { path: "/warnings", label: "menu.warnings", icon: AlertOutlined, anyOf: READ, order: 10 },
    {
      path: "/indicators",
      label: "menu.indicators",
      icon: BarChartOutlined,
      anyOf: READ,
      order: 20,
    },
    { path: "/search", label: "menu.search", icon: SearchOutlined, anyOf: READ, order: 5 },
  ],
  serverMenu: ({ caseTypes, registers }, { pick, moduleLabel }) => {
    const modules = [...new Set([...caseTypes, ...registers].map((d) => d.module))];
    const group = (module: string) => ({
      key: `module:${module}`,
      label: moduleLabel(module),
      order: SERVER_GROUP_ORDER + modules.indexOf(module),
    });
    return [
      ...caseTypes.map((c, i) => ({
        path: casePath(c.code),
        label: pick(c.label),
        order: i,
        group: group(c.module),
      })),
      ...registers.map((r, i) => ({
        path: registerPath(r.code),
        label: pick(r.label),
        order: 500 + i,
        group: group(r.module),
      })),
    ];
  },
  routes: [
    { path: "/warnings", component: WarningsPage, anyOf: READ },
    { path: "/indicators", component: IndicatorsPage, anyOf: READ },
    { path: "/search", component: SearchPage, anyOf: READ },
    { path: "/cases/:type", component: CaseListPage, anyOf: READ },
    { path: "/cases/:type/:id", component: CaseDetailPage, anyOf: READ },
    { path: "/cases/:type/:id/consultation", component: ConsultationPage, anyOf: READ },
    { path: "/registers/:code", component: RegisterPage, anyOf: READ },
    { path: "/registers/:code/:region/:id", component: RegisterPage, anyOf: READ },
  ],
};

/** The report engine's pages (docs/report.md). */
const reportsModule: WebModule = {
  id: "reports",
  menu: [
    { path: "/reports", label: "menu.reports", icon: FileTextOutlined, anyOf: READ, order: 25 },
  ],
  routes: [
    { path: "/reports", component: ReportsPage, anyOf: READ },
    { path: "/reports/:id", component: ReportPage, anyOf: READ },
    { path: "/reports/published/:region/:id", component: PublishedReportPage, anyOf: READ },
  ],
};

export const MODULES: WebModule[] = [
  homeModule,
  enginesModule,
  reportsModule,
  accountsModule,
  settingsModule,
  auditModule,
];

export const ROUTES: RouteEntry[] = MODULES.flatMap((m) => m.routes);
export const MENU: MenuEntry[] = MODULES.flatMap((m) => m.menu ?? []);
export const SERVER_MENUS = MODULES.flatMap((m) => (m.serverMenu ? [m.serverMenu] : []));
