import type { z } from "zod";
import { PERMISSIONS } from "../kernel/access.ts";
import { isPersonRoleCode } from "../kernel/masking.ts";
import { type AnyCaseType, type ClockTrigger, STAY } from "./case/declare.ts";
import { checkIndicators } from "./indicator/values.ts";
import { checkPortalSections } from "./portal/check.ts";
import { checkRegisterDecl } from "./register/data.ts";
import type { ModuleDecl } from "./registry.ts";

/** A case type's link kind codes: ordinary kinds by code, declared kinds by their `code`. */
const linkCodes = (t: AnyCaseType): string[] =>
  (t.links ?? []).map((l) => (typeof l === "string" ? l : l.code));

/**
 * Every declaration checked when the modules are loaded (by the server, the CLI and the
 * tests, through `createRegistry`): each name a declaration uses — a state, an action, a
 * clock, a link kind, a number kind, a document, a sub-case type, a setting, a
 * permission, a person role — must exist. A wrong name fails at start, naming the
 * module, the declaration and the name, instead of a step failing (or silently doing
 * nothing) months later.
 */
export class DeclarationError extends Error {
  override name = "DeclarationError";
  constructor(readonly problems: readonly string[]) {
    super(
      `the modules are badly declared (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n  - ${problems.join("\n  - ")}`,
    );
  }
}

/** Steps the engine itself takes on every case type (besides the declared transitions). */
export const ENGINE_ACTIONS = ["create"] as const;

const PERMISSION_SET = new Set<string>(PERMISSIONS);

function shapeOf(schema: z.ZodObject | undefined): Set<string> {
  return new Set(Object.keys((schema?.shape ?? {}) as Record<string, unknown>));
}

function duplicates(items: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const i of items) (seen.has(i) ? dup : seen).add(i);
  return [...dup];
}

