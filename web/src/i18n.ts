/**
 * Every UI string, Chinese first, English beside. Pages say `t("key")`; labels of the
 * server's stable codes (roles, event kinds, …) come from GET /api/labels instead.
 * A module adds its strings here under its own key prefix.
 */
import {
  createContext,
  createElement,
  type ReactNode,
  useContext,
  useEffect,
  useMemo,
  useState,
} from "react";

export type Lang = "zh" | "en";

const STRINGS = {
  "app.name": { zh: "法治", en: "Fazhi" },
  "app.tagline": { zh: "法治政府建设工作平台", en: "Rule-of-law government work platform" },
  "lang.switch": { zh: "English", en: "中文" },
  "lang.current": { zh: "中文", en: "English" },

  "common.search": { zh: "查询", en: "Search" },
  "common.reset": { zh: "重置", en: "Reset" },
  "common.refresh": { zh: "刷新", en: "Refresh" },
  "common.ok": { zh: "确定", en: "OK" },
  "common.cancel": { zh: "取消", en: "Cancel" },
  "common.save": { zh: "保存", en: "Save" },
  "common.actions": { zh: "操作", en: "Actions" },
  "common.total": { zh: "共 {n} 条", en: "{n} in all" },
  "common.error": { zh: "出错了", en: "Something went wrong" },
  "common.forbidden": { zh: "您没有访问此页面的权限。", en: "You may not open this page." },
  "common.notFound": { zh: "页面不存在。", en: "No such page." },
  "common.backHome": { zh: "返回工作台", en: "Back to home" },
  "common.loading": { zh: "加载中…", en: "Loading…" },
  "common.none": { zh: "无", en: "none" },

  "auth.username": { zh: "用户名", en: "User name" },
  "auth.password": { zh: "密码", en: "Password" },
  "auth.login": { zh: "登录", en: "Log in" },
  "auth.loginTitle": { zh: "登录", en: "Log in" },
  "auth.logout": { zh: "退出登录", en: "Log out" },
  "auth.required": { zh: "请输入{field}", en: "Enter the {field}" },
  "auth.changePassword": { zh: "修改密码", en: "Change password" },
  "auth.mustChange": {
    zh: "首次登录请先修改一次性密码，修改后才能使用系统。",
    en: "Change your one-time password before using the system.",
  },
  "auth.currentPassword": { zh: "当前密码", en: "Current password" },
  "auth.newPassword": { zh: "新密码", en: "New password" },
  "auth.confirmPassword": { zh: "确认新密码", en: "Confirm new password" },
  "auth.mismatch": { zh: "两次输入的新密码不一致", en: "The two new passwords differ" },
  "auth.passwordRules": {
    zh: "至少 10 位，不含用户名，包含大写字母、小写字母、数字、符号中的至少三类。",
    en: "At least 10 characters, not containing the user name, with three of: upper case, lower case, digits, symbols.",
  },
  "auth.passwordChanged": { zh: "密码已修改", en: "Password changed" },

  "menu.home": { zh: "工作台", en: "Home" },
  "menu.system": { zh: "系统管理", en: "System" },
  "menu.accounts": { zh: "账户管理", en: "Accounts" },
  "menu.securityLog": { zh: "安全日志", en: "Security log" },
  "menu.audit": { zh: "审计日志", en: "Audit trail" },

  "home.greeting": { zh: "{name}，您好！", en: "Hello, {name}!" },
  "home.myUnit": { zh: "所在单位", en: "My unit" },
  "home.myRoles": { zh: "我的角色", en: "My roles" },
  "home.scope": { zh: "数据范围", en: "Data scope" },
  "home.scope.unit": { zh: "本单位", en: "My unit" },
  "home.scope.region": { zh: "本区域", en: "My region" },
  "deadline.title": { zh: "期限计算", en: "Deadline calculator" },
  "deadline.start": { zh: "起算日", en: "Start date" },
  "deadline.period": { zh: "期间", en: "Period" },
  "deadline.unit.wd": { zh: "个工作日", en: "working days" },
  "deadline.unit.d": { zh: "日（自然日）", en: "calendar days" },
  "deadline.unit.m": { zh: "个月", en: "months" },
  "deadline.compute": { zh: "计算", en: "Compute" },
  "deadline.due": { zh: "届满日", en: "Due date" },
  "deadline.provisional": { zh: "暂定", en: "Provisional" },
  "deadline.provisionalHint": {
    zh: "{years} 年的放假安排尚未公布，仅按法定节假日推算，公布后将重新计算。",
    en: "The holiday notice for {years} is not yet loaded: computed from statutory holidays only, recomputed when it arrives.",
  },
  "deadline.note": {
    zh: "起算当日不计入；期间届满日为节假日的，顺延至节假日后第一个工作日。",
    en: "The start day is not counted; a period ending on a rest day ends on the next working day.",
  },

  "accounts.title": { zh: "账户管理", en: "Accounts" },
  "accounts.create": { zh: "新建账户", en: "New account" },
  "accounts.username": { zh: "用户名", en: "User name" },
  "accounts.displayName": { zh: "姓名", en: "Name" },
  "accounts.unit": { zh: "单位", en: "Unit" },
  "accounts.roles": { zh: "角色", en: "Roles" },
  "accounts.status": { zh: "状态", en: "Status" },
  "accounts.active": { zh: "正常", en: "Active" },
  "accounts.disabled": { zh: "已停用", en: "Disabled" },
  "accounts.locked": { zh: "已锁定", en: "Locked" },
  "accounts.setRoles": { zh: "设置角色", en: "Set roles" },
  "accounts.reason": { zh: "变更理由", en: "Reason" },
  "accounts.unlock": { zh: "解锁", en: "Unlock" },
  "accounts.unlockConfirm": { zh: "确定解锁账户 {name}？", en: "Unlock the account {name}?" },
  "accounts.unlocked": { zh: "已解锁", en: "Unlocked" },
  "accounts.rolesSaved": { zh: "角色已更新", en: "Roles updated" },
  "accounts.created": { zh: "账户已创建", en: "Account created" },
  "accounts.oneTimePassword": { zh: "一次性密码", en: "One-time password" },
  "accounts.oneTimePasswordHint": {
    zh: "请将一次性密码告知 {name}。此密码只显示这一次，首次登录时须修改。",
    en: "Give this one-time password to {name}. It is shown only once and must be changed at first login.",
  },
  "accounts.adminRoleFixed": {
    zh: "管理员角色在命令行中设置",
    en: "Administrator roles are set on the command line",
  },

  "security.title": { zh: "安全日志", en: "Security log" },
  "security.time": { zh: "时间", en: "Time" },
  "security.kind": { zh: "事件", en: "Event" },
  "security.username": { zh: "用户名", en: "User name" },
  "security.ip": { zh: "IP 地址", en: "IP address" },
  "security.detail": { zh: "详情", en: "Detail" },

  "audit.title": { zh: "审计日志", en: "Audit trail" },
  "audit.time": { zh: "时间", en: "Time" },
  "audit.actor": { zh: "操作人", en: "Actor" },
  "audit.system": { zh: "（系统/命令行）", en: "(system / command line)" },
  "audit.action": { zh: "操作", en: "Action" },
  "audit.entityType": { zh: "对象类型", en: "Entity type" },
  "audit.entityId": { zh: "对象编号", en: "Entity id" },
  "audit.reason": { zh: "理由", en: "Reason" },
  "audit.before": { zh: "变更前", en: "Before" },
  "audit.after": { zh: "变更后", en: "After" },
  "audit.chain": { zh: "哈希链", en: "Hash chain" },
} as const satisfies Record<string, { zh: string; en: string }>;

export type MsgKey = keyof typeof STRINGS;
export type Vars = Record<string, string | number>;

/** The text of a key in a language, with `{name}` placeholders filled in. */
export function translate(lang: Lang, key: MsgKey, vars?: Vars): string {
  const text: string = STRINGS[key][lang];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

const STORAGE_KEY = "fazhi.lang";

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "zh";
  } catch {
    return "zh";
  }
}

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MsgKey, vars?: Vars) => string;
  /** Pick the language's side of a {zh, en} pair (labels from the server). */
  pick: (label: { zh: string; en: string } | undefined, fallback?: string) => string;
}

const I18nContext = createContext<I18n | undefined>(undefined);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
    document.title = translate(lang, "app.name");
  }, [lang]);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang: (next) => {
        try {
          localStorage.setItem(STORAGE_KEY, next);
        } catch {
          // private mode: the choice lasts for this page only
        }
        setLangState(next);
      },
      t: (key, vars) => translate(lang, key, vars),
      pick: (label, fallback = "") => (label ? label[lang] : fallback),
    }),
    [lang],
  );
  return createElement(I18nContext.Provider, { value }, children);
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error("useI18n outside I18nProvider");
  return ctx;
}
