import { z } from "zod";
import type { SettingDecl } from "../settings.ts";

export const SETTING_REAL_NAME = "consultation.real_name_required";

/** The consultation engine's own settings (registry.ts lists them with the platform's). */
export const consultationSettings: SettingDecl[] = [
  {
    code: SETTING_REAL_NAME,
    label: { zh: "公众提交意见须填写真实姓名", en: "Public comments need a real name" },
    module: "platform",
    schema: z.boolean(),
    default: false,
    basis:
      "国家层面未要求对草案提出意见须实名（《重大行政决策程序暂行条例》第十四条、国办发〔2018〕37号仅要求公众可以提出意见），部分地方要求实名。默认：不要求。",
  },
];