function checkCaseType(
  m: ModuleDecl,
  t: AnyCaseType,
  allTypes: ReadonlyMap<string, AnyCaseType>,
  names: { settings: ReadonlySet<string>; registers: ReadonlySet<string> },
  out: string[],
) {
  const { settings, registers } = names;
  const where = `module "${m.code}", case type "${t.code}"`;
  const bad = (what: string) => out.push(`${where}: ${what}`);
  const states = new Set(Object.keys(t.states));
  const actions = new Set(t.transitions.map((x) => x.action));
  const clocks = new Set((t.clocks ?? []).map((k) => k.code));
  const numbers = new Set((t.numbers ?? []).map((n) => n.kind));
  const links = new Set(linkCodes(t));
  const roles = new Set(Object.keys(t.participantRoles ?? {}));
  const fields = shapeOf(t.fields);
  const stepSet = new Set<string>(t.stepFields ?? []);
  for (const x of t.transitions) for (const f of x.setsFields ?? []) stepSet.add(f);

  if (t.module !== m.code) bad(`module "${t.module}" is not the declaring module "${m.code}"`);
  if (!states.has(t.initial)) bad(`initial state "${t.initial}" is not a declared state`);
  for (const d of duplicates(t.transitions.map((x) => x.action)))
    bad(`action "${d}" is declared twice`);
  for (const a of ENGINE_ACTIONS)
    if (actions.has(a)) bad(`action "${a}" is the engine's own step; choose another code`);
  for (const d of duplicates((t.clocks ?? []).map((k) => k.code)))
    bad(`clock "${d}" is declared twice`);
  for (const d of duplicates((t.numbers ?? []).map((n) => n.kind)))
    bad(`number kind "${d}" is declared twice`);
  for (const d of duplicates((t.documents ?? []).map((n) => n.code)))
    bad(`document "${d}" is declared twice`);

  for (const pf of t.publicFiles ?? []) {
    if (!t.documents?.some((d) => d.code === pf.document))
      bad(`publicFiles: document "${pf.document}" is not declared`);
    if (!t.transitions.some((x) => x.action === pf.on))
      bad(`publicFiles: action "${pf.on}" is not declared`);
  }
  for (const x of t.transitions) {
    const at = `action "${x.action}"`;
    for (const s of x.from) if (!states.has(s)) bad(`${at}: from-state "${s}" is not declared`);
    if (x.to === STAY) {
      if (x.viaLink?.length) bad(`${at}: a step taken through a link must name its to-state`);
    } else if (!states.has(x.to)) bad(`${at}: to-state "${x.to}" is not declared`);
    if (x.permission && !PERMISSION_SET.has(x.permission))
      bad(`${at}: permission "${x.permission}" does not exist`);
    for (const k of x.issues ?? [])
      if (!numbers.has(k)) bad(`${at}: issues number kind "${k}", which is not declared`);
    const input = shapeOf(x.input);
    for (const f of x.setsFields ?? [])
      if (!input.has(f)) bad(`${at}: setsFields "${f}" is not a field of the step's input`);
    for (const f of x.importsInput ?? [])
      if (!input.has(f)) bad(`${at}: importsInput "${f}" is not a field of the step's input`);
      else if (x.setsFields?.includes(f))
        bad(`${at}: importsInput "${f}" is set on the case already (setsFields)`);
    for (const l of x.leadTimes ?? [])
      if (!input.has(l.field)) bad(`${at}: lead time field "${l.field}" is not an input field`);
    for (const a of x.notBy?.actions ?? [])
      if (!actions.has(a) && !(ENGINE_ACTIONS as readonly string[]).includes(a))
        bad(`${at}: notBy names action "${a}", which is not declared`);
    if (typeof x.actor === "object" && !roles.has(x.actor.participantRole))
      bad(`${at}: participant role "${x.actor.participantRole}" is not declared`);
    for (const r of x.reads?.settings ?? [])
      if (!settings.has(r)) bad(`${at}: reads setting "${r}", which no module declares`);
    for (const r of x.reads?.registers ?? [])
      if (!registers.has(r)) bad(`${at}: reads register "${r}", which is not declared`);
  }

  const trigger = (clock: string, role: string, tr: ClockTrigger) => {
    if (!tr.viaLink) {
      if (!actions.has(tr.action) && !(ENGINE_ACTIONS as readonly string[]).includes(tr.action))
        bad(`clock "${clock}": ${role} on action "${tr.action}", which is not declared`);
      return;
    }
    if (!links.has(tr.viaLink))
      bad(`clock "${clock}": ${role} via link kind "${tr.viaLink}", not among the type's links`);
    // The step happens on the other case: some case type using that link kind has it.
    const other = [...allTypes.values()].filter((o) => linkCodes(o).includes(tr.viaLink!));
    const known = other.some(
      (o) =>
        o.transitions.some((x) => x.action === tr.action) ||
        (ENGINE_ACTIONS as readonly string[]).includes(tr.action),
    );
    if (!known)
      bad(
        `clock "${clock}": ${role} on action "${tr.action}" via "${tr.viaLink}", which no linked case type declares`,
      );
  };
  for (const k of t.clocks ?? []) {
    trigger(k.code, "starts", k.startOn);
    for (const s of k.stopOn) trigger(k.code, "stops", s);
  }
  for (const n of t.issuesOnCreate ?? [])
    if (!numbers.has(n)) bad(`issuesOnCreate names number kind "${n}", which is not declared`);
  for (const s of t.publicStates ?? [])
    if (!states.has(s)) bad(`publicStates names state "${s}", which is not declared`);
  if (t.publicFilter && !t.public) bad("publicFilter without a public projection");
  for (const f of t.revisableFields ?? [])
    if (!fields.has(f)) bad(`revisableFields names "${f}", which is not an opening field`);
  for (const p of t.people ?? []) {
    if (!fields.has(p.field) && !stepSet.has(p.field))
      bad(`people field "${p.field}" is neither an opening field nor set by a step`);
    if (!isPersonRoleCode(p.role)) bad(`people field "${p.field}": no person role "${p.role}"`);
  }
  if (t.suspension && t.suspension.clocks !== "all") {
    for (const c of t.suspension.clocks)
      if (!clocks.has(c)) bad(`suspension names clock "${c}", which is not declared`);
  }
  for (const e of t.extensions ?? []) {
    if (!clocks.has(e.clock)) bad(`extension names clock "${e.clock}", which is not declared`);
    if (e.permission && !PERMISSION_SET.has(e.permission))
      bad(`extension of "${e.clock}": permission "${e.permission}" does not exist`);
  }
  for (const d of t.documents ?? []) {
    for (const s of d.states)
      if (!states.has(s)) bad(`document "${d.code}": state "${s}" is not declared`);
  }
  if (t.subCases) {
    const sub = allTypes.get(t.subCases.caseType);
    if (!sub) bad(`sub-case type "${t.subCases.caseType}" is not declared by any module`);
    if (t.transitions.find((x) => x.action === t.subCases?.onAllClosed)?.to === STAY)
      bad(`subCases.onAllClosed names action "${t.subCases.onAllClosed}", which keeps its state`);
    if (!actions.has(t.subCases.onAllClosed))
      bad(`subCases.onAllClosed names action "${t.subCases.onAllClosed}", which is not declared`);
  }
  for (const s of t.reads?.settings ?? [])
    if (!settings.has(s)) bad(`reads setting "${s}", which no module declares`);
}

