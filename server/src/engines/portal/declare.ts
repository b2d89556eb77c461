import type { Label } from "../../kernel/labels.ts";

/**
 * What a module puts on the public portal (政务公开): sections, each over one public
 * source — a case type's public projection or a register's allowlisted fields — placed
 * where citizens look for it. The portal (http/portal/) shows only declared sections:
 * a case type or register that no section names is never linked, listed or searched on
 * a public page (so the test-only worked examples never reach a citizen).
 *
 * The stages follow 国办发〔2018〕118号 (行政执法公示制度: 事前、事中、事后公开) and the
 * 政府信息公开条例 art. 20 (主动公开的政府信息):
 *   before    事前公开 — bodies, officers, powers, procedures, random-inspection lists
 *   during    事中公开 — what a citizen checks while enforcement happens (certificates)
 *   after     事后公开 — enforcement decisions
 *   documents 公开文件 — published normative documents and other decisions
 */
export const PORTAL_STAGES = ["before", "during", "after", "documents"] as const;
export type PortalStage = (typeof PORTAL_STAGES)[number];

export const PORTAL_STAGE_LABELS: Record<PortalStage, Label> = {
  before: { zh: "事前公开", en: "Before enforcement" },
  during: { zh: "事中公开", en: "During enforcement" },
  after: { zh: "事后公开", en: "After enforcement" },
  documents: { zh: "公开文件", en: "Published documents" },
};

/** The public source of a section: exactly one. */
export type PortalSource = { caseType: string } | { register: string };

export interface PortalSectionDecl {
  /** Stable ASCII code: the section's address (/public/<region>/sections/<code>). */
  code: string;
  /** The module that declares it (must be the declaring module). */
  module: string;
  label: Label;
  stage: PortalStage;
  /** One sentence for citizens: what the section holds and on what basis it is public. */
  intro: Label;
  source: PortalSource;
  /** Order within its stage (lower first; default 100). */
  order?: number;
  /** The field that names an item (its heading in lists; its page's title). */
  title: string;
  /** Further fields shown in the list (a few: the list must stay readable on a phone). */
  list: string[];
  /** Fields on the item's own page (default: every public field); none = no own page. */
  detail?: string[] | false;
  /**
   * The field naming the enforcement body, and how the portal finds the body: by the
   * directory unit code the field holds (`unitCode`), by the name it holds (`name`), or
   * by the record's own unit (`unit`: the unit that decided the case or keeps the entry;
   * the field's text is shown only when no body is found). Either way the portal shows
   * the body's full name from the bodies register, so an authority is spelt one way.
   */
  body?: { field: string; by: "unitCode" | "name" | "unit" };
  /** The field holding the item's date (shown in lists; the search's date filter). */
  date?: string;
  /** Fields holding a legal basis: shown in the Chinese citation form (kernel citeZh). */
  citations?: string[];
  /** Coded values shown by their labels: field → code → label. */
  values?: Record<string, Record<string, Label>>;
}

/**
 * The register of enforcement bodies the portal reads full authority names from: its
 * code, and the fields holding a body's name and its directory unit code. Declared once
 * by the module owning the register (`portalBodies` on the module).
 */
export interface PortalBodiesDecl {
  register: string;
  nameField: string;
  unitCodeField: string;
}
