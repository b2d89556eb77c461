/**
 * Issue 11: a legal basis is declared structurally — law, article, paragraph, item,
 * version (kernel/citation.ts `Basis`) — and shown in its one Chinese form
 * (《中华人民共和国行政处罚法》第六十七条第三款). A declared setting's basis or a case
 * type's legal basis written as bare text in the maintainers' form ("行政处罚法(2021)
 * art. 67 para. 3") fails here, as does one whose Chinese form would show a Latin letter,
 * a law without its full title, or "[object Object]" (a basis pasted into a string).
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { type BasisLike, citeZh, isBasis, lawTitleZh } from "../kernel/citation.ts";
import { loadModules } from "../modules/index.ts";
import { createRegistry, type ModuleDecl, type Registry } from "./registry.ts";

/** Every declared basis, named by where it is declared. */
function declaredBases(registry: Registry): [string, BasisLike][] {
  const out: [string, BasisLike][] = [];
  for (const s of registry.settings()) out.push([`setting ${s.code}`, s.basis]);
  for (const ct of registry.caseTypes()) {
    const at = `case type ${ct.code}`;
    for (const c of ct.clocks ?? []) out.push([`${at} clock ${c.code}`, c.legalBasis]);
    for (const e of ct.extensions ?? []) out.push([`${at} extension ${e.clock}`, e.legalBasis]);
    if (ct.suspension) out.push([`${at} suspension`, ct.suspension.legalBasis]);
    if (ct.dossier) out.push([`${at} dossier`, ct.dossier.legalBasis]);
    if (ct.consultation) out.push([`${at} consultation`, ct.consultation.legalBasis]);
    for (const k of ct.links ?? []) {
      if (typeof k !== "string" && k.jurisdiction)
        out.push([`${at} link ${k.code}`, k.jurisdiction.legalBasis]);
    }
    for (const tr of ct.transitions) {
      for (const lt of tr.leadTimes ?? [])
        out.push([`${at} ${tr.action} lead time ${lt.field}`, lt.legalBasis]);
      if (tr.notBy) out.push([`${at} ${tr.action} not by`, tr.notBy.legalBasis]);
    }
  }
  return out;
}

const MAINTAINERS_FORM = /\barts?\.\s*\d|\bpara\.\s*\d/;

/** What is wrong with each declared basis ([] when nothing). */
function basisProblems(registry: Registry): string[] {
  const problems: string[] = [];
  for (const [where, b] of declaredBases(registry)) {
    if (!isBasis(b)) {
      if (MAINTAINERS_FORM.test(b)) problems.push(`${where}: bare text in the maintainers' form`);
      if (b.includes("[object Object]")) problems.push(`${where}: a basis pasted into a string`);
      continue;
    }
    for (const c of b.cites) {
      if (!c.law.trim() || !Number.isInteger(c.article) || c.article < 1)
        problems.push(`${where}: a citation without its law or article`);
      // A national law (…法) is cited by its full title, 《中华人民共和国…法》.
      if (/(?<!办)法$/.test(c.law) && !lawTitleZh(c.law).startsWith("《中华人民共和国"))
        problems.push(`${where}: ${c.law} has no full title (kernel/citation.ts FULL_TITLES)`);
    }
    const zh = citeZh(b);
    if (!zh) problems.push(`${where}: cites nothing`);
    // Latin letters only in a standard's number (GB/T 9704).
    if (/[A-Za-z]/.test(zh.replace(/GB(?:\/T)? ?\d+(?:-\d{4})?/g, "")))
      problems.push(`${where}: Latin letters in the Chinese form "${zh}"`);
  }
  return problems;
}

describe("declared legal bases (issue 11)", () => {
  it("every declared setting and legal basis is structured, or text without the maintainers' form", async () => {
    const registry = createRegistry(await loadModules());
    const all = declaredBases(registry);
    expect(all.length).toBeGreaterThan(50);
    expect(basisProblems(registry)).toEqual([]);
    // The structured ones are most of them.
    expect(all.filter(([, b]) => isBasis(b)).length).toBeGreaterThan(40);
  });

  it("renders a declared basis in the Chinese form", async () => {
    const registry = createRegistry(await loadModules());
    const payment = registry
      .caseType("penalty_general")
      ?.clocks?.find((c) => c.code === "payment")?.legalBasis;
    expect(payment && citeZh(payment)).toMatch(/^《中华人民共和国行政处罚法》第六十七条第三款/);
  });

  it("fails on a bare maintainers' string, a pasted object and a law without its title", () => {
    const bad: ModuleDecl = {
      code: "bad",
      label: { zh: "错误示例", en: "Bad" },
      settings: [
        {
          code: "bad.days",
          label: { zh: "天数", en: "Days" },
          module: "bad",
          schema: z.number(),
          default: 1,
          basis: "行政处罚法(2021) art. 67 para. 3",
        },
        {
          code: "bad.pasted",
          label: { zh: "天数", en: "Days" },
          module: "bad",
          schema: z.number(),
          default: 1,
          basis: `${{ cites: [] }}; 国办发〔2018〕118号`,
        },
        {
          code: "bad.title",
          label: { zh: "天数", en: "Days" },
          module: "bad",
          schema: z.number(),
          default: 1,
          basis: { cites: [{ law: "某某法", article: 3 }] },
        },
      ],
    } as ModuleDecl;
    expect(basisProblems(createRegistry([bad]))).toEqual([
      "setting bad.days: bare text in the maintainers' form",
      "setting bad.pasted: a basis pasted into a string",
      "setting bad.title: 某某法 has no full title (kernel/citation.ts FULL_TITLES)",
    ]);
  });
});
