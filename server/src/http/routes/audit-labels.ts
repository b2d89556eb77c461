/**
 * What an audit event's action means, in the office's words: "行政处罚（普通程序）· 结案"
 * instead of "case.penalty_general.close". Case steps take their transition's label,
 * register writes the register's, platform actions the table below. An action nobody
 * declared is named as an unnamed operation with its code kept for the auditor.
 */
import type { Registry } from "../../engines/registry.ts";
import type { Label } from "../../kernel/labels.ts";

/** The case engine's own operations (not declared transitions). */
const CASE_OPS: Record<string, Label> = {
  create: { zh: "立案（创建）", en: "Opened" },
  suspend: { zh: "中止计时", en: "Clocks suspended" },
  resume: { zh: "恢复计时", en: "Clocks resumed" },
  extend: { zh: "延长期限", en: "Time limit extended" },
  link: { zh: "关联案件", en: "Cases linked" },
  add_participant: { zh: "添加参与单位", en: "Unit added" },
  open_sub_case: { zh: "分办", en: "Sub-case opened" },
  document: { zh: "生成文书", en: "Document generated" },
  download: { zh: "下载附件", en: "Attachment downloaded" },
  attach: { zh: "上传附件", en: "Attachment uploaded" },
  reveal: { zh: "查看个人信息", en: "Personal data revealed" },
  import: { zh: "导入案件", en: "Cases imported" },
  import_file: { zh: "导入案件文件", en: "Case file imported" },
  update: { zh: "修改案件", en: "Case updated" },
};

const REGISTER_OPS: Record<string, Label> = {
  create: { zh: "新增", en: "entry added" },
  update: { zh: "修改", en: "entry changed" },
  delete: { zh: "删除", en: "entry deleted" },
  import: { zh: "导入", en: "entries imported" },
};

const PLATFORM: Record<string, Label> = {
  "user.create": { zh: "创建账户", en: "Account created" },
  "user.activate": { zh: "启用账户", en: "Account activated" },
  "user.password_change": { zh: "修改密码", en: "Password changed" },
  "user.roles_change": { zh: "变更角色", en: "Roles changed" },
  "user.totp_enrol": { zh: "绑定动态口令", en: "Authenticator enrolled" },
  "user.totp_reset": { zh: "重置动态口令", en: "Authenticator reset" },
  "user.unlock": { zh: "解锁账户", en: "Account unlocked" },
  "account.unlock": { zh: "解锁账户", en: "Account unlocked" },
  "role.assign": { zh: "分配角色", en: "Role assigned" },
  "setting.put": { zh: "修改参数设置", en: "Setting changed" },
  "unit.create": { zh: "新增单位", en: "Unit created" },
  "unit.update": { zh: "修改单位", en: "Unit changed" },
  "calendar.national": { zh: "载入国务院节假日安排", en: "National holidays loaded" },
  "calendar.notice_load": { zh: "载入节假日通知", en: "Holiday notice loaded" },
  "demo.load": { zh: "载入演示数据", en: "Demo loaded" },
  "demo.loaded": { zh: "演示数据载入完成", en: "Demo loaded" },
  "demo.failed": { zh: "演示数据载入失败", en: "Demo load failed" },
};

const UNKNOWN: Label = { zh: "其他操作", en: "Other operation" };

/** The label of an action code. */
export function auditActionLabel(registry: Registry, action: string): Label {
  const fixed = PLATFORM[action];
  if (fixed) return fixed;
  const [head, code = "", op = "", ...rest] = action.split(".");
  if (head === "case") {
    const decl = registry.caseType(code);
    const step =
      rest.length === 0
        ? (decl?.transitions.find((t) => t.action === op)?.label ?? CASE_OPS[op])
        : undefined;
    if (decl && step)
      return { zh: `${decl.label.zh} · ${step.zh}`, en: `${decl.label.en}: ${step.en}` };
    if (decl) return { zh: `${decl.label.zh} · ${UNKNOWN.zh}`, en: `${decl.label.en}: ${op}` };
  }
  if (head === "register") {
    const decl = registry.register(code);
    const what = REGISTER_OPS[op];
    if (decl && what)
      return { zh: `${decl.label.zh} · ${what.zh}`, en: `${decl.label.en}: ${what.en}` };
  }
  return { zh: UNKNOWN.zh, en: action };
}

/** Every action a filter may choose, labelled (case steps, register writes, the platform's). */
export function auditActionOptions(registry: Registry): { value: string; label: Label }[] {
  const out: { value: string; label: Label }[] = [];
  for (const [value, label] of Object.entries(PLATFORM)) out.push({ value, label });
  for (const decl of registry.caseTypes()) {
    const actions = new Set([
      "create",
      ...decl.transitions.map((t) => t.action),
      "suspend",
      "resume",
      "extend",
    ]);
    for (const a of actions) {
      const value = `case.${decl.code}.${a}`;
      out.push({ value, label: auditActionLabel(registry, value) });
    }
  }
  for (const decl of registry.registers()) {
    for (const op of ["create", "update", "delete"]) {
      const value = `register.${decl.code}.${op}`;
      out.push({ value, label: auditActionLabel(registry, value) });
    }
  }
  return out;
}
