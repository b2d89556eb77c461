/**
 * The server's answers as the web receives them: types inferred from the zod schemas
 * the server serializes every answer through (server/src/http/wire.ts and
 * server/src/engines/<engine>/wire.ts). Type-only imports: nothing of the server is
 * bundled, and a field the server stops sending fails the web's type check.
 */

export type {
  AttachmentInfo,
  CaseDetail,
  CasePage,
  CaseRow,
  CaseType,
  CaseView,
  Deadline,
  TimelineEvent,
  TransitionInfo,
  Warning,
  WarningLevel,
  WarningPage,
  WorkItem,
  WorkPage,
} from "../../server/src/engines/case/wire.ts";
export type { ConsultationView } from "../../server/src/engines/consultation/wire.ts";
export type {
  ByUnitAnswer,
  ByUnitRow,
  Dashboard,
  DashboardArea,
  DashboardDistricts,
  DashboardFigure,
  DrillAnswer,
  DrillRow,
  IndicatorInfo,
  IndicatorScope,
  IndicatorValue,
  IndicatorValues,
} from "../../server/src/engines/indicator/wire.ts";
export type {
  ListVersion,
  ListVersionDiff,
  SnapshotEntry,
} from "../../server/src/engines/register/versions/wire.ts";
export type {
  ColumnKind,
  Entry,
  EntryData,
  EntryPage,
  EntryVersion,
  ImportResult,
  RegisterColumn,
  RegisterInfo,
} from "../../server/src/engines/register/wire.ts";
export type {
  ActivatedUser,
  AuditEvent,
  DueDate,
  ErrorEnvelope,
  Label,
  Labels,
  PendingLogin,
  Region,
  SecurityEvent,
  SessionInfo,
  Setting,
  TotpEnrolment,
  Unit,
  UserOut,
} from "../../server/src/http/wire.ts";
