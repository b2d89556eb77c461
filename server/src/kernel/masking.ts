/**
 * Masking of personal data in public output (公示, exports, list views).
 *
 * Basis: ../shared/domain/regulations.md §11. Tags as there: [P] read in the full
 * official text, [S] secondary source, [R] recalled and unverified, [I] our
 * implementation choice. Public projections are allowlists; this module decides how
 * a person who may appear in one is shown.
 *
 * Choices:
 * - maskName keeps the first character and masks every other one (张三 → 张*,
 *   欧阳娜娜 → 欧***), following the [I] profile in §11 ("keep the surname").
 * - maskIdCard keeps the first 3 and last 4 characters (500***********1234): hides
 *   the county and the birth date. (§11 [I] suggests 3 + 2; the last 4 also reveal
 *   the sex digit. Callers may pass other widths.) Public output by default publishes
 *   no ID number at all (个人信息保护法 art. 34 minimisation); maskIdCard is for list
 *   views and exports (GB/T 22239-2019 8.1.4.11 [S]).
 * - maskPhone keeps 3 + 4 of a mobile number (138****5678), the area code and last 4
 *   of a landline (023-****1234). Public output never carries phones or addresses
 *   ([S] 浙江省行政处罚结果信息网上公开暂行办法 art. 7: mask 通信方式、家庭住址).
 */
import { ValidationError } from "./errors.ts";

export type Disclosure = "shown" | "masked" | "withheld";

export type PersonRoleCode =
  | "applicant"
  | "party_natural"
  | "complainant"
  | "mediation_party"
  | "commenter"
  | "third_party_person"
  | "minor"
  | "enforcement_officer"
  | "official"
  | "expert"
  | "hearing_participant"
  | "legal_person"
  | "legal_representative";

/** Identifiers a shown person may carry in public output besides the name. */
export type PublicIdentifier = "certificateNo" | "uscc";

export interface PersonRoleRule {
  code: PersonRoleCode;
  zh: string;
  en: string;
  subject: "natural" | "legal";
  public: Disclosure;
  identifiers: readonly PublicIdentifier[];
  /** A case with such a person is not published at all. */
  blocksPublication: boolean;
  /** May a deployment loosen the disclosure (local rules)? Tightening is always allowed. */
  configurable: boolean;
  basis: string;
  /** What remains to verify, if anything. */
  uncertain?: string;
}

type Row = Omit<PersonRoleRule, "code" | "identifiers" | "blocksPublication" | "configurable"> &
  Partial<Pick<PersonRoleRule, "identifiers" | "blocksPublication" | "configurable">>;

const PI_MINIMISATION = "[P] 个人信息保护法 art. 34 (国家机关: only what the statutory duty needs)";

