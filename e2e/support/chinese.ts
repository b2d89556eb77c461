/**
 * What a Chinese user must not meet on a page: Latin-letter keys ("majorPublicInterest"),
 * codes where a name belongs ("ghzrzyj", "town-zhaojia", "case.penalty_general.close"),
 * English values ("fine"), English citations ("art. 60", "para. 3") and the maintainers'
 * notes ("[R]", "(setting …)"). The scan reads the rendered text (innerText: what is
 * shown, not tooltips) and every visible form control's value and placeholder.
 *
 * Allowed: identifiers made of capitals and digits with at least one digit (case and
 * certificate numbers, USCC, a masked ID number's X, SCJG-JG-001), the words below, what
 * the test itself typed, text inside elements marked `data-identifier` (login names), a
 * hash, and the hex suffix of names the browser tests made unique.
 */
import type { Page } from "playwright-core";

/** Latin words that legitimately appear on a Chinese screen. */
const ALLOWED_WORDS = new Set([
  "English",
  "Excel",
  "TOTP",
  "IP",
  "ID",
  "KB",
  "MB",
  "PDF",
  "GB/T",
  "GB",
]);

/** Runs of letters, digits and the punctuation keys and codes are made of. */
const TOKEN = /[A-Za-z0-9][A-Za-z0-9_.\-/:[\]()]*/g;

function allowed(token: string, typed: readonly string[]): boolean {
  if (!/[A-Za-z]/.test(token)) return true;
  const word = token.replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, "");
  if (ALLOWED_WORDS.has(word)) return true;
  // an identifier: capitals and digits (with - or /), at least one digit
  if (/^[A-Z0-9][A-Z0-9\-/]*$/.test(word) && /\d/.test(word)) return true;
  // a hash (the audit chain's SM3, shown abridged to the auditor)
  if (/^[0-9a-f]{16,}$/.test(word)) return true;
  // the suffix of a name the browser tests made unique (support/app.ts uniqueName)
  if (/^[0-9a-f]{6}$/.test(word)) return true;
  return typed.some((t) => t.includes(word));
}

/** The faults on the page now, as "token (in: …context…)". */
export async function latinFaults(page: Page, typed: readonly string[] = []): Promise<string[]> {
  const { out: texts, ids } = await page.evaluate(() => {
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a user reads (not tooltips)
    const out: string[] = [document.body.innerText];
    for (const el of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
      "input, textarea",
    )) {
      const skip = ["hidden", "password", "checkbox", "radio"].includes(el.type);
      const visible = el.offsetParent !== null && !skip;
      if (visible) out.push(el.value ?? "", el.placeholder ?? "");
    }
    // identifiers a page marks as such (login names): Latin by design
    const ids = [...document.querySelectorAll<HTMLElement>("[data-identifier]")].map(
      (e) => e.textContent ?? "",
    );
    return { out, ids };
  });
  const faults: string[] = [];
  for (const text of texts) {
    for (const m of text.matchAll(TOKEN)) {
      if (allowed(m[0], [...typed, ...ids])) continue;
      const at = m.index ?? 0;
      const context = text.slice(Math.max(0, at - 20), at + m[0].length + 20).replace(/\s+/g, " ");
      faults.push(`${m[0]}  (…${context}…)`);
    }
  }
  return [...new Set(faults)];
}
