import { execFile } from "node:child_process";
import type { FastifyInstance } from "fastify";
import { strFromU8, unzipSync } from "fflate";
import { normaliseNumbers } from "../../src/kernel/masking.ts";

/**
 * The masking scanner: crawls every public page reachable from the start URLs (links
 * under /public, same origin) and fetches the given public API URLs, and reports every
 * place a private party's name, ID number or phone number appears unmasked — the numbers
 * in every form people write them (spaces, dashes, full-width digits, +86, x or X):
 * each body is compared with its numbers normalised (kernel normaliseNumbers). A PDF is
 * read as its text (poppler's pdftotext: a PDF whose text cannot be read fails the scan),
 * a .docx as the text of its parts.
 */
export interface PrivateParty {
  /** Empty for people whose name may be shown (officials), to scan only their numbers. */
  name: string;
  idNumber?: string;
  phone?: string;
}

export interface ScanResult {
  visited: string[];
  leaks: { url: string; value: string }[];
}

export async function scanPublic(
  app: FastifyInstance,
  parties: PrivateParty[],
  start: string[],
  apis: string[] = [],
  limit = 500,
): Promise<ScanResult> {
  const names = parties.map((p) => p.name).filter(Boolean);
  const numbers = parties
    .flatMap((p) => [p.idNumber, p.phone])
    .filter((s): s is string => Boolean(s));
  const queue = [...start];
  const seen = new Set<string>();
  const leaks: ScanResult["leaks"] = [];
  const check = (url: string, body: string) => {
    for (const s of names) if (body.includes(s)) leaks.push({ url, value: s });
    const plain = normaliseNumbers(body);
    for (const s of numbers) {
      if (plain.includes(normaliseNumbers(s))) leaks.push({ url, value: s });
    }
  };
  while (queue.length && seen.size < limit) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const res = await app.inject({ method: "GET", url });
    check(url, await textOf(res.headers["content-type"], res.rawPayload));
    if (!String(res.headers["content-type"]).includes("text/html")) continue;
    for (const m of res.body.matchAll(/href="([^"]+)"/g)) {
      const href = m[1]!.replaceAll("&amp;", "&");
      if (href.startsWith("/public")) queue.push(href);
    }
  }
  for (const url of apis) {
    seen.add(url);
    const res = await app.inject({ method: "GET", url });
    check(url, res.body);
  }
  return { visited: [...seen], leaks };
}

/** The text a citizen reads in a body: a PDF's or a .docx's text, else the body itself. */
export async function textOf(type: unknown, body: Buffer): Promise<string> {
  const t = String(type ?? "");
  if (t.startsWith("application/pdf")) return pdfText(body);
  if (t.includes("wordprocessingml")) {
    const parts = unzipSync(new Uint8Array(body));
    return Object.entries(parts)
      .filter(([name]) => name.endsWith(".xml"))
      .map(([, b]) => strFromU8(b).replace(/<[^>]+>/g, ""))
      .join("\n");
  }
  return body.toString("utf8");
}

/** A PDF's text by pdftotext (poppler-utils); refuses a PDF whose text cannot be read. */
export function pdfText(pdf: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile("pdftotext", ["-enc", "UTF-8", "-", "-"], (err, stdout) =>
      err ? reject(new Error(`pdftotext could not read the PDF: ${err.message}`)) : resolve(stdout),
    );
    child.stdin?.end(pdf);
  });
}
