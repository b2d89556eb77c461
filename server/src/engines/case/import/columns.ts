import type { z } from "zod";
import type { Label } from "../../../kernel/labels.ts";
import type { AnyCaseType } from "../declare.ts";

/**
 * The columns of a case type's import file, derived from its declaration: the system
 * columns (unit, state, opening date), one date column per declared step, one column per
 * number kind and per clock (its outcome), then the case's fields (the zod schema's
 * labels; an object field such as the party is one column per member), then the fields
 * the steps set. Headers are the Chinese labels; the English label or the stable key is
 * accepted as well (a CSV written by another system may use the keys).
 */
export type ColumnKind =
  | "text"
  | "integer"
  | "number"
  | "date"
  | "boolean"
  | "enum"
  | "list"
  | "json";

export type ColumnTarget =
  | { kind: "unit" }
  | { kind: "state" }
  | { kind: "opened" }
  | { kind: "step"; action: string }
  | { kind: "number"; numberKind: string }
  | { kind: "clock"; clock: string }
  | { kind: "field"; path: readonly string[] }
  | { kind: "stepField"; field: string; action: string }
  | { kind: "stepInput"; field: string; action: string };

export interface ImportColumn {
  /** Stable ASCII key, e.g. `_state`, `step.decide`, `number.decision`, `party.name`. */
  key: string;
  label: Label;
  kind: ColumnKind;
  options?: Record<string, Label>;
  /** Required in every row (shown in the template). */
  required?: boolean;
  target: ColumnTarget;
}

interface Described {
  kind: ColumnKind;
  label?: Label;
  options?: Record<string, Label>;
  optional: boolean;
  object?: z.ZodObject;
}

// biome-ignore lint/suspicious/noExplicitAny: zod's internal definitions are untyped here
type AnyDef = any;

/** The column kind, label and options of a zod schema (through optional/default/pipe wrappers). */
export function describe(schema: z.ZodType): Described {
  let s: AnyDef = schema;
  let label: Label | undefined;
  let options: Record<string, Label> | undefined;
  let optional = false;
  for (let depth = 0; s && depth < 10; depth++) {
    const meta = typeof s.meta === "function" ? s.meta() : undefined;
    label ??= meta?.label as Label | undefined;
    options ??= meta?.enumLabels as Record<string, Label> | undefined;
    const type = s.def?.type;
    if (type === "optional" || type === "default" || type === "nullable" || type === "prefault") {
      optional = true;
      s = s.def.innerType;
    } else if (type === "readonly" || type === "catch") s = s.def.innerType;
    else if (type === "pipe") s = s.def.in;
    else break;
  }
  const type = s?.def?.type;
  const base = { label, optional };
  switch (type) {
    case "string":
      return { ...base, kind: s.def.format === "date" || s.format === "date" ? "date" : "text" };
    case "number":
      return { ...base, kind: s.format === "safeint" || s.isInt ? "integer" : "number" };
    case "int":
      return { ...base, kind: "integer" };
    case "boolean":
      return { ...base, kind: "boolean" };
    case "enum": {
      const codes = Object.values(s.def.entries as Record<string, string>);
      const opts: Record<string, Label> = {};
      for (const c of codes) opts[c] = options?.[c] ?? { zh: c, en: c };
      return { ...base, kind: "enum", options: opts };
    }
    case "array": {
      const item = describe(s.def.element);
      if (item.kind === "text" || item.kind === "enum") {
        return { ...base, kind: "list", ...(item.options ? { options: item.options } : {}) };
      }
      return { ...base, kind: "json" };
    }
    case "object":
      return { ...base, kind: "json", object: s };
    default:
      return { ...base, kind: "json" };
  }
}

const joinLabel = (a: Label, b: Label): Label => ({
  zh: `${a.zh}·${b.zh}`,
  en: `${a.en}: ${b.en}`,
});

