/**
 * Settings of the execution rules and time-limit extensions (issue 10, part B), declared
 * apart from settings.ts and spread into it. Each with its national default and basis.
 */
import { z } from "zod";
import type { SettingDecl } from "../../../engines/settings.ts";
import { CATEGORIES, type Category, MODULE } from "./common.ts";

export const RECONSIDERATION_FIRST = "enforcement.reconsideration_first";

export interface ReconsiderationFirst {
  /** Enforcement areas whose penalty decisions must go to reconsideration first. */
  categories: Category[];
  /** Violation codes (the benchmark's) whose decisions must go to reconsideration first. */
  violationCodes: string[];
}

export const executionSettings: SettingDecl[] = [
  {
    code: RECONSIDERATION_FIRST,
    label: {
      zh: "复议前置的事项（申请法院强制执行期限按六十日加三个月计算）",
      en: "Matters where reconsideration comes first (court window: 60 days + 3 months)",
    },
    module: MODULE,
    schema: z.object({
      categories: z.array(z.enum(CATEGORIES as [Category, ...Category[]])).max(20),
      violationCodes: z.array(z.string().trim().min(1).max(50)).max(500),
    }),
    default: { categories: [], violationCodes: [] } satisfies ReconsiderationFirst,
    basis:
      "行政复议法(2023) art. 23: 应当先申请行政复议的情形 (and where a law or regulation says so); 行政强制法 art. 53: 自法定复议、诉讼期限届满之日起三个月内申请 — where reconsideration comes first the party has only the 60 days (art. 20), so the window runs 3 months from their end. National default: none.",
  },
];