/**
 * Check every module's declarations together (names resolve across modules: a sub-case
 * type or a linked case type may belong to another module). Throws a DeclarationError
 * listing every problem, each naming the module, the declaration and the name.
 */
export function checkModules(modules: readonly ModuleDecl[]): void {
  const out: string[] = [];
  const types = new Map<string, AnyCaseType>();
  for (const m of modules) for (const t of m.caseTypes ?? []) types.set(t.code, t);
  const settings = new Set(modules.flatMap((m) => (m.settings ?? []).map((s) => s.code)));
  const registersByCode = new Map(
    modules.flatMap((m) => (m.registers ?? []).map((r) => [r.code, r] as const)),
  );
  const registers = new Set(registersByCode.keys());
  for (const m of modules) {
    for (const t of m.caseTypes ?? []) checkCaseType(m, t, types, { settings, registers }, out);
    for (const r of m.registers ?? []) {
      if (r.module !== m.code)
        out.push(
          `module "${m.code}", register "${r.code}": module "${r.module}" is not its module`,
        );
      if (!PERMISSION_SET.has(r.edit.permission))
        out.push(
          `module "${m.code}", register "${r.code}": permission "${r.edit.permission}" does not exist`,
        );
      try {
        checkRegisterDecl(r);
      } catch (e) {
        out.push(`module "${m.code}", ${(e as Error).message}`);
      }
    }
    for (const s of m.settings ?? []) {
      const ok = s.schema.safeParse(s.default);
      if (!ok.success)
        out.push(`module "${m.code}", setting "${s.code}": its default does not match its schema`);
      if (s.module !== m.code)
        out.push(`module "${m.code}", setting "${s.code}": module "${s.module}" is not its module`);
    }
    for (const i of m.indicators ?? []) {
      const bad = (what: string) => out.push(`module "${m.code}", indicator "${i.id}": ${what}`);
      if (i.module !== m.code) bad(`module "${i.module}" is not its module`);
      const r = i.reads;
      if (!r) continue;
      const named = (r.caseTypes ?? []).map((c) => [c, types.get(c)] as const);
      for (const [c, decl] of named)
        if (!decl) bad(`counts case type "${c}", which is not declared`);
      const found = named.flatMap(([, d]) => (d ? [d] : []));
      if (found.length === named.length && found.length > 0) {
        for (const s of r.states ?? [])
          if (!found.some((d) => Object.hasOwn(d.states, s)))
            bad(`counts state "${s}", which no case type it reads declares`);
        for (const a of r.actions ?? [])
          if (
            !(ENGINE_ACTIONS as readonly string[]).includes(a) &&
            !found.some((d) => d.transitions.some((x) => x.action === a))
          )
            bad(`counts step "${a}", which no case type it reads declares`);
      }
      for (const code of r.registers ?? []) {
        const reg = registersByCode.get(code);
        if (!reg) {
          bad(`counts register "${code}", which is not declared`);
          continue;
        }
        const shape = shapeOf(reg.schema);
        for (const f of r.registerFields ?? [])
          if (!shape.has(f)) bad(`reads field "${f}", which register "${code}" does not have`);
      }
    }
  }
  for (const m of modules)
    for (const s of m.portal ?? [])
      if (s.module !== m.code)
        out.push(
          `module "${m.code}", portal section "${s.code}": module "${s.module}" is not its module`,
        );
  checkPortalSections(
    modules.flatMap((m) => m.portal ?? []),
    modules.flatMap((m) => (m.portalBodies ? [m.portalBodies] : [])),
    types,
    registersByCode,
    out,
  );
  try {
    checkIndicators(modules.flatMap((m) => m.indicators ?? []));
  } catch (e) {
    out.push((e as Error).message);
  }
  if (out.length > 0) throw new DeclarationError(out);
}
