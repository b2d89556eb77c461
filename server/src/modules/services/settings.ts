/**
 * The services module's settings: rules that vary by province or city, each with its
 * national default and basis (docs/services.md).
 */
import { z } from "zod";
import type { SettingDecl } from "../../engines/settings.ts";
import { MODULE } from "./common.ts";

export const S_REAL_ESTATE_DAYS = "services.real_estate_registration_working_days";
export const S_REFUSE_BLACK_LISTED = "services.refuse_black_listed_applicants";

export const settings: SettingDecl[] = [
  {
    code: S_REAL_ESTATE_DAYS,
    label: {
      zh: "不动产登记办结时限（工作日）",
      en: "Real-estate registration time limit (working days)",
    },
    module: MODULE,
    schema: z.number().int().min(1).max(30),
    default: 30,
    basis:
      "《不动产登记暂行条例》第二十条: registration is completed within 30 working days of acceptance unless a law or regulation provides otherwise; 《优化营商环境条例》第三十六条 lets localities publish a shorter time (the local published limit goes here; it may not exceed 30).",
  },
  {
    code: S_REFUSE_BLACK_LISTED,
    label: {
      zh: "申请人在严重失信主体名单上时不予受理",
      en: "Refuse intake when the applicant is black-listed",
    },
    module: MODULE,
    schema: z.boolean(),
    default: false,
    basis:
      "No national rule refuses an application for being black-listed: joint punishment applies only where a law, regulation or the State Council provides for it in the matter (国办发〔2020〕49号). Default: the check warns and is recorded on the intake; a locality whose rules restrict the matter may refuse.",
  },
];
