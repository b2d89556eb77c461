import { type Kysely, sql } from "kysely";

/**
 * Row-level security, second round (issue 8; GB/T 22239-2019 8.1.4.2 access control):
 * what the isolation matrix found with the checks in code switched off.
 *
 * - **A supervising region does not write a district's business rows.** A region-scoped
 *   transaction (`fazhi.unit = '*'`) writes cases, their timelines, clocks, suspensions,
 *   extensions, participants, links, attachments, imports, register entries and keys
 *   only in its own region (`fazhi.home`, set by db/scope.ts from the actor's region).
 *   The regions below it it reads and supervises: a step declared `actor: "supervisor"`
 *   first calls `fazhi_supervise(region, case)` (SECURITY DEFINER: the case is one the
 *   caller sees, in a region below its own), which opens that one case — its row and
 *   its timeline — for the rest of the transaction. The other declared paths across
 *   units stay the SECURITY DEFINER functions of migrations 0005 and 0007 (linked steps
 *   and clocks, links across, import timelines). Restrictive policies, so they add to
 *   (never widen) the existing ones.
 * - **Number sequences** are the issuer's (one per region, issuer prefix, kind, year),
 *   shared by the units that issue under one prefix. The app role no longer reads or
 *   writes the table: it draws the next number with `fazhi_next_number` and an import
 *   raises a sequence past its history with `fazhi_raise_number` (its batch must be
 *   the caller's), both only in a region it writes in. A unit can no longer read another
 *   issuer's counts or set a sequence back (which would issue a number twice).
 * - **Register keys**: a unique key is read only with its entry (the entry's own
 *   visibility); a blind index of an encrypted field (`bi:…`, an ID or phone number's
 *   HMAC) only by the entry's own unit or its region's scope — another unit cannot learn
 *   whether a person is in a unit's register by probing the index.
 */
const WRITTEN: { table: string; caseColumn: string | null; commands: string[] }[] = [
  { table: "case_file", caseColumn: "id", commands: ["insert", "update", "delete"] },
  { table: "case_event", caseColumn: "case_id", commands: ["insert"] },
  { table: "case_clock", caseColumn: "case_id", commands: ["insert", "update", "delete"] },
  { table: "case_suspension", caseColumn: "case_id", commands: ["insert", "update", "delete"] },
  { table: "case_suspension_clock", caseColumn: "case_id", commands: ["insert"] },
  { table: "case_extension", caseColumn: "case_id", commands: ["insert"] },
  { table: "case_participant", caseColumn: "case_id", commands: ["insert", "update", "delete"] },
  { table: "case_link", caseColumn: "from_case_id", commands: ["insert", "delete"] },
  { table: "attachment", caseColumn: "case_id", commands: ["insert"] },
  { table: "case_import", caseColumn: null, commands: ["insert", "update"] },
  { table: "register_entry", caseColumn: null, commands: ["insert", "update", "delete"] },
  { table: "register_key", caseColumn: null, commands: ["insert", "delete"] },
];

// biome-ignore lint/suspicious/noExplicitAny: migrations run on any schema state
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    -- Whether this transaction writes business rows of region r (of case c, if given):
    -- unit scope is left to the permissive policies (a unit writes in its own region);
    -- region scope writes in its own region, or the one case a supervisor step opened.
    create function fazhi_writes_in(r text, c bigint) returns boolean language sql stable as $$
      select coalesce(fazhi_unit() is not null
          or r = nullif(current_setting('fazhi.home', true), '')
          or (c is not null and current_setting('fazhi.supervised', true) = r || ':' || c::text), false)
    $$;

    create function fazhi_supervise(r text, c bigint) returns void
      language plpgsql security definer set search_path = public as $$
    begin
      if fazhi_unit() is not null or r = coalesce(current_setting('fazhi.home', true), '')
         or not fazhi_case_visible(r, c) then
        raise exception 'case % is not one you supervise', c using errcode = '42501';
      end if;
      perform set_config('fazhi.supervised', r || ':' || c::text, true);
    end $$;
    revoke all on function fazhi_supervise(text, bigint) from public;
    grant execute on function fazhi_supervise(text, bigint) to fazhi_app;

    create function fazhi_next_number(r text, p text, k text, y int) returns int
      language plpgsql security definer set search_path = public as $$
    declare
      n int;
    begin
      if not (r = any(fazhi_regions()) and fazhi_writes_in(r, null)) then
        raise exception 'no numbers of region % in this scope', r using errcode = '42501';
      end if;
      insert into number_sequence (region_code, prefix, kind, year, last) values (r, p, k, y, 1)
        on conflict (region_code, prefix, kind, year) do update set last = number_sequence.last + 1
        returning last into n;
      return n;
    end $$;
    revoke all on function fazhi_next_number(text, text, text, int) from public;
    grant execute on function fazhi_next_number(text, text, text, int) to fazhi_app;

    create function fazhi_raise_number(r text, batch bigint, seqs jsonb) returns void
      language plpgsql security definer set search_path = public as $$
    begin
      if not (r = any(fazhi_regions()) and fazhi_writes_in(r, null) and exists (
          select 1 from case_import b where b.region_code = r and b.id = batch
             and fazhi_row_visible(b.region_code, b.unit_id))) then
        raise exception 'import batch % is not one of yours', batch using errcode = '42501';
      end if;
      insert into number_sequence (region_code, prefix, kind, year, last)
      select r, s.prefix, s.kind, s.year, s.last
        from jsonb_to_recordset(seqs) as s(prefix text, kind text, year int, last int)
      on conflict (region_code, prefix, kind, year)
        do update set last = greatest(number_sequence.last, excluded.last);
    end $$;
    revoke all on function fazhi_raise_number(text, bigint, jsonb) from public;
    grant execute on function fazhi_raise_number(text, bigint, jsonb) to fazhi_app;

    revoke select, insert, update, delete on number_sequence from fazhi_app;

    -- A register key with its entry (the entry's own visibility); a blind index (bi:…)
    -- by the entry's unit or region scope only. A definer function of low cost: the same
    -- check as a subquery under register_entry's policy made the planner expect a costly
    -- scan (and compile it) for every lookup of the index.
    create function fazhi_key_visible(r text, entry bigint, k text) returns boolean
      language sql stable security definer set search_path = public cost 5 as $$
      select exists (select 1 from register_entry e
        where e.region_code = r and e.id = entry and r = any(fazhi_regions())
          and (fazhi_unit() is null or e.unit_id = fazhi_unit()
               or (e.visibility = 'region' and k not like 'bi:%')))
    $$;
    drop policy register_key_read on register_key;
    create policy register_key_read on register_key for select to fazhi_app
      using (region_code = any(fazhi_regions()) and fazhi_key_visible(region_code, entry_id, key_name));
  `.execute(db);

  for (const { table, caseColumn, commands } of WRITTEN) {
    const pred = `fazhi_writes_in(region_code, ${caseColumn ?? "null"})`;
    for (const cmd of commands) {
      const clause =
        cmd === "insert"
          ? `with check (${pred})`
          : cmd === "update"
            ? `with check (${pred})` // not USING: the row stays readable FOR UPDATE, so the code's own refusal (403) comes first
            : `using (${pred})`;
      await sql
        .raw(
          `create policy ${table}_acts_${cmd} on ${table} as restrictive for ${cmd} to fazhi_app ${clause}`,
        )
        .execute(db);
    }
  }
}

export async function down(): Promise<void> {
  throw new Error("the second tenancy migration cannot be reverted");
}
