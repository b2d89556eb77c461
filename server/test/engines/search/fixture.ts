import { z } from "zod";
import type { CaseTypeDecl } from "../../../src/engines/case/declare.ts";
import type { RegisterDecl } from "../../../src/engines/register/declare.ts";
import type { ModuleDecl } from "../../../src/engines/registry.ts";

/**
 * A small module for the search suites: a case type whose facts name a person (never
 * public) and whose public projection shows only the subject once published; a register
 * with an encrypted ID number and one public field.
 */
type Note = { subject: string; facts: string; party: { name: string; idNumber?: string } };

export const noteCaseType: CaseTypeDecl<Note> = {
  code: "search_note",
  label: { zh: "检索测试件", en: "Search test case" },
  module: "search_fixture",
  fields: z.object({
    subject: z.string().min(1),
    facts: z.string().default(""),
    party: z.object({ name: z.string(), idNumber: z.string().optional() }),
  }),
  title: (f) => f.subject,
  states: {
    open: { label: { zh: "办理中", en: "Open" } },
    published: { label: { zh: "已公开", en: "Published" }, terminal: true },
  },
  initial: "open",
  transitions: [
    {
      action: "publish",
      label: { zh: "公开", en: "Publish" },
      from: ["open"],
      to: "published",
    },
  ],
  people: [{ field: "party", role: "party_natural", idField: "idNumber" }],
  search: { fields: ["facts", "party"] },
  public: (c) => ({ subject: c.fields.subject }),
  publicLabels: { subject: { zh: "事项", en: "Subject" } },
  publicStates: ["published"],
};

const ledgerSchema = z.object({
  name: z.string().min(1),
  note: z.string().default(""),
  idNumber: z.string().optional(),
});

export const ledgerRegister: RegisterDecl<typeof ledgerSchema> = {
  code: "search_ledger",
  label: { zh: "检索测试台账", en: "Search test ledger" },
  module: "search_fixture",
  schema: ledgerSchema,
  columns: [
    { field: "name", label: { zh: "名称", en: "Name" }, kind: "text" },
    { field: "note", label: { zh: "备注", en: "Note" }, kind: "text" },
    { field: "idNumber", label: { zh: "身份证号", en: "ID number" }, kind: "text", inList: false },
  ],
  visibility: "unit",
  edit: { permission: "record.write", scope: "own_unit" },
  title: (d) => d.name,
  public: { fields: ["name"] },
  encrypted: ["idNumber"],
};

export const searchFixture: ModuleDecl = {
  code: "search_fixture",
  label: { zh: "检索测试", en: "Search fixture" },
  caseTypes: [noteCaseType],
  registers: [ledgerRegister],
  // On the portal (engines/portal): its search looks only in declared sections' sources.
  portal: [
    {
      code: "notes",
      module: "search_fixture",
      stage: "after",
      label: { zh: "检索测试件", en: "Search test cases" },
      intro: { zh: "测试用。", en: "For tests." },
      source: { caseType: "search_note" },
      title: "subject",
      list: [],
    },
    {
      code: "ledger",
      module: "search_fixture",
      stage: "before",
      label: { zh: "检索测试台账", en: "Search test ledger" },
      intro: { zh: "测试用。", en: "For tests." },
      source: { register: "search_ledger" },
      title: "name",
      list: [],
    },
  ],
};
