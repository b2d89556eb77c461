/**
 * Separation of duties, declared on a step (`TransitionDecl.notBy`): the user taking it
 * may not be one who took one of the named earlier steps of the same case — e.g. a
 * report's secrecy reviewer (保密审查) is not the one who wrote or submitted it.
 * `separationRefusal` is pure (the history is given, each event with its actor);
 * `separatedSteps` reads a case's history for a page that offers steps.
 */

import type { Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import { basisEn, basisZh } from "../../kernel/citation.ts";
import { type Message, t } from "../../kernel/errors.ts";
import type { Label } from "../../kernel/labels.ts";
import type { AnyCaseType, CaseView, StepEvent, TransitionDecl } from "./declare.ts";
import { loadHistory } from "./store.ts";

const OPENING: Label = { zh: "登记（新建）", en: "opening" };

const STEP_KINDS = new Set(["created", "transition"]);

/** Why this user may not take the step, or undefined when the declaration does not exclude them. */
export function separationRefusal(
  decl: Pick<AnyCaseType, "transitions">,
  step: Pick<TransitionDecl, "label" | "notBy">,
  history: readonly StepEvent[],
  userId: number,
): Message | undefined {
  const rule = step.notBy;
  if (!rule) return undefined;
  const taken = new Set(
    history
      .filter(
        (e) =>
          STEP_KINDS.has(e.kind) &&
          e.actorUserId === userId &&
          rule.actions.includes(e.kind === "created" ? "create" : e.action),
      )
      .map((e) => (e.kind === "created" ? "create" : e.action)),
  );
  if (taken.size === 0) return undefined;
  const labels = [...taken].map((a) =>
    a === "create" ? OPENING : (decl.transitions.find((x) => x.action === a)?.label ?? OPENING),
  );
  return t(
    `您办理过本件的“${labels.map((l) => l.zh).join("”“")}”，是${rule.who.zh}，不能办理“${step.label.zh}”，须由他人办理${basisZh(rule.legalBasis)}`,
    `you took this case's step${labels.length > 1 ? "s" : ""} ${labels.map((l) => `"${l.en}"`).join(", ")} (the ${rule.who.en}) and may not take "${step.label.en}": someone else must${basisEn(rule.legalBasis)}`,
  );
}

/** The steps of a case's state this user may not take by separation of duties, with why. */
export async function separatedSteps(
  trx: Transaction<DB>,
  decl: AnyCaseType,
  c: CaseView,
  userId: number,
): Promise<{ action: string; message: Message }[]> {
  const steps = decl.transitions.filter((x) => x.notBy && x.from.includes(c.state));
  if (steps.length === 0) return [];
  const history = await loadHistory(trx, c);
  const out: { action: string; message: Message }[] = [];
  for (const x of steps) {
    const message = separationRefusal(decl, x, history, userId);
    if (message) out.push({ action: x.action, message });
  }
  return out;
}
