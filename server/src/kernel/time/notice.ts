/**
 * The yearly State Council General Office notice on holiday arrangements
 * (国务院办公厅关于某年部分节假日安排的通知), as data.
 *
 * File format (one JSON document per notice; this is what an admin loads for a new year):
 * - `year`: the year the notice arranges.
 * - `document`: the document number, e.g. "国办发明电〔2024〕12号".
 * - `verified`: false while the document number has not been checked against the text.
 * - `amendments`: later notices that changed this one (e.g. the 2020 Spring Festival
 *   extension, 国办发明电〔2020〕1号), with a note; the dates below are the amended ones.
 * - `off`: every day of every 放假 range the notice declares, weekend days inside a
 *   range included, in date order.
 * - `workdays`: the make-up working days (调休上班日); each is a Saturday or Sunday.
 *
 * A notice may reach into the previous December (the 2019 notice declares 2018-12-29
 * a working day and 2018-12-30/31 off; the 2023 notice declares 2022-12-31 off), so
 * dates from December of `year − 1` are accepted.
 */
import { z } from "zod";
import { type FieldError, t, textOf, ValidationError } from "../errors.ts";
import { issueText } from "../issue-text.ts";
import { isWeekend, type LocalDate, localDateProblem, yearOf } from "./local-date.ts";

export interface NoticeAmendment {
  document: string;
  note: string;
}

export interface HolidayNotice {
  year: number;
  document: string;
  verified: boolean;
  amendments?: NoticeAmendment[];
  off: LocalDate[];
  workdays: LocalDate[];
}

const localDateSchema = z.string().superRefine((value, ctx) => {
  const problem = localDateProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

const text = z.string().trim().min(1, "must not be empty");

const noticeSchema = z
  .strictObject({
    year: z.number().int().min(1949).max(9999),
    document: text,
    verified: z.boolean(),
    amendments: z.array(z.strictObject({ document: text, note: text })).optional(),
    off: z.array(localDateSchema),
    workdays: z.array(localDateSchema),
  })
  .superRefine((n, ctx) => {
    const seen = new Map<string, string>();
    const check = (list: "off" | "workdays", dates: string[]) => {
      dates.forEach((d, i) => {
        const path = [list, i];
        if (localDateProblem(d) !== null) return; // reported by the item schema
        const y = yearOf(d as LocalDate);
        if (!(y === n.year || (y === n.year - 1 && d.slice(5, 7) === "12"))) {
          ctx.addIssue({
            code: "custom",
            path,
            message: `${d} is outside the notice year ${n.year} (only December of the previous year may appear)`,
          });
        }
        if (i > 0 && (dates[i - 1] ?? "") >= d) {
          ctx.addIssue({ code: "custom", path, message: `${d} is out of order or repeated` });
        }
        const other = seen.get(d);
        if (other !== undefined && other !== list) {
          ctx.addIssue({ code: "custom", path, message: `${d} is both an off day and a workday` });
        }
        seen.set(d, list);
        if (list === "workdays" && !isWeekend(d as LocalDate)) {
          ctx.addIssue({
            code: "custom",
            path,
            message: `${d} is a weekday: a make-up working day (调休上班日) is a Saturday or Sunday`,
          });
        }
      });
    };
    check("off", n.off);
    check("workdays", n.workdays);
  });

/** Validates a notice loaded from JSON; the ValidationError lists every bad field. */
export function parseHolidayNotice(json: unknown): HolidayNotice {
  const result = noticeSchema.safeParse(json);
  if (!result.success) {
    const fields: FieldError[] = result.error.issues.map((issue) => ({
      field: issue.path.length > 0 ? issue.path.map(String).join(".") : "(notice)",
      message: issueText(issue),
    }));
    const summary = fields.map((f) => `${f.field}: ${textOf(f.message).en}`).join("; ");
    throw new ValidationError(
      t("放假通知的内容有误，请按提示修改", `invalid holiday notice: ${summary}`),
      fields,
    );
  }
  const n = result.data;
  const notice: HolidayNotice = {
    year: n.year,
    document: n.document,
    verified: n.verified,
    off: n.off as LocalDate[],
    workdays: n.workdays as LocalDate[],
  };
  if (n.amendments !== undefined) notice.amendments = n.amendments;
  return notice;
}
