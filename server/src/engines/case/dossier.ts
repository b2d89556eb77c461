/**
 * A case's dossier (案卷, e.g. 决策档案 — 重大行政决策程序暂行条例 art. 33: the records
 * and materials of every step archived completely): one .zip holding
 *
 *   00-目录.txt          the index (Chinese): the case, then every file with its SM3
 *   01-基本情况.txt       the case's fields, labelled
 *   NN-<step>（<date>）.txt  every step of the timeline with its recorded input, labelled
 *   文书/<document>.docx  each declared document the case's state allows (GB/T 9704)
 *   附件/<file>           every attachment, its hash re-checked
 *
 * Offered for case types that declare `dossier`; read permission and row-level security
 * as for the case page; one audit event `case.<type>.dossier`.
 */
import { strToU8, zipSync } from "fflate";
import type { z } from "zod";
import { citeZh } from "../../kernel/citation.ts";
import { NotFoundError, t } from "../../kernel/errors.ts";
import type { Label } from "../../kernel/labels.ts";
import { sm3Hex } from "../../platform/files/store.ts";
import type { WorkTx } from "../../platform/work.ts";
import { fieldLabel, fieldOptions } from "../labels.ts";
import type { AnyCaseType } from "./declare.ts";
import type { CaseDeps } from "./deps.ts";
import { caseDocument } from "./documents.ts";
import { peopleFor } from "./protect.ts";
import { caseTypeOf } from "./service.ts";
import { loadCase } from "./store.ts";
import { requirePermission } from "./validate.ts";

type Shape = Record<string, z.ZodType>;

/** The object schema inside optional/default/nullable/array wrappers, if any. */
function objectOf(schema: z.ZodType | undefined): z.ZodObject | undefined {
  let s: unknown = schema;
  for (let i = 0; s && i < 8; i++) {
    const x = s as { shape?: unknown; unwrap?: () => unknown; element?: unknown };
    if (x.shape && typeof x.shape === "object") return s as z.ZodObject;
    if (x.element) s = x.element;
    else if (typeof x.unwrap === "function") s = x.unwrap.call(s);
    else return undefined;
  }
  return undefined;
}

const scalar = (v: unknown, options?: Record<string, Label>): string => {
  if (v === true) return "是";
  if (v === false) return "否";
  if (v === null || v === undefined || v === "") return "（无）";
  const s = String(v);
  return options?.[s]?.zh ?? s;
};

/** Lines "标签：值" for an object's values, nested objects and lists indented. */
export function describeValues(
  schema: z.ZodObject | undefined,
  values: Record<string, unknown>,
  indent = "",
): string[] {
  const lines: string[] = [];
  const shape = (schema?.shape ?? {}) as Shape;
  const keys = [...Object.keys(shape), ...Object.keys(values).filter((k) => !(k in shape))];
  for (const key of keys) {
    const v = values[key];
    if (v === undefined) continue;
    const label = (schema && fieldLabel(schema, key)?.zh) ?? key;
    const options = schema ? fieldOptions(schema, key) : undefined;
    const inner = objectOf(shape[key]);
    if (Array.isArray(v)) {
      if (v.length === 0) {
        lines.push(`${indent}${label}：（无）`);
        continue;
      }
      lines.push(`${indent}${label}：`);
      v.forEach((item, i) => {
        if (item && typeof item === "object") {
          lines.push(`${indent}  （${i + 1}）`);
          lines.push(...describeValues(inner, item as Record<string, unknown>, `${indent}    `));
        } else lines.push(`${indent}  （${i + 1}）${scalar(item, options)}`);
      });
    } else if (v && typeof v === "object") {
      lines.push(`${indent}${label}：`);
      lines.push(...describeValues(inner, v as Record<string, unknown>, `${indent}  `));
    } else {
      lines.push(`${indent}${label}：${scalar(v, options)}`);
    }
  }
  return lines;
}

