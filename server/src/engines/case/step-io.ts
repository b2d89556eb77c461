import { type Selectable, sql } from "kysely";
import type { CaseFileTable } from "../../db/schema.ts";
import { GENESIS_HASH } from "../../kernel/audit/chain.ts";
import { NotFoundError, t } from "../../kernel/errors.ts";
import type { LocalDate } from "../../kernel/time/index.ts";
import {
  type AuditChange,
  auditWrite,
  chainKeyOf,
  cleanChange,
  lockChainHead,
  prepareAudit,
} from "../../platform/audit/record.ts";
import type { WorkTx } from "../../platform/work.ts";
import { caseIndexWrites } from "../search/records.ts";
import { regionChain, type Settings, settingsOfChain } from "../settings.ts";
import type { LinkedCase } from "./clocks.ts";
import type { AnyCaseType, CaseView, StepEvent } from "./declare.ts";
import type { NewEvent } from "./store.ts";
import { nextEventInsert, toStepEvent, toView } from "./store.ts";

/**
 * A step's reads and writes in few statements (issue 9: round trips, not the work, were
 * most of a step's time). `readStep` reads the case (locked), its open suspension, its
 * timeline, its region's settings and, when asked, its links in one statement; `writeStepEnd` sends the step's
 * last writes — the case row, the timeline event, the audit event with its chain's head,
 * the search index — in one statement, after the chain's head is locked (one more).
 */

type SettingsLookup = Parameters<typeof settingsOfChain>[0];

export interface StepRead {
  row: Selectable<CaseFileTable>;
  c: CaseView;
  /** The open suspension, or null. */
  suspension: { from_date: string } | null;
  history: StepEvent[];
  /** The case's region's settings in force on a day. */
  settingsOn(day: LocalDate): Settings;
  /** The cases linked to it (`withLinks`), for the clocks that follow a link. */
  linked?: LinkedCase[];
}

export async function readStep(
  w: WorkTx,
  registry: SettingsLookup,
  id: number,
  caseType: string,
  opts: { withLinks?: boolean } = {},
): Promise<StepRead> {
  const { rows } = await sql<
    Selectable<CaseFileTable> & {
      open_suspension: { from_date: string } | null;
      linked: LinkedCase[] | null;
      history: {
        kind: string;
        action: string;
        on_date: string;
        data: unknown;
        actor_user_id: number | null;
      }[];
      settings: {
        chain_code: string;
        region_code: string;
        code: string | null;
        value: unknown;
        effective_from: string;
      }[];
    }
  >`with recursive c as (
      select * from case_file where id = ${id} and case_type = ${caseType} for update),
    ${regionChain(sql`(select region_code from c)`)}
    select c.*,
      (select json_build_object('id', s.id, 'from_date', s.from_date)
         from case_suspension s
        where s.region_code = c.region_code and s.case_id = c.id and s.to_date is null
        limit 1) as open_suspension,
      coalesce((select json_agg(json_build_object('kind', e.kind, 'action', e.action,
                  'on_date', e.on_date, 'data', e.data, 'actor_user_id', e.actor_user_id)
                  order by e.seq)
         from case_event e where e.region_code = c.region_code and e.case_id = c.id),
        '[]') as history,
      (select json_agg(json_build_object('chain_code', h.code, 'region_code', s.region_code,
                  'code', s.code, 'value', s.value, 'effective_from', s.effective_from)
                  order by h.depth)
         from chain h left join setting s on s.region_code = h.code) as settings,
      ${
        opts.withLinks
          ? sql`coalesce((select json_agg(json_build_object('kind', l.kind,
              'other_region', l.other_region, 'other_id', l.other_id, 'other_type', l.other_type))
              from fazhi_linked_cases(c.region_code, c.id) l), '[]')`
          : sql`null`
      } as linked
      from c`.execute(w.trx);
  const found = rows[0];
  if (!found) throw new NotFoundError(t(`没有案件 ${id}`, `no case ${id} of type ${caseType}`));
  const { open_suspension, history, settings, linked, ...row } = found;
  return {
    row,
    c: toView(row),
    suspension: open_suspension,
    history: history.map(toStepEvent),
    settingsOn: (day) => settingsOfChain(registry, settings, day),
    ...(linked ? { linked } : {}),
  };
}

/**
 * The last writes of an opening or a step in one statement: the case row's change
 * (`caseSet`: its columns' new values; `numbersAdded`: numbers just issued), the timeline
 * event, the audit event on the case's chain, and the case's search documents from
 * `indexRow` (the row as it now stands). The chain's head is locked first — not read at
 * all when the case was created in this transaction (`fresh`: its chain is new).
 */
export async function writeStepEnd(
  w: WorkTx,
  p: {
    c: Pick<CaseView, "regionCode" | "id">;
    caseSet?: {
      state: string;
      fields: string;
      numbers: string;
      closed_on: string | null;
      version: number;
    };
    numbersAdded?: Record<string, string>;
    event: NewEvent;
    audit: AuditChange;
    fresh?: boolean;
    index?: { decl: AnyCaseType; row: Selectable<CaseFileTable> };
  },
): Promise<void> {
  const { c, event: e } = p;
  const clean = cleanChange(p.audit); // a refused change sends nothing more
  const head = p.fresh
    ? { seq: 0, hash: GENESIS_HASH }
    : await lockChainHead(
        w.trx,
        p.audit.regionCode,
        chainKeyOf(p.audit.entityType, p.audit.entityId),
      );
  const a = prepareAudit(w.auditContext, p.audit, head, clean);
  const actor = w.actor;
  const parts = [];
  if (p.caseSet) {
    const s = p.caseSet;
    parts.push(sql`case_set as (
      update case_file set state = ${s.state}, fields = ${s.fields}::jsonb,
             numbers = ${s.numbers}::jsonb, closed_on = ${s.closed_on}::date,
             version = ${s.version}, updated_at = ${w.now}
       where region_code = ${c.regionCode} and id = ${c.id})`);
  } else if (p.numbersAdded && Object.keys(p.numbersAdded).length > 0) {
    parts.push(sql`case_set as (
      update case_file set numbers = numbers || ${JSON.stringify(p.numbersAdded)}::jsonb
       where region_code = ${c.regionCode} and id = ${c.id})`);
  }
  parts.push(sql`case_event_new as (${nextEventInsert(c, actor, w.now, e)})`);
  parts.push(auditWrite(a, "audit", { fresh: p.fresh === true }));
  if (p.index) parts.push(caseIndexWrites(p.index.decl, p.index.row, w.now));
  await sql`with ${sql.join(parts)} select 1`.execute(w.trx);
}
