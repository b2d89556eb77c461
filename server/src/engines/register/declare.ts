import type { z } from "zod";
import type { Permission } from "../../kernel/access.ts";
import type { Label } from "../../kernel/labels.ts";
import type { PersonRoleCode } from "../../kernel/masking.ts";
import type { SearchDecl } from "../search/declare.ts";

/** How a field shows in tables and xlsx files. */
export type ColumnKind = "text" | "integer" | "number" | "date" | "boolean" | "enum" | "list";

/**
 * How one item of a list column is written in an xlsx cell and read back (items are
 * joined by "；"). Without a codec an item is its text, or its option's label when the
 * column has options.
 */
export interface ListItemCodec {
  format(item: unknown): string;
  /** The item from its text; throw an Error whose message says what is wrong. */
  parse(text: string): unknown;
}

export interface ColumnDecl {
  field: string;
  label: Label;
  kind: ColumnKind;
  /** For enum columns: code → label. */
  options?: Record<string, Label>;
  /** Shown in list tables (all columns go to xlsx). Default true. */
  inList?: boolean;
  /** Offered as a list filter. */
  filter?: boolean;
  /** For list columns of objects: how an item reads in an xlsx cell. */
  item?: ListItemCodec;
  /**
   * The values are codes of directory units (a text column): the web shows the unit's
   * name, offers a searchable choice of units in forms and filters, never the code.
   */
  ref?: "unit";
}

/**
 * A register (名录/台账): records without a lifecycle, declared once. The register
 * engine gives CRUD over HTTP, filters, versions (from the audit trail), xlsx import
 * and export, and the public listing of the allowlisted fields.
 */
// biome-ignore lint/suspicious/noExplicitAny: a register may declare any object schema
export interface RegisterDecl<S extends z.ZodObject<any> = z.ZodObject<any>> {
  code: string;
  label: Label;
  module: string;
  schema: S;
  columns: ColumnDecl[];
  /** Unique keys within a region, e.g. a certificate number. */
  uniqueKeys?: { name: string; fields: string[] }[];
  /** 'region': every unit of the region sees the entries; 'unit': only the owning unit (and region-scoped actors). */
  visibility: "unit" | "region";
  /** Who may create, edit and delete: a permission, and whether only in one's own unit. */
  edit: { permission: Permission; scope: "own_unit" | "region" };
  title(data: z.infer<S>): string;
  /** The public portal's allowlist; absent: not public. */
  public?: { fields: string[]; where?: (data: z.infer<S>) => boolean };
  /** Fields encrypted at rest with SM4 (ID and phone numbers), with a blind index for lookups. */
  encrypted?: string[];
  /** Fields holding people, with their role for masking in public output. */
  people?: { field: string; role: PersonRoleCode }[];
  /** Actions that need a reason (e.g. "delete"). */
  sensitive?: ("update" | "delete")[];
  /** The fields full-text search indexes besides the title (engines/search). */
  search?: Pick<SearchDecl, "fields">;
  /**
   * A larger import than the default 10,000 rows (e.g. 90,000 credit records collected at
   * once), up to 200,000: the file size, expansion and cell limits scale with it
   * (xlsx/layout.ts `importLimitsOf`). Still one transaction, all rows or none.
   */
  importRows?: number;
  /**
   * A published list (权责清单, 收费目录, 政务服务事项目录…): the register's entries are
   * published as versions — frozen snapshots with the publishing document's number, the
   * publication date and the date in force from (versions/). `by: "region"` (default):
   * the region's rule-of-law office publishes all the region's entries as one list;
   * `"unit"`: each unit publishes its own entries. Opt in with `versions: {}`. A
   * versioned register holds no encrypted fields (a published list names no ID numbers).
   */
  versions?: VersionsDecl;
}

/** How a register's entries are published as versions (see `RegisterDecl.versions`). */
export interface VersionsDecl {
  by?: "region" | "unit";
}
