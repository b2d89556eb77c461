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
      "No national rule requires a real name for comments on a draft (重大行政决策程序暂行条例 art. 14 and 国办发〔2018〕37号 ask only that the public can comment); some localities ask for one. Default: optional.",
  },
];
