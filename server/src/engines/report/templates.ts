/**
 * Document templates (the report engine's, so that there is one way to produce documents: a
 * report template composes a report; a document template turns any data into an official
 * document): a module declares how its data becomes an official document, by
 * code, and anything (a route, the annual report, a CLI verb) renders it by that code.
 *
 *   registerTemplate("my_decision", (d: MyDecision) => ({ issuerMark: …, title: …, body: [...] }), {
 *     label: { zh: "行政复议决定书", en: "Administrative reconsideration decision" },
 *     parse: myDecisionSchema.parse,       // optional: checks untyped data (e.g. zod)
 *   });
 *   const docx = await renderTemplate("my_decision", data);
 *
 * Registration happens when the declaring module is imported; the registry is per
 * process. `notice` (通知) is built in.
 */
import { ConflictError, NotFoundError } from "../../kernel/errors.ts";
import { noticeTemplate, parseNotice } from "../../platform/documents/notice.ts";
import {
  type OfficialDocument,
  type RenderOptions,
  renderOfficialDocument,
} from "../../platform/documents/official.ts";

/** A template turns a module's data into an official document. */
export type DocumentTemplate<D> = (data: D) => OfficialDocument;

export interface TemplateOptions<D> {
  label?: { zh: string; en: string };
  /** Checks and converts untyped data before the template sees it (e.g. a zod schema's parse). */
  parse?: (data: unknown) => D;
  /** Rendering options (e.g. house style for third-level headings). */
  render?: RenderOptions;
}

interface Registered {
  code: string;
  template: DocumentTemplate<unknown>;
  options: TemplateOptions<unknown>;
}

const registry = new Map<string, Registered>();

const CODE = /^[a-z][a-z0-9_]*$/;

/** Declares a template under a stable ASCII code; a code can be registered once. */
export function registerTemplate<D>(
  code: string,
  template: DocumentTemplate<D>,
  options: TemplateOptions<D> = {},
): void {
  if (!CODE.test(code))
    throw new Error(`template code "${code}" must be lowercase ASCII (a-z, 0-9, _)`);
  if (registry.has(code))
    throw new ConflictError(`document template "${code}" is already registered`);
  registry.set(code, {
    code,
    template: template as DocumentTemplate<unknown>,
    options: options as TemplateOptions<unknown>,
  });
}

/** The codes and labels of the registered templates. */
export function listTemplates(): { code: string; label?: { zh: string; en: string } }[] {
  return [...registry.values()].map((r) => ({
    code: r.code,
    ...(r.options.label ? { label: r.options.label } : {}),
  }));
}

function lookup(code: string): Registered {
  const r = registry.get(code);
  if (!r) throw new NotFoundError(`no document template "${code}"`);
  return r;
}

/** The official document a template makes of the data (validated by the template's `parse`, if any). */
export function buildFromTemplate(code: string, data: unknown): OfficialDocument {
  const r = lookup(code);
  return r.template(r.options.parse ? r.options.parse(data) : data);
}

/** Renders the template's document as .docx. */
export async function renderTemplate(code: string, data: unknown): Promise<Buffer> {
  const r = lookup(code);
  return renderOfficialDocument(buildFromTemplate(code, data), r.options.render);
}

registerTemplate("notice", noticeTemplate, {
  label: { zh: "通知", en: "Notice" },
  parse: parseNotice,
});
