import type { AnyCaseType } from "../case/declare.ts";
import type { RegisterDecl } from "../register/declare.ts";
import type { PortalBodiesDecl, PortalSectionDecl } from "./declare.ts";

/** The public fields a section's source offers, or a problem. */
function publicFieldsOf(
  s: PortalSectionDecl,
  types: ReadonlyMap<string, AnyCaseType>,
  registers: ReadonlyMap<string, RegisterDecl>,
): Set<string> | string {
  if ("caseType" in s.source) {
    const t = types.get(s.source.caseType);
    if (!t) return `case type "${s.source.caseType}" is not declared`;
    if (!t.public || !t.publicLabels)
      return `case type "${s.source.caseType}" has no public projection with labels`;
    return new Set(Object.keys(t.publicLabels));
  }
  const r = registers.get(s.source.register);
  if (!r) return `register "${s.source.register}" is not declared`;
  if (!r.public) return `register "${s.source.register}" is not public`;
  return new Set(r.public.fields);
}

/**
 * Every portal section checked at load (engines/check.ts calls this): its source exists
 * and is public, every field it shows is one of the source's public fields (a section
 * can never widen the allowlist), codes are ASCII and unique.
 */
export function checkPortalSections(
  sections: readonly PortalSectionDecl[],
  bodies: readonly PortalBodiesDecl[],
  types: ReadonlyMap<string, AnyCaseType>,
  registers: ReadonlyMap<string, RegisterDecl>,
  out: string[],
): void {
  const seen = new Set<string>();
  for (const s of sections) {
    const bad = (what: string) => out.push(`portal section "${s.code}": ${what}`);
    if (!/^[a-z][a-z0-9_]*$/.test(s.code)) bad("its code is not a lower-case ASCII code");
    if (seen.has(s.code)) bad("is declared twice");
    seen.add(s.code);
    const fields = publicFieldsOf(s, types, registers);
    if (typeof fields === "string") {
      bad(fields);
      continue;
    }
    const shown = [
      s.title,
      ...s.list,
      ...(s.detail || []),
      ...(s.body ? [s.body.field] : []),
      ...(s.date ? [s.date] : []),
      ...(s.citations ?? []),
      ...Object.keys(s.values ?? {}),
    ];
    for (const f of shown) if (!fields.has(f)) bad(`field "${f}" is not a public field`);
  }
  if (bodies.length > 1) out.push("portal: more than one module declares the bodies register");
  for (const b of bodies) {
    const r = registers.get(b.register);
    if (!r?.public) {
      out.push(`portal bodies: register "${b.register}" is not a public register`);
      continue;
    }
    if (!r.public.fields.includes(b.nameField))
      out.push(`portal bodies: "${b.nameField}" is not a public field of "${b.register}"`);
  }
}
