import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { makeIdCard } from "../../../src/kernel/codes/id-card.ts";
import { handler, open, penaltyFields, person, t, useEnforcementApp } from "./support.ts";

/**
 * Issue 8, identity: ID and phone numbers are unreadable in a raw dump of the database
 * (SM4 at rest; GB/T 22239-2019 8.1.4.8 b). With a penalty case whose party has an ID and
 * a phone number and the officers' register (ID numbers), every row of every table of
 * the schema, read as the owner (as a dump would), contains none of them in clear — not
 * in the records, the audit trail, the security log, the search index or the files.
 */
useEnforcementApp();

async function everyRowAsText(): Promise<Map<string, string>> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`.execute(t.db.owner);
  const out = new Map<string, string>();
  for (const { name } of tables.rows) {
    const r = await sql<{ text: string | null }>`
      select string_agg(x::text, ' ') as text from ${sql.table(name)} x`.execute(t.db.owner);
    out.set(name, r.rows[0]?.text ?? "");
  }
  return out;
}

describe("a raw dump of the database", () => {
  it("holds no ID or phone number in clear", async () => {
    const c = await open(handler, "penalty_general", penaltyFields(), "2022-06-01");
    expect(c.id).toBeGreaterThan(0);
    // the officers' ID numbers (support.ts seeds them from sequence 100)
    const officerIds = Array.from({ length: 6 }, (_, i) =>
      makeIdCard("500156", "1985-01-01", 100 + i, "female"),
    );
    const secrets = [person.idNumber, person.phone, ...officerIds];
    const dump = await everyRowAsText();
    expect(dump.size).toBeGreaterThan(20);
    // the dump does hold the records: the party's name is there, the numbers are not
    expect([...dump.values()].some((text) => text.includes(person.name))).toBe(true);
    const found: string[] = [];
    for (const [table, text] of dump) {
      for (const s of secrets) {
        if (text.includes(s)) found.push(`${table}: ${s}`);
        // the ID number's digits with the check character lower-cased, too
        if (text.includes(s.toLowerCase()) && s !== s.toLowerCase()) found.push(`${table}: ${s}`);
      }
    }
    expect(found).toEqual([]);
  });
});
