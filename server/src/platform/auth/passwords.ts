import { type Algorithm, hash, verify } from "@node-rs/argon2";
import { type FieldError, type Text, t } from "../../kernel/errors.ts";

/** argon2id with the library's recommended cost (m=19 MiB, t=2, p=1; OWASP minimum). */
// Algorithm.Argon2id (an ambient const enum, so written as its value).
const OPTIONS = { algorithm: 2 as Algorithm.Argon2id } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/**
 * Password rules: at least 10 characters, not the user name (nor containing it), and
 * at least three of: lower case, upper case, digits, other characters (GB/T 22239-2019
 * 8.1.4.1 a: "口令具有复杂度要求").
 */
/**
 * Guessable bases: a password whose letters (after undoing common digit-for-letter
 * swaps) are one of these, with digits or symbols around them, is refused —
 * `Password12`, `P@ssw0rd2024!`, `Admin12345`. Kept short on purpose: the list names
 * the patterns attackers try first, it is not a dictionary.
 */
const COMMON_BASES = [
  "password",
  "passwd",
  "admin",
  "administrator",
  "qwerty",
  "qwertyuiop",
  "asdfgh",
  "letmein",
  "welcome",
  "iloveyou",
  "abc",
  "abcd",
  "abcdef",
  "changeme",
  "root",
  "test",
  "user",
  "fazhi",
];

function isCommonPattern(password: string): boolean {
  const lower = password.toLowerCase();
  // The core: digits and symbols around the word removed, then the swaps undone.
  const core = lower.replace(/^[^a-z]+|[^a-z]+$/g, "");
  const unleet = core
    .replace(/0/g, "o")
    .replace(/[1!|]/g, "i")
    .replace(/3/g, "e")
    .replace(/[4@]/g, "a")
    .replace(/[5$]/g, "s")
    .replace(/7/g, "t");
  const letters = unleet.replace(/[^a-z]/g, "");
  if (COMMON_BASES.includes(letters)) return true;
  // The letters of the original, digits and symbols stripped ("Password12" → "password").
  if (COMMON_BASES.includes(lower.replace(/[^a-z]/g, ""))) return true;
  // Runs and repeats: 12345678…, aaaaaaa…
  if (/(.)\1{5,}/.test(lower)) return true;
  if (
    /(?:0123|1234|2345|3456|4567|5678|6789|9876|8765|7654|6543|5432|4321|abcd|qwer)/.test(lower)
  ) {
    return letters.length < 6;
  }
  return false;
}

export function passwordProblems(password: string, username: string): FieldError[] {
  const problems: Text[] = [];
  if (password.length < 10) problems.push(t("至少 10 位", "must be at least 10 characters"));
  if (password.length > 256) problems.push(t("最多 256 位", "must be at most 256 characters"));
  const lower = password.toLowerCase();
  if (username && lower.includes(username.toLowerCase())) {
    problems.push(t("不能是用户名，也不能包含用户名", "must not be or contain the user name"));
  }
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((r) => r.test(password));
  if (classes.length < 3) {
    problems.push(
      t(
        "须包含小写字母、大写字母、数字、符号中的至少三类",
        "must mix at least three of: lower case, upper case, digits, symbols",
      ),
    );
  }
  if (isCommonPattern(password)) {
    problems.push(
      t(
        "是常见密码模式（常用词加数字或符号）",
        "is a common password pattern (a common word with digits or symbols)",
      ),
    );
  }
  return problems.map((message) => ({ field: "password", message }));
}

/** A random password that passes the rules (for the first admin and resets). */
export function generatePassword(bytes = 12): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  const symbols = "!#%+=?@";
  const buf = crypto.getRandomValues(new Uint8Array(bytes));
  let s = "";
  for (const b of buf) s += alphabet[b % alphabet.length];
  const pick = crypto.getRandomValues(new Uint8Array(4));
  return `${s}${symbols[pick[0]! % symbols.length]}${(pick[1]! % 10).toString()}Aa`;
}
