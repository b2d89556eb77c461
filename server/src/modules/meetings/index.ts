import type { ModuleDecl } from "../../engines/registry.ts";
import { meetingsDemo } from "./demo.ts";
import { MEETING_INDICATORS } from "./indicators.ts";
import { meetingRegister } from "./register.ts";

export {
  AGENDA_KIND_LABELS,
  loadMeeting,
  MEETING_BODIES,
  MEETING_BODY_LABELS,
  type MeetingBody,
  type MeetingData,
  meetingRegister,
  meetingSchema,
  meetingTitle,
  STUDY_KIND_LABELS,
  studiedLaw,
  tookUpRuleOfLaw,
} from "./register.ts";

/** 会议: the deciding bodies' meetings, a register other modules refer to by entry id. */
export const meetingsModule: ModuleDecl = {
  code: "meetings",
  label: { zh: "会议", en: "Meetings" },
  registers: [meetingRegister],
  indicators: MEETING_INDICATORS,
  demo: [meetingsDemo],
};
