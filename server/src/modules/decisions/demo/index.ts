/**
 * The decisions module's part of the Wulong 2020 demo: the registers through the bulk
 * import (experts, the 7 legal advisers, the assessors, the catalogue), the catalogue's
 * adjustments as entry updates (so its history shows them), five decisions step by step,
 * and the key projects' filed risk assessments — as many as make, with the decisions'
 * own filings, the seed's 101 (一(四)2).
 */
import type { DemoContribution } from "../../../engines/demo/index.ts";
import { DIRECTORY_DEMO_ID } from "../../directory/index.ts";
import {
  ADVISERS as ADVISER_REGISTER,
  ASSESSORS as ASSESSOR_REGISTER,
  adviserRegister,
  assessorRegister,
  catalogueRegister,
  EXPERTS as EXPERT_REGISTER,
  expertRegister,
  FILINGS,
  filingRegister,
} from "../registers.ts";
import { importRows } from "./csv.ts";
import {
  ADJUSTMENT,
  ADVISERS,
  ASSESSORS,
  CATALOGUE_AGREED,
  CATALOGUE_ITEMS,
  CATALOGUE_PUBLISHED,
  EXPERTS,
  keyProjectFilings,
  REMOVAL,
} from "./data.ts";
import { idsOf, loadDecisions, OFFICE } from "./decisions.ts";

/** The seed's figure of filed risk assessments in 2020 (一(四)2). */
export const SEED_FILINGS = 101;

export const decisionsDemo: DemoContribution = {
  id: "decisions",
  dependsOn: [DIRECTORY_DEMO_ID],
  description:
    "the 2020 decision catalogue, five decisions step by step, 101 filed risk assessments, 7 legal advisers",
  async load(ctx) {
    await importRows(
      ctx,
      OFFICE,
      "2020-01-06",
      expertRegister,
      EXPERTS.map(([name, specialty, title, affiliation]) => ({
        name,
        specialty,
        title,
        affiliation,
        joinedOn: "2019-06-01",
      })),
    );
    await importRows(
      ctx,
      OFFICE,
      "2020-01-06",
      adviserRegister,
      ADVISERS.map(([name, kind, firm]) => ({
        name,
        kind,
        firm,
        engagedFrom: "2020-01-01",
        engagedTo: "2021-12-31",
      })),
    );
    await importRows(
      ctx,
      OFFICE,
      "2020-01-06",
      assessorRegister,
      ASSESSORS.map(([name, specialty, listedOn]) => ({ name, specialty, listedOn })),
    );
    // The catalogue as agreed and published, then its two adjustments.
    await importRows(
      ctx,
      OFFICE,
      CATALOGUE_PUBLISHED,
      catalogueRegister,
      CATALOGUE_ITEMS.map((it, i) => ({
        year: 2020,
        itemNo: i + 1,
        title: it.title,
        matter: it.matter,
        undertakingUnit: it.unit,
        listedOn: CATALOGUE_AGREED,
        publishedOn: CATALOGUE_PUBLISHED,
        publishedAt: "武隆区人民政府网站",
      })),
    );
    await ctx.as(OFFICE, "2020-08-24", (w) =>
      ctx.registers.create(w, catalogueRegister, {
        data: {
          year: 2020,
          itemNo: CATALOGUE_ITEMS.length + 1,
          title: ADJUSTMENT.title,
          matter: ADJUSTMENT.matter,
          undertakingUnit: ADJUSTMENT.unit,
          listedOn: ADJUSTMENT.agreedOn,
          publishedOn: "2020-08-24",
          publishedAt: "武隆区人民政府网站",
          adjusted: true,
          adjustmentReason: ADJUSTMENT.reason,
        },
      }),
    );
    await ctx.as(OFFICE, REMOVAL.on, async (w) => {
      const items = await ctx.registers.list(w, catalogueRegister, { pageSize: 100 });
      const item = items.items.find(
        (x) => (x.data as { itemNo?: number }).itemNo === REMOVAL.itemNo,
      );
      if (!item) throw new Error(`catalogue item ${REMOVAL.itemNo} missing`);
      await ctx.registers.update(w, catalogueRegister, item.id, {
        version: item.version,
        data: { ...item.data, removedOn: REMOVAL.on, adjustmentReason: REMOVAL.reason },
        reason: REMOVAL.reason,
      });
    });

    const experts = await idsOf(ctx, EXPERT_REGISTER, "name");
    const advisers = await idsOf(ctx, ADVISER_REGISTER, "name");
    const assessors = await idsOf(ctx, ASSESSOR_REGISTER, "name");
    const decisions = await loadDecisions(ctx, experts, advisers, assessors);

    // The key projects' filings: with the decisions' own, the seed's 101.
    const filed = Object.keys(await idsOf(ctx, FILINGS, "subject")).length;
    const rows = keyProjectFilings(
      ctx.rng,
      SEED_FILINGS - filed,
      ASSESSORS.map(([name]) => name),
    );
    const bulk = await importRows(ctx, OFFICE, "2020-12-28", filingRegister, rows);
    ctx.note(
      `${CATALOGUE_ITEMS.length + 1} catalogue items, ${decisions} decisions, ${filed + bulk} risk assessments filed, ${ADVISERS.length} legal advisers`,
    );
  },
};
