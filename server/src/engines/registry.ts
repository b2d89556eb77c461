import type { Label } from "../kernel/labels.ts";
import { platformSettings } from "../platform/auth/totp-setting.ts";
import type { WorkTx } from "../platform/work.ts";
import type { AnyCaseType, StepReactionDecl } from "./case/declare.ts";
import { checkModules } from "./check.ts";
import { consultationReactions } from "./consultation/reactions.ts";
import { consultationSettings } from "./consultation/settings.ts";
import type { DemoContribution } from "./demo/declare.ts";
import type { IndicatorDecl } from "./indicator/declare.ts";
import type { PortalBodiesDecl, PortalSectionDecl } from "./portal/declare.ts";
import type { RegisterDecl } from "./register/declare.ts";
import { checkReports } from "./report/check.ts";
import type { ReportTemplateDecl } from "./report/declare.ts";
import type { SettingDecl } from "./settings.ts";

/**
 * A module (one area of the report) declares what it adds to the engines: case types,
 * registers, indicators, demo data. Modules never copy engine code; the engines read
 * these declarations through a Registry.
 */
export interface ModuleDecl {
  code: string;
  label: Label;
  caseTypes?: AnyCaseType[];
  registers?: RegisterDecl[];
  indicators?: IndicatorDecl[];
  demo?: DemoContribution[];
  /** Rules that differ by province or city, with their national defaults. */
  settings?: SettingDecl[];
  /** Its sections on the public portal (engines/portal/declare.ts). */
  portal?: PortalSectionDecl[];
  /** The register of enforcement bodies the portal takes authority names from (one module). */
  portalBodies?: PortalBodiesDecl;
  /** Reactions to other modules' steps (engines/case/declare.ts `StepReactionDecl`). */
  reactions?: StepReactionDecl[];
  /** Questions this module answers for the others (e.g. supervision's credit check). */
  answers?: AnswerDecl[];
  /** Report templates (engines/report/declare.ts), e.g. the annual report. */
  reports?: ReportTemplateDecl[];
}

/**
 * A question one module answers for the others without either importing the other: e.g.
 * supervision answers `credit.check` (a subject's list entries and credit records) for
 * licensing's intake. A caller asks by code (`ctx.ask` in a guard, derive or effect, or
 * `registry.answer(code)`); when no loaded module answers it, the answer is `undefined`
 * and the caller goes on without it.
 */
export interface AnswerDecl<I = unknown, O = unknown> {
  code: string;
  label: Label;
  answer(w: WorkTx, q: { regionCode: string; onDate: string; input: I }): Promise<O>;
}

export interface Registry {
  modules: readonly ModuleDecl[];
  caseType(code: string): AnyCaseType | undefined;
  register(code: string): RegisterDecl | undefined;
  indicator(id: string): IndicatorDecl | undefined;
  caseTypes(): AnyCaseType[];
  registers(): RegisterDecl[];
  indicators(): IndicatorDecl[];
  demo(): DemoContribution[];
  setting(code: string): SettingDecl | undefined;
  settings(): SettingDecl[];
  /** The declared portal sections, in stage order then `order`. */
  portalSections(): PortalSectionDecl[];
  portalSection(code: string): PortalSectionDecl | undefined;
  portalBodies(): PortalBodiesDecl | undefined;
  /** The reactions declared to a step of a case type. */
  reactionsTo(caseType: string, action: string): StepReactionDecl[];
  /** The module that answers a question, if one is loaded. */
  answer(code: string): AnswerDecl | undefined;
  /** A report template by code. */
  report(code: string): ReportTemplateDecl | undefined;
  reports(): ReportTemplateDecl[];
}

/**
 * Build the registry, refusing duplicate codes across modules and any declaration that
 * names something that does not exist (engines/check.ts) — so the server, the CLI and
 * every test refuse to start on a misspelt state, action, clock or setting.
 */
export function createRegistry(modules: readonly ModuleDecl[]): Registry {
  const index = <T>(kind: string, items: T[], key: (t: T) => string) => {
    const m = new Map<string, T>();
    for (const it of items) {
      const k = key(it);
      if (m.has(k)) throw new Error(`duplicate ${kind} "${k}"`);
      m.set(k, it);
    }
    return m;
  };
  index("module", [...modules], (m) => m.code);
  const caseTypes = index(
    "case type",
    modules.flatMap((m) => m.caseTypes ?? []),
    (c) => c.code,
  );
  const registers = index(
    "register",
    modules.flatMap((m) => m.registers ?? []),
    (r) => r.code,
  );
  const indicators = index(
    "indicator",
    modules.flatMap((m) => m.indicators ?? []),
    (i) => i.id,
  );
  const demo = index(
    "demo contribution",
    modules.flatMap((m) => m.demo ?? []),
    (d) => d.id,
  );
  const settings = index(
    "setting",
    // The modules' settings, then the platform's own (identity).
    [...modules.flatMap((m) => m.settings ?? []), ...platformSettings, ...consultationSettings],
    (s) => s.code,
  );
  const sections = index(
    "portal section",
    modules.flatMap((m) => m.portal ?? []),
    (s) => s.code,
  );
  const stageOrder = ["before", "during", "after", "documents"];
  const sectionList = [...sections.values()].sort(
    (a, b) =>
      stageOrder.indexOf(a.stage) - stageOrder.indexOf(b.stage) ||
      (a.order ?? 100) - (b.order ?? 100),
  );
  const answers = index(
    "answer",
    modules.flatMap((m) => m.answers ?? []),
    (a) => a.code,
  );
  const reports = index(
    "report template",
    modules.flatMap((m) => m.reports ?? []),
    (r) => r.code,
  );
  const bodies = modules.find((m) => m.portalBodies)?.portalBodies;
  checkModules(modules);
  checkReports([...reports.values()], (id) => indicators.has(id));
  const reactions = new Map<string, StepReactionDecl[]>();
  for (const m of modules) {
    for (const r of m.reactions ?? []) {
      const target = caseTypes.get(r.caseType);
      if (!target) continue; // that module is not loaded: nothing to react to
      for (const a of r.actions) {
        if (!target.transitions.some((t) => t.action === a)) {
          throw new Error(
            `module "${m.code}": reaction to "${r.caseType}" names action "${a}", which it does not declare`,
          );
        }
        const k = `${r.caseType}\u0000${a}`;
        reactions.set(k, [...(reactions.get(k) ?? []), r]);
      }
    }
  }
  // The consultation engine opens and closes a draft's public comment on the declared steps.
  for (const ct of caseTypes.values()) {
    for (const r of consultationReactions(ct)) {
      for (const a of r.actions) {
        const k = `${ct.code}\u0000${a}`;
        reactions.set(k, [r, ...(reactions.get(k) ?? [])]);
      }
    }
  }
  return {
    modules,
    caseType: (c) => caseTypes.get(c),
    register: (c) => registers.get(c),
    indicator: (i) => indicators.get(i),
    caseTypes: () => [...caseTypes.values()],
    registers: () => [...registers.values()],
    indicators: () => [...indicators.values()],
    demo: () => [...demo.values()],
    setting: (c) => settings.get(c),
    settings: () => [...settings.values()],
    portalSections: () => [...sectionList],
    portalSection: (c) => sections.get(c),
    portalBodies: () => bodies,
    reactionsTo: (c, a) => reactions.get(`${c}\u0000${a}`) ?? [],
    answer: (c) => answers.get(c),
    report: (c) => reports.get(c),
    reports: () => [...reports.values()],
  };
}
