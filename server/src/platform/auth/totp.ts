import type { Kysely, Transaction } from "kysely";
import { Secret, TOTP } from "otpauth";
import type { DB } from "../../db/schema.ts";
import { decryptField, encryptField } from "../crypto/field-cipher.ts";

/**
 * The TOTP second factor (RFC 6238 with the `otpauth` library; GB/T 22239-2019 8.1.4.1 d:
 * a cryptographic authentication technique beside the password). HMAC-SHA1, 6 digits,
 * 30-second steps — what every authenticator app (and the 政务 apps that embed one)
 * reads from an otpauth:// URI. A code is accepted one step early or late (clock drift),
 * and a code of a step already used — or of an earlier one — is refused (RFC 6238 §5.2).
 * The secret is generated on the server (160 bits, RFC 4226 §4) and stored SM4-encrypted
 * with the field cipher under the context below, so a database dump does not give it.
 */
export const ISSUER = "法治";
const PERIOD = 30;
const DIGITS = 6;
const WINDOW = 1;
const CONTEXT = "user_totp.secret";

type Db = Kysely<DB> | Transaction<DB>;

function totpOf(base32: string, label: string): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: "SHA1",
    digits: DIGITS,
    period: PERIOD,
    secret: Secret.fromBase32(base32),
  });
}

/** The time step of an instant (RFC 6238 T). */
export function stepOf(now: Date): number {
  return Math.floor(now.getTime() / 1000 / PERIOD);
}

/** The code of a secret at an instant (tests, the demo, the CLI). */
export function codeAt(base32: string, at: Date): string {
  return totpOf(base32, "x").generate({ timestamp: at.getTime() });
}

export interface Enrolment {
  /** otpauth://totp/… for a QR code; shown once. */
  uri: string;
  /** The same secret as base32 text, for typing into an app; shown once. */
  secret: string;
}

/**
 * Start (or restart) enrolment: a fresh secret replaces any unconfirmed one. Refuses
 * nothing itself: callers check that no confirmed factor exists.
 */
export async function startEnrolment(
  db: Db,
  key: Buffer,
  now: Date,
  user: { id: number; username: string },
): Promise<Enrolment> {
  const secret = new Secret({ size: 20 }).base32;
  await storeSecret(db, key, now, user.id, secret, null);
  return { uri: totpOf(secret, user.username).toString(), secret };
}

/** Store a secret (encrypted) for a user, confirmed or not (enrolment, `fazhi` demo/CLI). */
export async function storeSecret(
  db: Db,
  key: Buffer,
  now: Date,
  userId: number,
  base32: string,
  confirmedAt: Date | null,
): Promise<void> {
  const secret_enc = encryptField(key, base32, CONTEXT);
  await db
    .insertInto("user_totp")
    .values({ user_id: userId, secret_enc, created_at: now, confirmed_at: confirmedAt })
    .onConflict((oc) =>
      oc.column("user_id").doUpdateSet({
        secret_enc,
        created_at: now,
        confirmed_at: confirmedAt,
        last_step: null,
      }),
    )
    .execute();
}

export async function factorOf(db: Db, userId: number) {
  return db
    .selectFrom("user_totp")
    .select(["secret_enc", "confirmed_at", "last_step"])
    .where("user_id", "=", userId)
    .executeTakeFirst();
}

/** Whether the user has a confirmed second factor. */
export async function hasFactor(db: Db, userId: number): Promise<boolean> {
  return Boolean((await factorOf(db, userId))?.confirmed_at);
}

export type CodeCheck = "ok" | "wrong" | "replayed" | "none";

/**
 * Check a code against the user's factor (confirmed, or the pending one when
 * `confirming`) and, when it is right, record its step so that it cannot be used again.
 * The update is conditional on the step being newer than the last used one, so two
 * concurrent requests with the same code cannot both pass.
 */
export async function checkCode(
  db: Db,
  key: Buffer,
  now: Date,
  userId: number,
  code: string,
  opts: { confirming?: boolean } = {},
): Promise<CodeCheck> {
  const f = await factorOf(db, userId);
  if (!f) return "none";
  if (Boolean(f.confirmed_at) === Boolean(opts.confirming)) return "none";
  if (!/^\d{6}$/.test(code)) return "wrong";
  const secret = decryptField(key, f.secret_enc, CONTEXT);
  const delta = totpOf(secret, "x").validate({
    token: code,
    timestamp: now.getTime(),
    window: WINDOW,
  });
  if (delta === null) return "wrong";
  const step = stepOf(now) + delta;
  const r = await db
    .updateTable("user_totp")
    .set({ last_step: step, ...(opts.confirming ? { confirmed_at: now } : {}) })
    .where("user_id", "=", userId)
    .where((eb) => eb.or([eb("last_step", "is", null), eb("last_step", "<", step)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1 ? "ok" : "replayed";
}

/** Remove a user's factor (the security administrator's reset). */
export async function removeFactor(db: Db, userId: number): Promise<boolean> {
  const r = await db.deleteFrom("user_totp").where("user_id", "=", userId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
