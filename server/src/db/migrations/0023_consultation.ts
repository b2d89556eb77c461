import { type Kysely, sql } from "kysely";
import { enableTenantRls, grantApp } from "./helpers.ts";

/**
 * Public comment (公开征求意见, engines/consultation; docs/consultation.md): one
 * `consultation` per case that opens a draft for comment (a normative document, a major
 * decision), and its `consultation_comment`s — each kept for ever (hidden ones too), with
 * the official answer beside it.
 *
 * The platform's first write path open to people without an account: the app role may
 * not insert a comment; it calls `fazhi_consultation_submit` (SECURITY DEFINER), which
 * inserts exactly one comment into a consultation of the given region that is open on
 * the given day, and nothing else. The submitter's contact arrives already encrypted
 * (SM4, platform/crypto/field-cipher.ts) and is never selected by a public read.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run on any schema state
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table consultation (
      region_code text not null references region(code),
      id bigint generated always as identity,
      case_type text not null,
      case_id bigint not null,
      unit_id bigint not null references unit(id),
      title text not null,
      draft text not null default '',
      opens_on date not null,
      closes_on date not null check (closes_on >= opens_on),
      closed_on date,
      answers_published_on date,
      report_published_on date,
      created_at timestamptz not null,
      primary key (region_code, id),
      unique (region_code, case_id),
      foreign key (region_code, case_id) references case_file (region_code, id)
    );
    create table consultation_comment (
      region_code text not null references region(code),
      id bigint generated always as identity,
      consultation_id bigint not null,
      unit_id bigint not null references unit(id),
      submitted_at timestamptz not null,
      submitted_on date not null,
      topic text not null default '' check (length(topic) <= 100),
      body text not null check (length(body) between 1 and 5000),
      author_name text check (length(author_name) <= 50),
      contact_cipher text,
      hidden boolean not null default false,
      hidden_reason text,
      answer_result text check (answer_result in ('adopted', 'partly_adopted', 'not_adopted', 'under_study')),
      answer_reason text,
      answered_on date,
      answered_by bigint references app_user(id),
      answer_published boolean not null default false,
      primary key (region_code, id),
      foreign key (region_code, consultation_id) references consultation (region_code, id),
      check (answer_result is null or answer_result = 'adopted' or length(trim(answer_reason)) > 0)
    );
    create index consultation_comment_of on consultation_comment (region_code, consultation_id, id);

    -- The public path: one comment into an open consultation of region r, nothing else.
    create function fazhi_consultation_submit(r text, c bigint, today date, at timestamptz,
        topic text, body text, author text, contact text)
      returns bigint language plpgsql security definer set search_path = public as $$
    declare
      u bigint;
      new_id bigint;
    begin
      select k.unit_id into u from consultation k
       where k.region_code = r and k.id = c
         and k.opens_on <= today and today <= k.closes_on and k.closed_on is null;
      if u is null then
        raise exception 'consultation %/% is not open on %', r, c, today using errcode = '22023';
      end if;
      insert into consultation_comment (region_code, consultation_id, unit_id, submitted_at,
          submitted_on, topic, body, author_name, contact_cipher)
        values (r, c, u, at, today, coalesce(topic, ''), body, author, contact)
        returning id into new_id;
      return new_id;
    end $$;
    revoke all on function fazhi_consultation_submit(text, bigint, date, timestamptz, text, text, text, text) from public;
    grant execute on function fazhi_consultation_submit(text, bigint, date, timestamptz, text, text, text, text) to fazhi_app;
  `.execute(db);
  await grantApp(db, "consultation", ["select", "insert", "update"]);
  await grantApp(db, "consultation_comment", ["select", "update"]);
  await enableTenantRls(db, "consultation", { unitColumn: "unit_id" });
  await enableTenantRls(db, "consultation_comment", { unitColumn: "unit_id" });
  // Region scope writes only in its home region (as migration 0010 for the engines' tables).
  for (const table of ["consultation", "consultation_comment"]) {
    await sql
      .raw(
        `create policy ${table}_writes_insert on ${table} as restrictive for insert to fazhi_app
           with check (fazhi_writes_in(region_code, null));
         create policy ${table}_writes_update on ${table} as restrictive for update to fazhi_app
           using (fazhi_writes_in(region_code, null)) with check (fazhi_writes_in(region_code, null));`,
      )
      .execute(db);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run on any schema state
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function if exists fazhi_consultation_submit(text, bigint, date, timestamptz, text, text, text, text);
    drop table if exists consultation_comment; drop table if exists consultation;`.execute(db);
}