const ROWS: Record<PersonRoleCode, Row> = {
  applicant: {
    zh: "申请人（自然人）",
    en: "Applicant (natural person)",
    subject: "natural",
    public: "masked",
    basis: `[P] 政府信息公开条例 art. 15 (个人隐私 not disclosed); [P] 行政许可法 art. 5 (results public except 个人隐私); ${PI_MINIMISATION}; [I] masked name`,
  },
  party_natural: {
    zh: "当事人（自然人）",
    en: "Party to a case (natural person)",
    subject: "natural",
    public: "masked",
    configurable: true,
    basis: `[P] 行政处罚法 art. 48 (decisions with social impact published) and art. 50 (个人隐私 kept confidential); [P] 行政复议法 art. 79; [P] 市场监督管理行政处罚信息公示规定 art. 6 (对信息进行必要的处理); ${PI_MINIMISATION}; [I] §11 profile: keep the surname`,
    uncertain: "some localities publish punished adults' full names; configurable",
  },
  complainant: {
    zh: "投诉举报人",
    en: "Complainant / informant",
    subject: "natural",
    public: "masked",
    basis: `[P] 信访工作条例 art. 30 (检举、揭发材料 and 有关情况 not passed to those reported); [P] 政府信息公开条例 art. 15; ${PI_MINIMISATION}`,
    uncertain: "a masked name may still identify an informant; consider tightening to withheld",
  },
  mediation_party: {
    zh: "调解当事人",
    en: "Party to a mediation",
    subject: "natural",
    public: "masked",
    basis: `[P] 人民调解法 art. 15(四) (调解员 must not disclose 个人隐私) and art. 23(三) (a party may ask for non-public mediation); ${PI_MINIMISATION}`,
  },
  commenter: {
    zh: "公众意见提出人",
    en: "Member of the public who commented",
    subject: "natural",
    public: "masked",
    basis: `[P] 重大行政决策程序暂行条例 arts. 15, 18, 32 (publish the draft and how comments were adopted, not who made them); ${PI_MINIMISATION}`,
  },
  third_party_person: {
    zh: "第三人、证人等其他自然人",
    en: "Other natural persons (third parties, witnesses)",
    subject: "natural",
    public: "withheld",
    basis:
      "[S] 浙江省行政处罚结果信息网上公开暂行办法 art. 7 (mask names of natural persons other than the punished person); [R] 最高法 2016 裁判文书上网规定 (隐名 for witnesses, victims); [I] §11 profile: removed",
  },
  minor: {
    zh: "未成年当事人",
    en: "Minor",
    subject: "natural",
    public: "withheld",
    blocksPublication: true,
    basis:
      "[P] 个人信息保护法 art. 28 (information of under-14s is sensitive) and art. 31; [R] 未成年人保护法 (2020) art. 103 (no disclosure of a minor's name, image, address, school in cases); [S] 浙江省行政处罚结果信息网上公开暂行办法 art. 5 (no online publication when the punished person is a minor)",
    uncertain:
      "个保法 art. 28 covers only under-14s; 14-17 rests on 未成年人保护法 art. 103, recalled and not in shared/laws: verify the text",
  },
  enforcement_officer: {
    zh: "执法人员",
    en: "Enforcement officer",
    subject: "natural",
    public: "shown",
    identifiers: ["certificateNo"],
    basis:
      "[P] 行政处罚法 art. 42 (qualified officers, at least two), arts. 52 and 55 (出示执法证件); [S] 国办发〔2018〕118号 事前公开 of 执法主体、人员 and 事中 出示执法证件",
  },
  official: {
    zh: "依职履责的公职人员（签发人、承办人）",
    en: "Official acting in office (signer, case handler)",
    subject: "natural",
    public: "shown",
    basis:
      "[P] 个人信息保护法 art. 13(1)(三) (processing needed for statutory duties needs no consent); [I] officials acting in office are shown as office holders, not private parties",
    uncertain: "no statute read requires naming the 承办人 in public output; local practice varies",
  },
  expert: {
    zh: "论证专家",
    en: "Expert (decision consultation)",
    subject: "natural",
    public: "shown",
    configurable: true,
    basis:
      "[P] 重大行政决策程序暂行条例 art. 19 (written opinions 署名、盖章), art. 20 (专业性、代表性、中立性; no direct interest), art. 32 (publish how expert opinions were adopted); [I] names shown so neutrality can be checked",
    uncertain:
      "the 条例 requires signed opinions and publishing their adoption, not publishing experts' names",
  },
  hearing_participant: {
    zh: "听证参加人（重大行政决策听证）",
    en: "Hearing participant (major decision hearing)",
    subject: "natural",
    public: "shown",
    basis:
      "[P] 重大行政决策程序暂行条例 art. 16 para. 3 (听证参加人名单应当提前向社会公布). For 行政处罚 hearings (行政处罚法 art. 64) use the party roles",
  },
  legal_person: {
    zh: "法人或者其他组织",
    en: "Legal person or other organisation",
    subject: "legal",
    public: "shown",
    identifiers: ["uscc"],
    basis:
      "[P] 行政处罚法 art. 48; [P] 市场监督管理行政处罚信息公示规定 arts. 6-7; [I] §11 profile: name and 统一社会信用代码 shown; [S] 浙江办法 art. 7: bank accounts masked (never in public output)",
  },
  legal_representative: {
    zh: "法定代表人（负责人）",
    en: "Legal representative",
    subject: "natural",
    public: "shown",
    configurable: true,
    basis: "[I] §11 profile: usually shown with the organisation",
    uncertain: "verify against local rules",
  },
};

/** The role table, keyed by code (the type guarantees every role has a row). */
export const PERSON_ROLES: Readonly<Record<PersonRoleCode, PersonRoleRule>> = Object.fromEntries(
  (Object.entries(ROWS) as [PersonRoleCode, Row][]).map(([code, row]) => [
    code,
    { code, identifiers: [], blocksPublication: false, configurable: false, ...row },
  ]),
) as Record<PersonRoleCode, PersonRoleRule>;

