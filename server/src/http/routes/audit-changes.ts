/**
 * An audit event's before and after as the auditor reads them: field by field, each
 * field named by its declared label (a case type's fields, its steps' input and the
 * values its steps compute; a register's columns) and each value in words (an enum by
 * its option's label, a state by its name, 是/否) — not raw JSON. The raw values stay
 * in the event (and in the export) for the chain's verification.
 */
import type { z } from "zod";
import { linkKinds } from "../../engines/case/links.ts";
import { fieldLabel, fieldOptions } from "../../engines/labels.ts";
import type { Registry } from "../../engines/registry.ts";
import { type Label, ROLE_LABELS, UNIT_KIND_LABELS } from "../../kernel/labels.ts";
import { toLocalDate } from "../../kernel/time/local-date.ts";

export interface AuditChange {
  field: string;
  label: Label;
  before: Label | null;
  after: Label | null;
}

/** Keys the engines write on every event of their kind. */
const ENGINE_KEYS: Record<string, Label> = {
  state: { zh: "状态", en: "State" },
  version: { zh: "版本", en: "Version" },
  title: { zh: "标题", en: "Title" },
  unitId: { zh: "承办单位", en: "Unit" },
  numbers: { zh: "文号", en: "Numbers" },
  followUps: { zh: "联动步骤", en: "Follow-up steps" },
  roles: { zh: "角色", en: "Roles" },
  username: { zh: "用户名", en: "User name" },
  displayName: { zh: "姓名", en: "Name" },
  unit: { zh: "单位", en: "Unit" },
  active: { zh: "启用", en: "Active" },
  value: { zh: "取值", en: "Value" },
  basis: { zh: "依据", en: "Basis" },
  effectiveFrom: { zh: "生效日期", en: "Effective from" },
  region: { zh: "地区", en: "Region" },
  reason: { zh: "理由", en: "Reason" },
  file: { zh: "文件", en: "File" },
  name: { zh: "名称", en: "Name" },
  firstStart: { zh: "首次启动", en: "First start" },
  lockedUntil: { zh: "锁定至", en: "Locked until" },
  kind: { zh: "类型", en: "Kind" },
  totp: { zh: "动态口令", en: "Authenticator" },
  toCaseId: { zh: "关联案件编号", en: "Linked case" },
  fromCaseId: { zh: "关联案件编号", en: "Linked case" },
  caseId: { zh: "案件编号", en: "Case" },
  clocks: { zh: "期限", en: "Clocks" },
  period: { zh: "延长期间", en: "Period" },
  approvedBy: { zh: "批准人", en: "Approved by" },
  // the demo's load events (engines/demo/loader.ts)
  seed: { zh: "演示数据集", en: "Demo data set" },
  demoNow: { zh: "演示数据截止日", en: "Demo data up to" },
  contributions: { zh: "载入内容", en: "Parts loaded" },
  users: { zh: "演示账户数", en: "Demo accounts" },
};

/** A value encrypted at rest (SM4, platform/crypto): never shown, said to be so. */
const ENCRYPTED: Label = { zh: "（已加密）", en: "(encrypted)" };

/** Platform fields whose values are codes with labels. */
const ENGINE_OPTIONS: Record<string, Record<string, Label>> = {
  roles: ROLE_LABELS,
  kind: UNIT_KIND_LABELS,
  seed: { "wulong-2020": { zh: "武隆区2020年演示数据", en: "Wulong 2020 demo" } },
};

/** Fields shown by how many items they hold (lists of internal parts, not for reading). */
const COUNTED = new Set(["contributions"]);

/** An instant written as ISO text (2021-01-31T01:00:00.000Z): its day in Asia/Shanghai. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Containers whose members are the fields themselves. */
const CONTAINERS = new Set(["fields", "input", "derived", "data"]);

interface FieldInfo {
  label: Label;
  options?: Record<string, Label>;
  /** The field's schema: an object's members are named by their own labels. */
  schema?: z.ZodType;
  /** Members named outside a schema (a case's numbers by their kinds). */
  members?: Record<string, Label>;
}

// biome-ignore lint/suspicious/noExplicitAny: any declared object schema
type AnyObject = z.ZodObject<any>;

function addSchema(out: Map<string, FieldInfo>, schema: AnyObject | undefined) {
  const shape = (schema as { shape?: Record<string, unknown> } | undefined)?.shape;
  if (!shape) return;
  for (const field of Object.keys(shape)) {
    if (out.has(field)) continue;
    const label = fieldLabel(schema as AnyObject, field);
    if (!label) continue;
    out.set(field, infoOf(schema as AnyObject, field, label));
  }
}

function infoOf(schema: AnyObject, field: string, label: Label): FieldInfo {
  const options = fieldOptions(schema, field);
  const own = (schema.shape as Record<string, z.ZodType>)[field];
  return { label, ...(options ? { options } : {}), ...(own ? { schema: own } : {}) };
}

/** The object schema a field's schema is, under optional/nullable/default (or none). */
function objectOf(schema: z.ZodType | undefined): AnyObject | undefined {
  let s: z.ZodType | undefined = schema;
  for (let i = 0; s && i < 6; i++) {
    if ((s as { shape?: unknown }).shape) return s as AnyObject;
    const element = (s as unknown as { element?: z.ZodType }).element;
    if (element) {
      s = element;
      continue;
    }
    const inner = (s as unknown as { unwrap?: () => z.ZodType }).unwrap;
    s = typeof inner === "function" ? inner.call(s) : undefined;
  }
  return undefined;
}

