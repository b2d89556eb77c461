/**
 * The current year's draft in the rules demo, dated relative to the day the demo is
 * loaded: a district-government draft whose public comment closed a few days ago, with
 * three citizens' comments (through the public path) waiting for their answers — the
 * work the office picks up on its consultation page (and the browser test's lifecycle).
 */
import { consultationOfCase, submitComment } from "../../engines/consultation/index.ts";
import type { DemoContext } from "../../engines/demo/index.ts";
import { addDays, type LocalDate } from "../../kernel/time/index.ts";
import { DOCUMENT_TYPE } from "./common.ts";

// The district government's office (区政府办公室) drafts in the government's name.
const GOVERNMENT = "wl.zfb.handler";
export const CURRENT_DRAFT_TITLE = "武隆区住宅小区物业服务管理办法";

const COMMENTS: [number, string, string][] = [
  [-35, "第四条", "建议明确业主委员会备案的办理时限。"],
  [-30, "第六条", "建议物业服务收费标准每年公示一次。"],
  [-25, "", "建议设立物业纠纷调解渠道。"],
];

export async function currentDraft(ctx: DemoContext): Promise<void> {
  const day = (n: number) => addDays(ctx.today as LocalDate, n);
  // Never inside the seed's year: 2020's figures stay those of the records above.
  if (day(-45) <= "2020-12-31") return;
  const doc = await ctx.as(GOVERNMENT, day(-45), (w) =>
    ctx.cases.open(w, DOCUMENT_TYPE, {
      fields: {
        title: CURRENT_DRAFT_TITLE,
        issuer: "government",
        numberPrefix: "武隆府发",
        marketRelated: false,
        draftText:
          "第一条 为规范住宅小区物业服务活动，维护业主和物业服务企业的合法权益，制定本办法。\n第四条 业主委员会成立后，应当向街道办事处、乡镇人民政府备案。\n第六条 物业服务收费应当公开透明。",
      },
      onDate: day(-45),
    }),
  );
  let v = doc.version;
  const step = async (onDate: string, action: string, input: Record<string, unknown>) => {
    const c = await ctx.as(GOVERNMENT, onDate, (w) =>
      ctx.cases.step(w, DOCUMENT_TYPE, doc.id, action, { version: v, input, onDate }),
    );
    v = c.version;
  };
  await step(day(-40), "open_comment", { commentFrom: day(-40), commentTo: day(-12) });
  const key = await ctx.fieldKey();
  const k = await ctx.as(GOVERNMENT, day(-40), (w) => consultationOfCase(w, DOCUMENT_TYPE, doc.id));
  for (const [n, topic, body] of COMMENTS) {
    await submitComment(
      ctx.database.app,
      key,
      {
        region: ctx.regionCode,
        id: k.id,
        today: day(n),
        now: ctx.at(day(n)),
        realNameRequired: false,
      },
      { topic, body },
    );
  }
  await step(day(-10), "close_comment", {});
}
