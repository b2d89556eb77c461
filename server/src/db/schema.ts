import type { ColumnType, Generated } from "kysely";

/**
 * Kysely types of the tables. Global tables (reference data and identity — Citus
 * reference tables when sharded): region, unit, app_user, user_role, session,
 * security_event, calendar_notice. Every other table is recorded work: it carries
 * region_code and its primary, unique and foreign keys start with it.
 */

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string, string>;

export interface RegionTable {
  code: string;
  name_zh: string;
  name_en: string;
  parent_code: string | null;
  level: "province" | "city" | "county";
}

export interface UnitTable {
  id: Generated<number>;
  region_code: string;
  code: string;
  name_zh: string;
  name_en: string;
  kind: string;
  parent_id: number | null;
  created_at: GeneratedTimestamp;
}

export interface AppUserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  region_code: string;
  unit_id: number;
  password_hash: string;
  must_change_password: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  disabled: Generated<boolean>;
  created_at: GeneratedTimestamp;
  password_changed_at: GeneratedTimestamp;
  /** False: created by the system administrator, not yet activated (migration 0011). */
  activated: Generated<boolean>;
}

export interface UserRoleTable {
  user_id: number;
  role: string;
}

export interface SessionTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
  /** full | code (awaiting the second factor) | enrol (must enrol it); migration 0011. */
  stage: Generated<SessionStage>;
}

export type SessionStage = "full" | "code" | "enrol";

/** A user's TOTP second factor (migration 0011); the secret SM4-encrypted. */
export interface UserTotpTable {
  user_id: number;
  secret_enc: string;
  created_at: Timestamp;
  confirmed_at: Timestamp | null;
  last_step: number | null;
}

export interface SecurityEventTable {
  id: Generated<number>;
  occurred_at: Timestamp;
  kind: string;
  username: string | null;
  user_id: number | null;
  region_code: string | null;
  ip: string | null;
  detail: Json;
}

export interface CalendarNoticeTable {
  year: number;
  document: string;
  notice: Json;
  loaded_at: GeneratedTimestamp;
  loaded_by: string;
}

