import { type Kysely, sql } from "kysely";

/**
 * Search whose cost does not grow with the number of matches (issue 9, "Chinese search
 * at 100,000 documents"): a common term (罚款 in 43,942 of 100,000 documents) was read
 * back match by match under the policy of search_doc (a visibility function per row)
 * and every match ranked before the best 20 were kept.
 *
 * `fazhi_search_top` returns the best `lim` documents of the caller's scope (one region
 * `r`, or all of `fazhi_regions()` when null), with the same visibility as the policy of
 * search_doc — the record's own policy, written out: a case (or document) of the caller's
 * unit, a case it takes part in, a sub-case of its case, or anything in region scope; a
 * register entry of region visibility, of the caller's unit, or anything in region scope.
 *
 * - A rare term (the planner's estimate of its matches at most `common` or at most
 *   √(recent × documents in scope), below which walking would read more documents than
 *   ranking them all): every match, found through the GIN index, is ranked
 *   (`ts_rank`), as before.
 * - A common term: the newest documents are walked first (`search_doc_recent`) and the
 *   walk stops at the first `recent` visible matches, ranked among themselves; `cut` is
 *   true when it stopped early (the caller tells the user that only recent documents
 *   were ranked). A term in fewer than a fifth of one region's documents finds the same
 *   first matches through the GIN index, from a recent date on (below, `windowed`).
 *
 * Security definer (the owner is not subject to the policy; the visibility is checked
 * here, once per candidate, as index probes); volatile only because it EXPLAINs (the
 * estimates); JIT off (compiling costs more than these statements).
 */

/**
 * The policy of search_doc for document d and the caller's unit u, written out over the
 * record joined by its key (JOINS): left joins on the primary keys, so that each
 * candidate costs two index probes (an EXISTS here became a hashed subplan that read
 * every case of the table first).
 */
const JOINS = `left join register_entry e
      on d.kind = 'register' and e.region_code = d.region_code and e.id = d.record_id
    left join case_file c
      on d.kind <> 'register' and c.region_code = d.region_code and c.id = d.record_id`;
const VISIBLE = `case when d.kind = 'register'
    then e.id is not null and (e.visibility = 'region' or u is null or e.unit_id = u)
    else c.id is not null and (u is null or c.unit_id = u
      or exists (select 1 from case_participant p
                  where p.region_code = c.region_code and p.case_id = c.id and p.unit_id = u)
      or (c.parent_id is not null and exists (select 1 from case_file pc
                  where pc.region_code = c.region_code and pc.id = c.parent_id
                    and pc.unit_id = u))) end`;

const FILTERS = `(k is null or d.kind = k) and (src is null or d.source = src)
       and (srcs is null or d.source = any(srcs))
       and (unit_filter is null or d.unit_id = unit_filter) and (st is null or d.status = st)
       and (d_from is null or d.on_date >= d_from) and (d_to is null or d.on_date <= d_to)`;

const ONE = "d.region_code = regions[1]";
const ANY = "d.region_code = any(regions)";

const COLUMNS = `d.kind, d.record_id, d.source, d.title, d.body, d.region_code, d.unit_id,
       d.status, d.on_date, ts_rank(d.tokens, rank_q)::float8 as score`;

/**
 * The walk over the newest documents: ts_match_vq is @@ written so that the planner does
 * not take it to the GIN index; with one region the walk follows search_doc_recent.
 */
const MATCH = "ts_match_vq(d.tokens, q)";
/**
 * The same from date `since` on, where the GIN index finds the documents holding the
 * query's least frequent lexeme `lq` (estimated well, unlike a phrase: the planner then
 * ANDs the bitmap with the date's) and the query itself is checked on those.
 */
const IN_WINDOW = "d.tokens @@ lq and ts_match_vq(d.tokens, q) and d.on_date >= since";

const walk = (region: string, match = MATCH, full = false) => `return query
      with w as (
        select ${COLUMNS} from search_doc d ${JOINS}
         where ${region} and d.audience = aud and ${match}
           and ${FILTERS} and ${VISIBLE}
         order by d.on_date desc nulls last, d.record_id desc
         limit recent)
      select w.*, (select count(*) from w) >= recent from w
       ${full ? "where (select count(*) from w) >= recent" : ""}
       order by w.score desc, w.on_date desc nulls last, w.record_id desc
       limit lim;`;

