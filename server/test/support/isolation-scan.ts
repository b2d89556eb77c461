import type { LightMyRequestResponse } from "fastify";
import { sql } from "kysely";
import type { Database } from "../../src/db/connection.ts";
import { normaliseNumbers } from "../../src/kernel/masking.ts";
import { expandZip } from "../../src/platform/files/zip.ts";
import {
  mayReveal,
  ownsPeople,
  type RecordSet,
  type RoleKey,
  readsAudit,
  SETS,
  seesCase,
  seesEntry,
  type World,
} from "./isolation-seed.ts";

/** How a route's answers are judged, beyond the default (an authenticated business read). */
export interface ScanFlags {
  /** A /public route: what is published may show (the officer register's public fields). */
  public?: boolean;
  /** Answers the case's people in full to those who may ask with a reason. */
  reveal?: boolean;
  /** The audit trail: its readers see what the events record. */
  audit?: boolean;
  /**
   * The security log: it records refused requests as asked (the matrix's own probes
   * typed the text markers into their URLs); numbers are scrubbed from it.
   */
  requests?: boolean;
}

/** The text of an answer: the body, and the parts of a docx/xlsx (ZIP) answer decoded. */
export function textOf(res: LightMyRequestResponse): string {
  const raw = res.rawPayload;
  if (raw.length > 4 && raw.readUInt32LE(0) === 0x04034b50) {
    const parts = expandZip(raw, { maxEntries: 500, maxExpandedBytes: 64 * 1024 * 1024 });
    return [...parts.values()].map((b) => b.toString("utf8")).join("\n");
  }
  return res.body;
}

interface Sentinel {
  set: string;
  what: string;
  value: string;
  number: boolean;
}

/** The sentinels role `r` must not find in an answer of a route with these flags. */
export function forbidden(w: World, r: RoleKey, flags: ScanFlags): Sentinel[] {
  const out: Sentinel[] = [];
  const add = (s: RecordSet, what: keyof RecordSet["marks"], allowed: boolean, number = false) => {
    if (!allowed) out.push({ set: s.key, what, value: s.marks[what], number });
  };
  for (const key of SETS) {
    const s = w.sets[key];
    const pub = flags.public === true;
    const typed = flags.requests === true && r === "auditadmin";
    const caseText =
      typed || (!pub && (seesCase(r, key) || (flags.audit === true && readsAudit(r, key))));
    add(s, "name", caseText);
    add(s, "file", caseText);
    add(s, "content", !pub && seesCase(r, key));
    add(
      s,
      "officer",
      typed || pub || seesEntry(r, key) || (flags.audit === true && readsAudit(r, key)),
    );
    const people = !pub && (ownsPeople(r, key) || (flags.reveal === true && mayReveal(r, key)));
    add(s, "idNumber", people, true);
    add(s, "phone", people, true);
    add(s, "officerId", !pub && ownsPeople(r, key), true);
    add(s, "officerPhone", !pub && ownsPeople(r, key), true);
  }
  return out;
}

/** Every sentinel of `list` found in `text` (numbers in every written form). */
export function found(text: string, list: Sentinel[]): Sentinel[] {
  const plain = normaliseNumbers(text);
  return list.filter((s) =>
    s.number ? plain.includes(normaliseNumbers(s.value)) : text.includes(s.value),
  );
}

/** Every sentinel of the world, for the positive control (the scan can see them). */
export function allSentinels(w: World): Sentinel[] {
  return SETS.flatMap((key) =>
    Object.entries(w.sets[key].marks).map(([what, value]) => ({
      set: key,
      what,
      value,
      number: /^[0-9X]+$/.test(value),
    })),
  );
}

/**
 * A fingerprint of the business rows (cases, their timelines, clocks, participants,
 * links, attachments, register entries and keys, numbers, settings, roles), read as the
 * owner: a refused write must leave it unchanged. Audit and security events are not in
 * it (a refusal writes a security event; a reveal writes an audit event).
 */
export async function fingerprint(db: Database): Promise<string> {
  const tables = [
    "case_file",
    "case_event",
    "case_clock",
    "case_participant",
    "case_link",
    "case_suspension",
    "case_extension",
    "attachment",
    "register_entry",
    "register_key",
    "number_sequence",
    "setting",
    "user_role",
    "unit",
  ];
  const parts = tables.map(
    (t) => `(select coalesce(md5(string_agg(x::text, '|' order by x::text)), '') from ${t} x)`,
  );
  const r = await sql<{ f: string }>`select ${sql.raw(parts.join(" || ':' || "))} as f`.execute(
    db.owner,
  );
  return r.rows[0]!.f;
}