export interface AuditEventTable {
  region_code: string;
  chain_key: string;
  seq: number;
  occurred_at: Timestamp;
  actor_user_id: number | null;
  actor_unit_id: number | null;
  actor_name: string | null;
  ip: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  before: Json | null;
  after: Json | null;
  reason: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditChainHeadTable {
  region_code: string;
  chain_key: string;
  seq: number;
  hash: string;
}

export interface AuditAnchorTable {
  region_code: string;
  anchor_seq: number;
  anchored_at: Timestamp;
  payload: Json;
  digest: string;
  signature: string;
}

export interface CaseFileTable {
  region_code: string;
  id: Generated<number>;
  case_type: string;
  unit_id: number;
  state: string;
  title: string;
  fields: Json;
  numbers: Json;
  parent_id: number | null;
  version: Generated<number>;
  /** 'YYYY-MM-DD' (civil date, Asia/Shanghai). */
  opened_on: string;
  closed_on: string | null;
  handler_user_id: number | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Imported history: the batch (case_import) and the file's row it came from. */
  import_batch: ColumnType<number | null, number | null | undefined, number | null>;
  import_row: ColumnType<number | null, number | null | undefined, number | null>;
}

/** A file of historical cases imported (engines/case/import). */
export interface CaseImportTable {
  region_code: string;
  id: Generated<number>;
  case_type: string;
  unit_id: number;
  file_name: string | null;
  file_format: "csv" | "xlsx" | "rows";
  sm3: string;
  rows: Generated<number>;
  imported_by: number | null;
  imported_at: Timestamp;
}

export interface CaseParticipantTable {
  region_code: string;
  case_id: number;
  unit_id: number;
  role: string;
}

export interface CaseEventTable {
  region_code: string;
  case_id: number;
  seq: number;
  kind: string;
  action: string;
  from_state: string | null;
  to_state: string | null;
  on_date: string;
  at: Timestamp;
  actor_user_id: number | null;
  actor_unit_id: number | null;
  actor_name: string | null;
  data: Json;
  reason: string | null;
}

export interface CaseClockTable {
  region_code: string;
  id: Generated<number>;
  case_id: number;
  clock: string;
  /** 1, 2, …: a restartable clock's starts; the latest is the clock, earlier ones history. */
  instance: Generated<number>;
  started_on: string;
  /** The moment it started, for periods in hours (null when dated by a past date). */
  started_at: Timestamp | null;
  /** Where the start date came from: step, input.<name> or field.<name>. */
  start_source: Generated<string>;
  /** Stopped because the clock started again. */
  superseded: Generated<boolean>;
  stopped_on: string | null;
}

export interface CaseSuspensionClockTable {
  region_code: string;
  case_id: number;
  suspension_id: number;
  clock_id: number;
}

export interface CaseSuspensionTable {
  region_code: string;
  case_id: number;
  id: Generated<number>;
  clock: string | null;
  from_date: string;
  to_date: string | null;
  reason: string;
}

export interface CaseExtensionTable {
  region_code: string;
  case_id: number;
  id: Generated<number>;
  clock: string;
  period: string;
  basis: string;
  approved_by: string;
  on_date: string;
  clock_id: number | null;
  approved_by_user_id: number | null;
  reason: string | null;
  notice_on: string | null;
  notice_text: string | null;
}

export interface CaseLinkTable {
  region_code: string;
  from_case_id: number;
  kind: string;
  to_case_id: number;
  to_region_code: string;
  created_at: Timestamp;
}

export interface NumberSequenceTable {
  region_code: string;
  prefix: string;
  kind: string;
  year: number;
  last: number;
}

export interface AttachmentTable {
  region_code: string;
  id: Generated<number>;
  case_id: number | null;
  unit_id: number;
  sm3: string;
  name: string;
  mime: string;
  size: number;
  meta: Json;
  uploaded_by: number | null;
  uploaded_at: Timestamp;
}

export interface RegisterEntryTable {
  region_code: string;
  id: Generated<number>;
  register: string;
  unit_id: number;
  visibility: "unit" | "region";
  data: Json;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: number | null;
  updated_by: number | null;
}

export interface RegisterKeyTable {
  region_code: string;
  register: string;
  key_name: string;
  key_value: string;
  entry_id: number;
}

export interface SettingTable {
  region_code: string;
  code: string;
  /** Null: from effective_from, the region inherits again (its parent's value or the default). */
  value: Json | null;
  /** The day the value takes effect (migration 0009). */
  effective_from: ColumnType<string, string, string>;
  /** The local rule the value follows. */
  basis: string | null;
  updated_by: number | null;
  updated_at: Timestamp;
}

/** The law library (engines/search/laws.ts): national texts, global reference data. */
export interface LawTable {
  code: string;
  title: string;
  short_title: string;
  title_en: string;
  version_date: string;
  source_file: string;
  sm3: string;
  loaded_at: Timestamp;
}

export interface LawArticleTable {
  law_code: string;
  article_no: number;
  label: string;
  chapter: string | null;
  text: string;
  /** A tsvector literal on the way in (engines/search/text.ts). */
  tokens: string;
}

/** One search document per searchable record and audience (migration 0006_search). */
export interface SearchDocTable {
  region_code: string;
  kind: "case" | "register" | "document";
  record_id: number;
  audience: "internal" | "public";
  source: string;
  unit_id: number;
  status: string | null;
  on_date: string | null;
  title: string;
  body: string;
  tokens: string;
  indexed_at: Timestamp;
}

export interface DB {
  region: RegionTable;
  unit: UnitTable;
  app_user: AppUserTable;
  user_role: UserRoleTable;
  session: SessionTable;
  user_totp: UserTotpTable;
  security_event: SecurityEventTable;
  calendar_notice: CalendarNoticeTable;
  audit_event: AuditEventTable;
  audit_chain_head: AuditChainHeadTable;
  audit_anchor: AuditAnchorTable;
  case_file: CaseFileTable;
  case_import: CaseImportTable;
  case_participant: CaseParticipantTable;
  case_event: CaseEventTable;
  case_clock: CaseClockTable;
  case_suspension: CaseSuspensionTable;
  case_suspension_clock: CaseSuspensionClockTable;
  case_extension: CaseExtensionTable;
  case_link: CaseLinkTable;
  number_sequence: NumberSequenceTable;
  attachment: AttachmentTable;
  register_entry: RegisterEntryTable;
  register_key: RegisterKeyTable;
  setting: SettingTable;
  law: LawTable;
  law_article: LawArticleTable;
  search_doc: SearchDocTable;
}