/** A member of an object field: its declared label and options, else the engine's word. */
function memberInfo(parent: FieldInfo | undefined, key: string): FieldInfo | undefined {
  const named = parent?.members?.[key];
  if (named) return { label: named };
  const obj = objectOf(parent?.schema);
  const label = obj ? fieldLabel(obj, key) : undefined;
  if (obj && label) return infoOf(obj, key, label);
  return ENGINE_KEYS[key] ? { label: ENGINE_KEYS[key] } : undefined;
}

function fieldsOf(registry: Registry, action: string) {
  const out = new Map<string, FieldInfo>();
  const [head, code = ""] = action.split(".");
  let states: Record<string, { label: Label }> = {};
  if (head === "case") {
    const decl = registry.caseType(code);
    if (decl) {
      addSchema(out, decl.fields as AnyObject);
      for (const t of decl.transitions) addSchema(out, t.input as AnyObject | undefined);
      addSchema(out, decl.derived as AnyObject | undefined);
      states = decl.states as Record<string, { label: Label }>;
      // the numbers issued, by their kinds (处罚决定书文号 …)
      const kinds = Object.fromEntries((decl.numbers ?? []).map((n) => [n.kind, n.label]));
      if (!out.has("numbers") && ENGINE_KEYS.numbers)
        out.set("numbers", { label: ENGINE_KEYS.numbers, members: kinds });
      // a link's kind (link events write { kind, toCaseId })
      if (!out.has("kind")) {
        const options = Object.fromEntries(linkKinds(decl).map((k) => [k.code, k.label]));
        out.set("kind", { label: { zh: "关联类型", en: "Link kind" }, options });
      }
    }
  } else if (head === "register") {
    const decl = registry.register(code);
    for (const c of decl?.columns ?? []) {
      out.set(c.field, c.options ? { label: c.label, options: c.options } : { label: c.label });
    }
    addSchema(out, decl?.schema as AnyObject | undefined);
  }
  return { out, states };
}

const YES: Label = { zh: "是", en: "yes" };
const NO: Label = { zh: "否", en: "no" };

function text(v: unknown, info: FieldInfo | undefined, lang: "zh" | "en"): string {
  if (v === null || v === undefined || v === "") return "";
  if (typeof v === "boolean") return v ? YES[lang] : NO[lang];
  if (Array.isArray(v)) return v.map((x) => text(x, info, lang)).join(lang === "zh" ? "、" : ", ");
  if (typeof v === "object") {
    return Object.entries(v as Record<string, unknown>)
      .filter(
        ([, x]) =>
          x !== null && x !== undefined && x !== "" && !(Array.isArray(x) && x.length === 0),
      )
      .map(([k, x]) => {
        const member = memberInfo(info, k);
        return `${member?.label[lang] ?? k}${lang === "zh" ? "：" : ": "}${text(x, member, lang)}`;
      })
      .join(lang === "zh" ? "；" : "; ");
  }
  if (typeof v === "string" && v.startsWith("sm4:")) return ENCRYPTED[lang];
  if (typeof v === "string" && ISO_INSTANT.test(v)) return toLocalDate(new Date(v));
  const option = info?.options?.[String(v)];
  return option ? option[lang] : String(v);
}

const both = (v: unknown, info?: FieldInfo): Label | null =>
  v === undefined || v === null || v === ""
    ? null
    : { zh: text(v, info, "zh"), en: text(v, info, "en") };

/** The flat fields of a before/after: containers opened one level. */
function flat(v: unknown): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (!v || typeof v !== "object" || Array.isArray(v)) return out;
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (CONTAINERS.has(k) && x && typeof x === "object" && !Array.isArray(x)) {
      for (const [k2, y] of Object.entries(x as Record<string, unknown>)) out.set(k2, y);
    } else out.set(k, x);
  }
  return out;
}

/** The fields an event changed (or set, or cleared), labelled, in the order written. */
export function auditChanges(
  registry: Registry,
  action: string,
  before: unknown,
  after: unknown,
): AuditChange[] {
  const { out: infos, states } = fieldsOf(registry, action);
  const b = flat(before);
  const a = flat(after);
  const changes: AuditChange[] = [];
  for (const field of new Set([...b.keys(), ...a.keys()])) {
    const x = b.get(field);
    const y = a.get(field);
    if (JSON.stringify(x) === JSON.stringify(y)) continue;
    const options = ENGINE_OPTIONS[field];
    const info =
      infos.get(field) ??
      (options && ENGINE_KEYS[field] ? { label: ENGINE_KEYS[field], options } : undefined);
    const label = info?.label ?? ENGINE_KEYS[field] ?? { zh: field, en: field };
    if (field === "state") {
      const name = (s: unknown) => (typeof s === "string" && states[s] ? states[s].label : both(s));
      changes.push({ field, label, before: name(x), after: name(y) });
      continue;
    }
    if (COUNTED.has(field)) {
      const count = (v: unknown): Label | null =>
        Array.isArray(v) ? { zh: `${v.length}项`, en: `${v.length}` } : both(v);
      changes.push({ field, label, before: count(x), after: count(y) });
      continue;
    }
    changes.push({ field, label, before: both(x, info), after: both(y, info) });
  }
  return changes;
}
