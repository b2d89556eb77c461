/** Shapes of the register engine's API (server/src/engines/register: routes.ts, service.ts). */
import type { Label } from "../api.ts";
import type { JsonSchema } from "../schema/schema.ts";

export type ColumnKind = "text" | "integer" | "number" | "date" | "boolean" | "enum" | "list";

export interface RegisterColumn {
  field: string;
  label: Label;
  kind: ColumnKind;
  options?: Record<string, Label>;
  inList: boolean;
  filter: boolean;
}

export interface RegisterInfo {
  code: string;
  label: Label;
  module: string;
  visibility: "unit" | "region";
  columns: RegisterColumn[];
  filters: string[];
  uniqueKeys: { name: string; fields: string[] }[];
  sensitive: ("update" | "delete")[];
  isPublic: boolean;
  canEdit: boolean;
  /** The data's JSON Schema, when the server publishes it (preferred for the form). */
  schema?: JsonSchema;
}

export type EntryData = Record<string, unknown>;

export interface Entry {
  id: number;
  register: string;
  regionCode: string;
  unitId: number;
  visibility: "unit" | "region";
  version: number;
  title: string;
  data: EntryData;
  createdAt: string;
  updatedAt: string;
  editable: boolean;
}

export interface EntryVersion {
  seq: number;
  version: number | null;
  at: string;
  action: string;
  actor: { userId: number | null; unitId: number | null; name: string | null };
  before: EntryData | null;
  after: EntryData | null;
  changed: string[];
  reason: string | null;
}

export interface ImportResult {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
}

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const registerPath = (code: string) => `/registers/${encodeURIComponent(code)}`;
