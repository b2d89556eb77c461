import { describe, expect, it } from "vitest";
import { textOf } from "../../kernel/errors.ts";
import type { StepEvent, TransitionDecl } from "./declare.ts";
import { separationRefusal } from "./separation.ts";

const step = (action: string, zh: string, extra: Partial<TransitionDecl> = {}): TransitionDecl => ({
  action,
  label: { zh, en: action },
  from: ["draft"],
  to: "draft",
  ...extra,
});
const review = step("pass_review", "保密审查通过", {
  notBy: {
    actions: ["create", "edit", "submit_review"],
    who: { zh: "本报告的起草人", en: "report's writer" },
    legalBasis: "政府信息公开条例 art. 17 [I]",
  },
});
const decl = {
  transitions: [step("edit", "修改报告"), step("submit_review", "提交保密审查"), review],
};
const ev = (kind: string, action: string, actorUserId: number): StepEvent => ({
  kind,
  action,
  onDate: "2021-01-05" as StepEvent["onDate"],
  data: {},
  actorUserId,
});

describe("separation of duties (notBy)", () => {
  it("refuses the opener, the editor and the submitter, citing the rule in Chinese", () => {
    for (const e of [
      ev("created", "create", 7),
      ev("transition", "edit", 7),
      ev("transition", "submit_review", 7),
    ]) {
      const m = separationRefusal(decl, review, [e], 7);
      expect(m, e.action).toBeDefined();
      expect(textOf(m!).zh).toContain("《中华人民共和国政府信息公开条例》第十七条");
      expect(textOf(m!).zh).toContain("本报告的起草人");
    }
    const m = separationRefusal(decl, review, [ev("transition", "edit", 7)], 7);
    expect(textOf(m!).zh).toContain("“修改报告”");
  });

  it("lets another person take the step, and ignores steps not named", () => {
    const history = [ev("created", "create", 7), ev("transition", "submit_review", 7)];
    expect(separationRefusal(decl, review, history, 8)).toBe(undefined);
    expect(separationRefusal(decl, review, [ev("transition", "return_draft", 8)], 8)).toBe(
      undefined,
    );
    expect(separationRefusal(decl, decl.transitions[1]!, history, 7)).toBe(undefined);
  });
});