/** A file name without characters archives and file systems refuse. */
const safe = (s: string) => s.replace(/[\\/:*?"<>|\r\n\t]/g, "_").slice(0, 80);

const EVENT_KINDS: Record<string, string> = {
  created: "立案（启动）",
  suspend: "中止",
  resume: "恢复",
  extend: "延长期限",
  link: "关联",
  participant: "参与单位",
  sub_case: "子案件",
  custody: "调阅",
};

export interface DossierFile {
  name: string;
  bytes: Uint8Array;
}

export async function caseDossier(
  deps: CaseDeps,
  w: WorkTx,
  caseType: string,
  id: number,
): Promise<{ name: string; bytes: Uint8Array; files: string[] }> {
  const decl: AnyCaseType = caseTypeOf(deps, caseType);
  requirePermission(w, "record.read", t("导出案卷", "exporting the dossier"));
  if (!decl.dossier) {
    throw new NotFoundError(
      t(`${decl.label.zh}没有案卷导出`, `a ${decl.label.en} has no dossier export`),
    );
  }
  const c = await loadCase(w.trx, id, { caseType: decl.code });
  const [events, attachments, unit] = await Promise.all([
    w.trx
      .selectFrom("case_event")
      .selectAll()
      .where("region_code", "=", c.regionCode)
      .where("case_id", "=", c.id)
      .orderBy("seq")
      .execute(),
    w.trx
      .selectFrom("attachment")
      .select(["id", "name", "sm3", "mime"])
      .where("region_code", "=", c.regionCode)
      .where("case_id", "=", c.id)
      .orderBy("id")
      .execute(),
    w.trx.selectFrom("unit").select("name_zh").where("id", "=", c.unitId).executeTakeFirst(),
  ]);
  const files: (DossierFile & { what: string })[] = [];
  const pad = (n: number) => String(n).padStart(2, "0");

  // The case's fields (those given at the start and those the steps set).
  const fields = peopleFor(decl, c, w.actor, deps.fieldKey) as Record<string, unknown>;
  const basic = [
    `${decl.label.zh}：${c.title}`,
    `承办单位：${unit?.name_zh ?? ""}`,
    `当前状态：${decl.states[c.state]?.label.zh ?? c.state}`,
    `启动日期：${c.openedOn}`,
    ...(c.closedOn ? [`办结日期：${c.closedOn}`] : []),
    ...Object.entries(c.numbers).map(
      ([k, v]) => `${decl.numbers?.find((n) => n.kind === k)?.label.zh ?? k}：${v}`,
    ),
    "",
    ...describeValues(decl.fields, pickKeys(fields, decl.fields)),
    ...describeValues(decl.derived, pickKeys(fields, decl.derived)),
  ];
  files.push({
    name: "01-基本情况.txt",
    what: "基本情况",
    bytes: strToU8(`${basic.join("\n")}\n`),
  });

  // Every step of the timeline, with what was recorded.
  let n = 2;
  for (const e of events) {
    const tr =
      e.kind === "transition" ? decl.transitions.find((x) => x.action === e.action) : undefined;
    const label = tr?.label.zh ?? EVENT_KINDS[e.kind] ?? e.action;
    const data = (e.data ?? {}) as Record<string, unknown>;
    const lines = [
      `步骤：${label}`,
      `日期：${e.on_date}`,
      `办理人：${e.actor_name ?? ""}`,
      `记录时间：${new Date(e.at).toISOString()}`,
      ...(e.reason ? [`理由：${e.reason}`] : []),
      "",
    ];
    if (tr) {
      lines.push(...describeValues(tr.input, (data.input ?? {}) as Record<string, unknown>));
      const derived = (data.derived ?? {}) as Record<string, unknown>;
      if (Object.keys(derived).length > 0) {
        lines.push("", "据此确定：", ...describeValues(decl.derived, derived, "  "));
      }
    } else if (e.kind === "created") {
      lines.push("（启动时的内容见“基本情况”）");
    } else {
      lines.push(...describeValues(undefined, data));
    }
    const name = `${pad(n)}-${safe(label)}（${e.on_date}）.txt`;
    files.push({ name, what: label, bytes: strToU8(`${lines.join("\n")}\n`) });
    n++;
  }

  // The declared documents the case's state allows.
  for (const d of decl.documents ?? []) {
    if (!d.states.includes(c.state)) continue;
    const doc = await caseDocument(deps, w, decl.code, c.id, d.code);
    files.push({ name: `文书/${safe(doc.name)}`, what: d.label.zh, bytes: doc.bytes });
  }

  // The attachments, hash re-checked by the store.
  for (const a of attachments) {
    const bytes = await deps.files.get(a.sm3);
    files.push({ name: `附件/${a.id}-${safe(a.name)}`, what: "附件", bytes });
  }

  const index = [
    `${decl.dossier.label.zh}目录`,
    "",
    `${decl.label.zh}：${c.title}`,
    `承办单位：${unit?.name_zh ?? ""}`,
    `导出日期：${w.today}　导出人：${w.actor.displayName}`,
    `依据：${citeZh(decl.dossier.legalBasis)}`,
    "",
    "序号　文件　内容　SM3 摘要",
    ...files.map((f, i) => `${i + 1}　${f.name}　${f.what}　${sm3Hex(f.bytes)}`),
  ];
  const zip = zipSync(
    Object.fromEntries([
      ["00-目录.txt", strToU8(`${index.join("\n")}\n`)],
      ...files.map((f) => [f.name, f.bytes] as const),
    ]),
  );
  await w.audit({
    regionCode: c.regionCode,
    action: `case.${decl.code}.dossier`,
    entityType: "case",
    entityId: c.id,
    after: { files: files.length, sm3: sm3Hex(zip) },
  });
  return {
    name: `${decl.dossier.label.zh}（${safe(c.title)}）.zip`,
    bytes: zip,
    files: ["00-目录.txt", ...files.map((f) => f.name)],
  };
}

function pickKeys(values: Record<string, unknown>, schema: z.ZodObject | undefined) {
  const keys = Object.keys((schema?.shape ?? {}) as Shape);
  return Object.fromEntries(keys.filter((k) => values[k] !== undefined).map((k) => [k, values[k]]));
}
