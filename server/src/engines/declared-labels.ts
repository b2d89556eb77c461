import type { Label } from "../kernel/labels.ts";
import { fieldLabels } from "./labels.ts";
import type { Registry } from "./registry.ts";

type Labels = Record<string, Label>;

export interface CaseTypeLabels {
  label: Label;
  states: Labels;
  actions: Labels;
  clocks: Labels;
  numbers: Labels;
  documents: Labels;
  participantRoles: Labels;
  /** Labelled fields: opening fields and every step's input fields. */
  fields: Labels;
}

export interface DeclaredLabels {
  modules: Labels;
  caseTypes: Record<string, CaseTypeLabels>;
  registers: Record<string, { label: Label; columns: Labels }>;
  indicators: Labels;
  settings: Labels;
}

const byCode = <T>(
  items: readonly T[] | undefined,
  code: (t: T) => string,
  label: (t: T) => Label,
) => Object.fromEntries((items ?? []).map((t) => [code(t), label(t)])) as Labels;

/**
 * Every label the modules declare, by code — module menu labels, case types (states,
 * actions, clocks, numbers, documents, roles, fields), registers and their columns,
 * indicators, settings — for `/api/labels`, so the web never keeps a copy.
 */
export function declaredLabels(registry: Registry): DeclaredLabels {
  return {
    modules: byCode(
      registry.modules,
      (m) => m.code,
      (m) => m.label,
    ),
    caseTypes: Object.fromEntries(
      registry.caseTypes().map((c) => [
        c.code,
        {
          label: c.label,
          states: Object.fromEntries(Object.entries(c.states).map(([k, s]) => [k, s.label])),
          actions: byCode(
            c.transitions,
            (x) => x.action,
            (x) => x.label,
          ),
          clocks: byCode(
            c.clocks,
            (k) => k.code,
            (k) => k.label,
          ),
          numbers: byCode(
            c.numbers,
            (n) => n.kind,
            (n) => n.label,
          ),
          documents: byCode(
            c.documents,
            (d) => d.code,
            (d) => d.label,
          ),
          participantRoles: { ...(c.participantRoles ?? {}) },
          fields: Object.assign(
            {},
            ...c.transitions.map((x) => fieldLabels(x.input)),
            fieldLabels(c.fields),
          ) as Labels,
        },
      ]),
    ),
    registers: Object.fromEntries(
      registry.registers().map((r) => [
        r.code,
        {
          label: r.label,
          columns: byCode(
            r.columns,
            (c) => c.field,
            (c) => c.label,
          ),
        },
      ]),
    ),
    indicators: byCode(
      registry.indicators(),
      (i) => i.id,
      (i) => i.label,
    ),
    settings: byCode(
      registry.settings(),
      (s) => s.code,
      (s) => s.label,
    ),
  };
}