/** The import columns of a case type, in template order. */
export function importColumns(decl: AnyCaseType): ImportColumn[] {
  const cols: ImportColumn[] = [
    {
      key: "_unit",
      label: { zh: "办理单位编码", en: "Unit code" },
      kind: "text",
      target: { kind: "unit" },
    },
    {
      key: "_state",
      label: { zh: "当前状态", en: "State" },
      kind: "enum",
      options: Object.fromEntries(Object.entries(decl.states).map(([k, v]) => [k, v.label])),
      required: true,
      target: { kind: "state" },
    },
    {
      key: "_opened",
      label: { zh: "收案（立案）日期", en: "Opened on" },
      kind: "date",
      required: true,
      target: { kind: "opened" },
    },
  ];
  const seenActions = new Set<string>();
  for (const t of decl.transitions) {
    if (seenActions.has(t.action)) continue;
    seenActions.add(t.action);
    cols.push({
      key: `step.${t.action}`,
      label: { zh: `${t.label.zh}日期`, en: `${t.label.en} (date)` },
      kind: "date",
      target: { kind: "step", action: t.action },
    });
  }
  for (const n of decl.numbers ?? []) {
    cols.push({
      key: `number.${n.kind}`,
      label: n.label,
      kind: "text",
      target: { kind: "number", numberKind: n.kind },
    });
  }
  for (const c of decl.clocks ?? []) {
    if (c.startOn.viaLink) continue; // started by a linked case's step, never by an import
    cols.push({
      key: `clock.${c.code}`,
      label: {
        zh: `${c.label.zh}（停止日期或“进行中”）`,
        en: `${c.label.en} (stopped on, or "running")`,
      },
      kind: "text",
      target: { kind: "clock", clock: c.code },
    });
  }
  // Fields the steps set from their input (a decision's content, the fine) come with
  // their step and are validated by its input schema.
  const fieldKeys = new Set<string>();
  const stepField = (f: string): ImportColumn | undefined => {
    for (const t of decl.transitions) {
      if (!t.setsFields?.includes(f)) continue;
      const schema = (t.input?.shape as Record<string, z.ZodType> | undefined)?.[f];
      if (!schema) continue;
      const d = describe(schema);
      return {
        key: f,
        label: d.label ?? { zh: f, en: f },
        kind: d.kind,
        ...(d.options ? { options: d.options } : {}),
        target: { kind: "stepField", field: f, action: t.action },
      };
    }
    return undefined;
  };
  const stepCols: ImportColumn[] = [];
  for (const [name, schema] of Object.entries(decl.fields.shape as Record<string, z.ZodType>)) {
    const owned = stepField(name);
    if (owned) {
      fieldKeys.add(name);
      stepCols.push(owned);
      continue;
    }
    const d = describe(schema);
    const label = d.label ?? { zh: name, en: name };
    fieldKeys.add(name);
    if (d.object) {
      for (const [member, ms] of Object.entries(d.object.shape as Record<string, z.ZodType>)) {
        const md = describe(ms);
        cols.push({
          key: `${name}.${member}`,
          label: joinLabel(label, md.label ?? { zh: member, en: member }),
          kind: md.object ? "json" : md.kind,
          ...(md.options ? { options: md.options } : {}),
          required: !d.optional && !md.optional,
          target: { kind: "field", path: [name, member] },
        });
      }
      continue;
    }
    cols.push({
      key: name,
      label,
      kind: d.kind,
      ...(d.options ? { options: d.options } : {}),
      required: !d.optional,
      target: { kind: "field", path: [name] },
    });
  }
  for (const t of decl.transitions) {
    for (const f of t.setsFields ?? []) {
      if (fieldKeys.has(f)) continue;
      const c = stepField(f);
      if (!c) continue;
      fieldKeys.add(f);
      stepCols.push(c);
    }
  }
  // Inputs a step records without setting them on the case (`importsInput`): one column
  // `<action>.<field>` each, kept on the step's timeline event.
  const inputCols: ImportColumn[] = [];
  const seenInputs = new Set<string>();
  for (const t of decl.transitions) {
    for (const f of t.importsInput ?? []) {
      const key = `${t.action}.${f}`;
      const schema = (t.input?.shape as Record<string, z.ZodType> | undefined)?.[f];
      if (!schema || seenInputs.has(key)) continue;
      seenInputs.add(key);
      const d = describe(schema);
      inputCols.push({
        key,
        label: joinLabel(t.label, d.label ?? { zh: f, en: f }),
        kind: d.kind,
        ...(d.options ? { options: d.options } : {}),
        target: { kind: "stepInput", field: f, action: t.action },
      });
    }
  }
  return [...cols, ...stepCols, ...inputCols];
}
