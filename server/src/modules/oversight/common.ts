/**
 * What the oversight module's declarations share: the module code, a civil date, a
 * person, and the labels of codes several declarations use.
 */
import { z } from "zod";
import { zDate, zText } from "../../engines/fields.ts";
import { L } from "../../engines/labels.ts";
import type { Label } from "../../kernel/labels.ts";

export { zDate, zText };

export const MODULE = "oversight";

/** A party: a person or an organisation (ID and phone numbers are encrypted at rest). */
export const Party = z.object({
  name: L(zText(100), "姓名或名称", "Name"),
  idNumber: L(z.string().trim().max(30).optional(), "身份证号", "ID number"),
  phone: L(z.string().trim().max(30).optional(), "联系电话", "Phone"),
  address: L(z.string().trim().max(200).optional(), "住所地", "Address"),
});
export type PartyData = z.infer<typeof Party>;

/** Outcomes that correct the act (复议决定、裁判), mapped to the penalty case's alteration ground. */
export const CORRECTING: Record<
  string,
  "changed" | "revoked" | "confirmed_illegal" | "confirmed_invalid"
> = {
  change: "changed",
  revoke: "revoked",
  confirm_illegal: "confirmed_illegal",
  confirm_invalid: "confirmed_invalid",
};

export const YES_NO: Record<"true" | "false", Label> = {
  true: { zh: "是", en: "Yes" },
  false: { zh: "否", en: "No" },
};