export const PERSON_ROLE_CODES = Object.keys(ROWS) as PersonRoleCode[];

export function isPersonRoleCode(s: string): s is PersonRoleCode {
  return Object.hasOwn(ROWS, s);
}

const MASK = "*";

/** Keep the first character, mask the rest (spaces and the name dot "·" kept). */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.length === 0 ? "" : MASK;
  return (
    chars[0] +
    chars
      .slice(1)
      .map((c) => (/\s|·/.test(c) ? c : MASK))
      .join("")
  );
}

/** Keep `keepStart` leading and `keepEnd` trailing characters (default 3 + 4). */
export function maskIdCard(id: string, keepStart = 3, keepEnd = 4): string {
  const s = id.trim();
  if (s.length <= keepStart + keepEnd) return MASK.repeat(s.length);
  return s.slice(0, keepStart) + MASK.repeat(s.length - keepStart - keepEnd) + s.slice(-keepEnd);
}

const MOBILE = /^(\+?86[\s-]?)?(1\d{2})[\s-]?(\d{4})[\s-]?(\d{4})$/;
const LANDLINE = /^\(?(0\d{2,3})\)?[\s-]?(\d{7,8})(?:\s*(?:-|转|ext\.?|x)\s*(\d{1,6}))?$/i;

/** Mask a phone number: 138****5678; 023-****1234 (extension kept); else all but last 4 digits. */
export function maskPhone(phone: string): string {
  const s = phone.trim();
  const m = MOBILE.exec(s);
  if (m) return `${m[1] ? "+86 " : ""}${m[2]}****${m[4]}`;
  const l = LANDLINE.exec(s);
  if (l) {
    const local = l[2]!;
    const ext = l[3] ? `-${l[3]}` : "";
    return `${l[1]}-${MASK.repeat(local.length - 4)}${local.slice(-4)}${ext}`;
  }
  const digits = s.replace(/\D/g, "").length;
  let seen = 0;
  return s.replace(/\d/g, (d) => (++seen > digits - 4 && digits >= 7 ? d : MASK));
}

/** What the system holds about a person (only some of it may leave). */
export interface PersonData {
  name: string;
  idNumber?: string | null;
  phone?: string | null;
  address?: string | null;
  certificateNo?: string | null;
  uscc?: string | null;
}

/** What public output may carry. */
export interface PublicPerson {
  role: PersonRoleCode;
  name: string;
  certificateNo?: string;
  uscc?: string;
}

export interface MaskOptions {
  /** Local policy: per-role disclosure. Loosening needs a configurable role. */
  disclosure?: Partial<Record<PersonRoleCode, Disclosure>>;
}

const STRICTNESS: Record<Disclosure, number> = { shown: 0, masked: 1, withheld: 2 };

/** The disclosure that applies to a role under the given local policy. */
export function disclosureFor(role: PersonRoleCode, options: MaskOptions = {}): Disclosure {
  const rule = PERSON_ROLES[role];
  const wanted = options.disclosure?.[role] ?? rule.public;
  if (STRICTNESS[wanted] < STRICTNESS[rule.public] && !rule.configurable) {
    throw new ValidationError(
      `role ${role} (${rule.zh}) may not be loosened from ${rule.public} to ${wanted}: ${rule.basis}`,
    );
  }
  return wanted;
}

/** The first role that blocks publication of the whole case (e.g. a minor), or null. */
export function publicationBlockedBy(roles: readonly PersonRoleCode[]): PersonRoleCode | null {
  return roles.find((r) => PERSON_ROLES[r].blocksPublication) ?? null;
}

/**
 * Apply the table: null when the person is withheld; otherwise the name (masked or
 * shown) and, for shown persons, the role's public identifiers. ID numbers, phones and
 * addresses never leave through here.
 */
export function maskPerson(
  role: PersonRoleCode,
  person: PersonData,
  options: MaskOptions = {},
): PublicPerson | null {
  const rule = PERSON_ROLES[role];
  if (!rule) throw new ValidationError(`unknown person role "${role}"`);
  const disclosure = disclosureFor(role, options);
  if (disclosure === "withheld") return null;
  if (disclosure === "masked") return { role, name: maskName(person.name) };
  const out: PublicPerson = { role, name: person.name.trim() };
  for (const id of rule.identifiers) {
    const value = person[id];
    if (value) out[id] = value;
  }
  return out;
}

