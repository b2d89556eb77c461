/**
 * Rules (issue 9's ~100,000 normative documents and decisions a province year, with the
 * major decisions): a year of normative documents through the case import, one file —
 * put to comment, reviewed for legality, deliberated, registered and published with
 * their document number, most then filed; some still under review, a few withdrawn after
 * a review that did not pass (the demo's shape, rules/demo.ts).
 */
import { DOCUMENT_TYPE } from "../../server/src/modules/rules/common.ts";
import { addDays, csv, type District, importCaseFile, type Outcome, unitActor } from "./common.ts";

const IMPORTED_ON = "2021-01-29";
const SUBJECTS = [
  "优化营商环境",
  "农村人居环境整治",
  "安全生产责任落实",
  "城市管理精细化",
  "养老服务体系建设",
  "生态环境保护",
  "就业创业扶持",
  "政务公开",
];
const KEYS = [
  "_state",
  "_opened",
  "step.open_comment",
  "step.close_comment",
  "step.submit_review",
  "step.legality_review",
  "step.revise",
  "step.deliberate",
  "step.register",
  "step.publish",
  "step.file",
  "step.withdraw",
  "number.document",
  "title",
  "issuer",
  "numberPrefix",
  "marketRelated",
  "draftText",
  "commentFrom",
  "commentTo",
  "channel",
  "effectiveFrom",
  "text",
  "legality_review.result",
  "legality_review.opinion",
] as const;

export async function generateRules(d: District, out: Outcome): Promise<void> {
  const rng = d.rng("rules");
  const { actor } = await unitActor(d, "sfj-gfx", "生成数据规范性文件制定机关", "Generated issuer");
  const prefix = `生府发${d.region.slice(-2)}`;
  const rows: Record<string, unknown>[] = [];
  const seq = new Map<string, number>(); // the document numbers' sequence by year
  for (let k = 0; k < d.counts.documents; k++) {
    const opened = addDays("2020-01-02", Math.floor((k * 250) / d.counts.documents));
    const subject = rng.pick(SUBJECTS);
    const government = rng.chance(0.3);
    const title = government
      ? `关于${subject}的实施意见（第${k + 1}号）`
      : `关于加强${subject}工作的通知（第${k + 1}号）`;
    const from = addDays(opened, rng.int(2, 6));
    const to = addDays(from, 30);
    const submitted = addDays(to, rng.int(1, 5));
    const reviewed = addDays(submitted, rng.int(3, 12));
    const r: Record<string, unknown> = {
      _opened: opened,
      "step.open_comment": from,
      "step.close_comment": addDays(to, 1),
      "step.submit_review": submitted,
      "step.legality_review": reviewed,
      "legality_review.result": "passed",
      "legality_review.opinion": "制定主体、程序、内容符合法律法规规定，同意提交审议",
      title,
      issuer: government ? "government" : "department",
      numberPrefix: prefix,
      marketRelated: rng.chance(0.3),
      draftText: `${title}（征求意见稿）`,
      commentFrom: from,
      commentTo: to,
    };
    const p = rng.next();
    if (p < 0.05) {
      Object.assign(r, {
        "legality_review.result": "not_passed",
        "legality_review.opinion": "部分条款增加公民、法人和其他组织义务，缺乏法律法规依据",
        "step.revise": addDays(reviewed, 5),
        "step.withdraw": addDays(reviewed, 15),
        _state: "withdrawn",
      });
    } else if (p < 0.15) {
      r._state = "reviewing";
    } else {
      const pub = addDays(reviewed, rng.int(10, 25));
      const year = addDays(reviewed, 8).slice(0, 4); // numbered when registered
      seq.set(year, (seq.get(year) ?? 0) + 1);
      Object.assign(r, {
        "step.deliberate": addDays(reviewed, rng.int(3, 7)),
        "step.register": addDays(reviewed, 8),
        "step.publish": pub,
        "number.document": `${prefix}〔${year}〕${seq.get(year)}号`,
        channel: "website",
        effectiveFrom: pub,
        text: `${title}\n第一条 为做好${subject}工作，根据有关法律法规，结合本区实际，制定本文件。`,
      });
      if (rng.chance(0.8)) {
        r._state = "filed";
        r["step.file"] = addDays(pub, rng.int(1, 25));
      } else r._state = "published";
    }
    rows.push(r);
  }
  await importCaseFile(
    d,
    actor,
    DOCUMENT_TYPE,
    `${d.region}-规范性文件-2020.csv`,
    csv(KEYS, rows),
    rows.length,
    IMPORTED_ON,
    out,
  );
}
