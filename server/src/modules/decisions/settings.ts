/**
 * Settings of the decisions module: where the national rule leaves the figure to the
 * locality, the national default with its basis (docs/decisions.md).
 */
import { z } from "zod";
import type { SettingDecl } from "../../engines/settings.ts";
import { MODULE } from "./common.ts";

export const SETTING_REVIEW_DAYS = "decisions.legality_review_working_days";
export const SETTING_NPC_REPORT = "decisions.npc_report_required";

export const decisionSettings: SettingDecl[] = [
  {
    code: SETTING_REVIEW_DAYS,
    label: {
      zh: "重大行政决策合法性审查最短审查时间（工作日）",
      en: "Shortest legality review of a major decision (working days)",
    },
    module: MODULE,
    schema: z.number().int().min(1).max(60),
    default: 7,
    basis: {
      cites: [{ law: "重大行政决策程序暂行条例", article: 26, paragraph: 2 }],
      note: "重大行政决策程序暂行条例 art. 26 para. 2: 送请合法性审查，应当保证必要的审查时间，一般不少于7个工作日; provinces' rules (e.g. 重庆市重大行政决策程序规定) may set a longer time.",
    },
  },
  {
    code: SETTING_NPC_REPORT,
    label: {
      zh: "重大行政决策出台前须向人大常委会报告",
      en: "Report major decisions to the people's congress standing committee before adoption",
    },
    module: MODULE,
    schema: z.boolean(),
    default: false,
    basis: {
      cites: [{ law: "重大行政决策程序暂行条例", article: 31 }],
      note: "No national rule requires it (重大行政决策程序暂行条例 art. 31 names the Party committee only); a district's 重大事项向人大常委会报告 rules (各级人民代表大会常务委员会监督法 and local regulations) may.",
    },
  },
];