/**
 * Free text (a decision's summary, a reply) may quote a private party: replace each
 * given name, ID number or phone number in it by its masked form before publication.
 */
export function redactText(
  text: string,
  people: readonly { name?: string; idNumber?: string; phone?: string }[],
): string {
  let out = text;
  for (const p of people) {
    if (p.idNumber) out = out.replaceAll(p.idNumber, maskIdCard(p.idNumber));
    if (p.phone) out = out.replaceAll(p.phone, maskPhone(p.phone));
    if (p.name && p.name.length > 0) out = out.replaceAll(p.name, maskName(p.name));
  }
  return out;
}

// ─────────────────────────────────────────────── numbers in free text (publication)

/** A digit as people type it: ASCII or full-width (０-９). */
const D = "[0-9\\uFF10-\\uFF19]";
/** What may stand between two digits of one number: spaces (also U+3000), a dash, a dot. */
const S = "(?:[\\s\\u3000]{0,2}[-\\uFF0D\\u2010-\\u2015.\\u00B7]?[\\s\\u3000]{0,2})";
const NOT_BEFORE = "(?<![0-9\\uFF10-\\uFF19])";
const NOT_AFTER = "(?![0-9\\uFF10-\\uFF19])";
const rep = (n: number) => `(?:${S}${D}){${n}}`;
/**
 * 居民身份证号码 (GB 11643: 17 digits and a check character 0-9 or X, either case, also
 * full-width) and the old 15-digit number, written with or without separators.
 */
const ID_IN_TEXT = new RegExp(
  `${NOT_BEFORE}${D}${rep(16)}${S}(?:${D}|[XxＸｘ])${NOT_AFTER}|${NOT_BEFORE}${D}${rep(14)}${NOT_AFTER}`,
  "gu",
);
/** A mobile number (1[3-9] + 9 digits), with +86 / 0086 / ８６ before it or not. */
const MOBILE_IN_TEXT = new RegExp(
  `(?:(?:[+\\uFF0B]|00|\\uFF10\\uFF10)?[\\s\\u3000]?(?:86|\\uFF18\\uFF16)${S})?${NOT_BEFORE}[1\\uFF11]${S}[3-9\\uFF13-\\uFF19]${rep(9)}${NOT_AFTER}`,
  "gu",
);
/** A landline: area code 0 + 2-3 digits (brackets allowed), then 7-8 digits. */
const LANDLINE_IN_TEXT = new RegExp(
  `[(\\uFF08]?${NOT_BEFORE}[0\\uFF10]${D}{2,3}[)\\uFF09]?${S}${D}${rep(6)}(?:${S}${D})?${NOT_AFTER}`,
  "gu",
);

/**
 * Remove every ID or phone number from free text on its way to the public, in the forms
 * people write them: grouped with spaces or dashes, in full-width digits, with +86, with
 * an x/X check character. [P] 个人信息保护法 art. 28 (ID numbers are sensitive) and art.
 * 34; [S] 浙江省行政处罚结果信息网上公开暂行办法 art. 7 (通信方式 masked). Over-removal
 * (an 18-digit account number) is the safe side.
 */
export function scrubNumbers(text: string, replacement = "******"): string {
  return text
    .replace(ID_IN_TEXT, replacement)
    .replace(MOBILE_IN_TEXT, replacement)
    .replace(LANDLINE_IN_TEXT, replacement);
}

/**
 * Text with every number written as plain digits: full-width digits and letters made
 * ASCII, separators between digits dropped, upper case (for the check character X).
 * What a leak check compares, so that "139 1234 5678" or "５００…１２３ｘ" count as the
 * numbers they are.
 */
export function normaliseNumbers(text: string): string {
  return text
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) =>
      String.fromCharCode(c.charCodeAt(0) - 0xfee0),
    )
    .replace(
      /(?<=\d)(?:[\s\u3000]{0,2}[-\uFF0D\u2010-\u2015.\u00B7]?[\s\u3000]{0,2})(?=[\dXx])/g,
      "",
    )
    .toUpperCase();
}
