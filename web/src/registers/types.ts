/** Shapes of the register engine's API: the server's wire schemas (server/src/engines/register/wire.ts). */
import type { JsonSchema } from "../schema/schema.ts";
import type * as Wire from "../wire.ts";

export type {
  ColumnKind,
  Entry,
  EntryData,
  EntryPage,
  EntryVersion,
  ImportResult,
  RegisterColumn,
} from "../wire.ts";

export interface RegisterInfo extends Wire.RegisterInfo {
  /** The data's JSON Schema, when the server publishes it (preferred for the form). */
  schema?: JsonSchema;
}

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const registerPath = (code: string) => `/registers/${encodeURIComponent(code)}`;