/**
 * A term of middling frequency (fewer than a fifth of the documents) in one region: the
 * walk would read recent × scope / matches documents one by one. Instead the documents
 * from date `since` on, where about twice `recent` matches are expected (the date read
 * from the statistics of on_date: its most common values and histogram), are searched
 * through the GIN index (a bitmap of the matches ANDed with search_doc_recent's); if they
 * hold `recent` visible matches, those are the walk's (every older document comes after
 * them) and are returned, otherwise nothing is and the walk runs.
 */
const windowed = `if est < scope / 5 then
          with s as (select * from pg_stats s where s.schemaname = 'public'
                        and s.tablename = 'search_doc' and s.attname = 'on_date'),
          v as (
            select m.d, m.f from s, unnest(s.most_common_vals::text::date[], s.most_common_freqs) m(d, f)
            union all
            select h.d, (1 - s.null_frac - coalesce((select sum(x) from unnest(s.most_common_freqs) x), 0))
                        / greatest(cardinality(s.histogram_bounds::text::date[]) - 1, 1)
              from s, unnest(s.histogram_bounds::text::date[]) h(d))
          select t.d into since
            from (select v.d, sum(v.f) over (order by v.d desc) as c from v) t
           where t.c >= 2 * recent / est order by t.d desc limit 1;
          if since is not null then
            ${walk(ONE, IN_WINDOW, true)}
            get diagnostics n = row_count;
            if n > 0 then return; end if;
          end if;
        end if;
        ${walk(ONE)}`;

/** Every match through the GIN index, ranked. */
const rare = (region: string) => `return query
      select ${COLUMNS}, false from search_doc d ${JOINS}
       where d.tokens @@ q and ${region} and d.audience = aud and ${FILTERS} and ${VISIBLE}
       order by score desc, d.record_id desc
       limit lim;`;

// biome-ignore lint/suspicious/noExplicitAny: migrations run on any schema state
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create index search_doc_recent
      on search_doc (region_code, audience, on_date desc nulls last, record_id desc);

    create function fazhi_search_top(q tsquery, rank_q tsquery, aud text, r text,
        k text, src text, srcs text[], unit_filter bigint, st text, d_from date, d_to date,
        lim int, common int, recent int)
      returns table (kind text, record_id bigint, source text, title text, body text,
        region_code text, unit_id bigint, status text, on_date date, score float8, cut boolean)
      language plpgsql volatile security definer set search_path = public set jit = off as $$
    #variable_conflict use_column
    declare
      regions text[] := fazhi_regions();
      u bigint := fazhi_unit();
      plan json;
      lx text;
      lq tsquery;
      e float8;
      est float8;
      scope float8;
      since date;
      n bigint;
    begin
      if r is not null then
        if not r = any(regions) then return; end if;
        regions := array[r];
      end if;
      if cardinality(regions) = 0 then return; end if;
      -- The matches, as the planner estimates them from the lexemes' statistics: of a
      -- phrase or of several terms, the fewest of any one lexeme (for a phrase the planner
      -- multiplies the frequencies of a word's overlapping bigrams: far too few). That
      -- lexeme (lq, implied by q when q has no | or !) finds a window's matches.
      lq := q;
      for lx in select m[1] from regexp_matches(q::text, '(''(?:[^'']|'''')*''(?::[*A-D]+)?)', 'g') m
                 limit 8 loop
        execute format('explain (format json) select 1 from search_doc
                         where tokens @@ %L::tsquery and audience = %L and region_code = any(%L::text[])',
                       lx, aud, regions) into plan;
        e := (plan->0->'Plan'->>'Plan Rows')::float8;
        if est is null or e < est then
          est := e;
          if q::text !~ '[|!]' then lq := lx::tsquery; end if;
        end if;
      end loop;
      -- Walking reads about recent × scope / matches documents, ranking them all costs
      -- the matches: the walk pays once the matches exceed √(recent × scope) (and common).
      execute format('explain (format json) select 1 from search_doc
                       where audience = %L and region_code = any(%L::text[])', aud, regions) into plan;
      scope := (plan->0->'Plan'->>'Plan Rows')::float8;
      if est is null or est <= greatest(common, sqrt(recent * scope)) then
        if cardinality(regions) = 1 then ${sql.raw(rare(ONE))}
        else ${sql.raw(rare(ANY))}
        end if;
      elsif cardinality(regions) = 1 then ${sql.raw(windowed)}
      else ${sql.raw(walk(ANY))}
      end if;
    end $$;
    revoke all on function fazhi_search_top from public;
    grant execute on function fazhi_search_top to fazhi_app;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("the search ranking migration cannot be reverted");
}
