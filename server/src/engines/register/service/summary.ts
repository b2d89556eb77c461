import type { Actor } from "../../../kernel/access.ts";
import type { ColumnDecl, RegisterDecl } from "../declare.ts";
import { canReadRegisters, canWriteRegister } from "./access.ts";

export interface RegisterSummary {
  code: string;
  label: { zh: string; en: string };
  module: string;
  visibility: "unit" | "region";
  columns: {
    field: string;
    label: { zh: string; en: string };
    kind: ColumnDecl["kind"];
    options?: Record<string, { zh: string; en: string }>;
    inList: boolean;
    filter: boolean;
  }[];
  filters: string[];
  uniqueKeys: { name: string; fields: string[] }[];
  sensitive: ("update" | "delete")[];
  isPublic: boolean;
  canEdit: boolean;
  /** Published in versions (versions/): by the region's office or by each unit; null: not. */
  versions: { by: "region" | "unit" } | null;
}

export function registerSummary(actor: Actor, decl: RegisterDecl): RegisterSummary {
  return {
    code: decl.code,
    label: decl.label,
    module: decl.module,
    visibility: decl.visibility,
    columns: decl.columns.map((c) => ({
      field: c.field,
      label: c.label,
      kind: c.kind,
      ...(c.options ? { options: c.options } : {}),
      ...(c.ref ? { ref: c.ref } : {}),
      inList: c.inList ?? true,
      filter: c.filter ?? false,
    })),
    filters: decl.columns.filter((c) => c.filter).map((c) => c.field),
    uniqueKeys: decl.uniqueKeys ?? [],
    sensitive: decl.sensitive ?? [],
    isPublic: decl.public !== undefined,
    canEdit: canWriteRegister(actor, decl),
    versions: decl.versions ? { by: decl.versions.by ?? "region" } : null,
  };
}

/** The declared registers the actor may read (every register, for holders of record.read). */
export function readableRegisters(actor: Actor, decls: RegisterDecl[]): RegisterSummary[] {
  if (!canReadRegisters(actor)) return [];
  return decls.map((d) => registerSummary(actor, d));
}
