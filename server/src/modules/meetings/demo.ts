/**
 * The meetings of report 一(一) in 2020, as the rule-of-law office keeps them in the
 * meetings register: six distinct meetings (3-4 is one meeting, led by 黄宗华 and with the
 * study led by 卢红), two of them joint meetings of the government's Party group and its
 * executive meeting; the one of 9-14 studied a speech, not a law. One meeting of 2019 is
 * recorded too and does not count for 2020.
 */
import type { DemoContribution } from "../../engines/demo/index.ts";
import { importCsv } from "../../engines/register/index.ts";
import { DIRECTORY_DEMO_ID, demoUsername } from "../directory/index.ts";
import { type MeetingData, meetingRegister } from "./register.ts";

export const MEETINGS_DEMO_ID = "meetings";

type M = Partial<MeetingData> & Pick<MeetingData, "body" | "number" | "date" | "chair">;

export const DEMO_MEETINGS: M[] = [
  {
    body: "party_standing_committee",
    number: "十四届第116次",
    date: "2020-02-14",
    chair: "黄宗华",
    studied: [{ kind: "other", title: "中央全面依法治国委员会第三次会议精神" }],
    items: [{ kind: "report", title: "听取区法治政府建设情况汇报", ruleOfLaw: true }],
  },
  {
    body: "governance_committee",
    number: "第二次",
    date: "2020-03-04",
    chair: "黄宗华",
    studied: [{ kind: "regulation", title: "《重大行政决策程序暂行条例》", presenter: "卢红" }],
    items: [
      { kind: "report", title: "《武隆区行政执法有关事项情况》汇报", ruleOfLaw: true },
      { kind: "decision", title: "部署全面依法治区和法治政府相关工作", ruleOfLaw: true },
    ],
  },
  {
    body: "district_conference",
    number: "2020年脱贫攻坚收官大决战动员部署会议",
    date: "2020-09-04",
    chair: "黄宗华",
    items: [
      { kind: "report", title: "用法治的方式抓好疫情防控，坚决打赢脱贫攻坚战", ruleOfLaw: true },
    ],
  },
  {
    body: "party_standing_committee",
    number: "十四届第142次",
    date: "2020-09-27",
    chair: "黄宗华",
    items: [
      {
        kind: "decision",
        title: "审议《关于统筹抓好党内法规执行的工作方案（送审稿）》",
        ruleOfLaw: true,
      },
    ],
  },
  {
    body: "joint",
    bodies: ["party_group", "government_executive"],
    number: "第111次",
    date: "2020-08-10",
    chair: "卢红",
    studied: [{ kind: "regulation", title: "《重庆市重大行政决策程序规定》" }],
    decisions: ["严格执行重大行政决策法定程序", "行政案件中负责人全出庭"],
  },
  {
    body: "joint",
    bodies: ["party_group", "government_executive"],
    number: "第114次",
    date: "2020-09-14",
    chair: "卢红",
    studied: [{ kind: "speech", title: "习近平总书记在全国抗击新冠肺炎疫情表彰大会上的重要讲话" }],
    items: [{ kind: "report", title: "持续优化法治化营商环境", ruleOfLaw: true }],
  },
  {
    body: "government_executive",
    number: "第98次",
    date: "2019-12-20",
    chair: "卢红",
    studied: [{ kind: "law", title: "《中华人民共和国行政许可法》" }],
  },
];

export const meetingsDemo: DemoContribution = {
  id: MEETINGS_DEMO_ID,
  dependsOn: [DIRECTORY_DEMO_ID],
  description: "the deciding bodies' meetings of 2020 that took up the rule of law",
  async load(ctx) {
    const cols = meetingRegister.columns;
    const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    const lines = [cols.map((c) => c.label.zh).join(",")];
    for (const m of DEMO_MEETINGS) {
      lines.push(
        cols
          .map((c) => {
            const v = (m as Record<string, unknown>)[c.field];
            if (v === undefined) return "";
            if (Array.isArray(v))
              return cell(
                v
                  .map((x) =>
                    c.item ? c.item.format(x) : (c.options?.[x as string]?.zh ?? String(x)),
                  )
                  .join("；"),
              );
            return cell(String(v));
          })
          .join(","),
      );
    }
    const file = Buffer.from(`${lines.join("\n")}\n`, "utf8");
    const office = demoUsername("yfzqb", "rule_of_law_office");
    const unitId = await ctx.unitId("qwb");
    const r = await ctx.as(office, "2020-12-30", (w) =>
      importCsv(w, meetingRegister, file, { unitId }),
    );
    ctx.note(`${r.created} meetings`);
  },
};
