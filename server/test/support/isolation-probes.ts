import type { InjectOptions } from "fastify";
import type { ScanFlags } from "./isolation-scan.ts";
import { isBusiness, type RecordSet, type RoleKey, SETS, type World } from "./isolation-seed.ts";

/** The parts an entry of the isolation matrix is made of (isolation-matrix.ts). */
export interface Probe {
  req: InjectOptions;
  /** The statuses the role must get (undefined: any 2xx/4xx). */
  expect?: (r: RoleKey) => readonly number[] | undefined;
  /**
   * A write aimed at another's records: roles for which this returns true may make it
   * by design and are not sent it; every other role must be refused (4xx) and no
   * business row may change.
   */
  mayWrite?: (r: RoleKey) => boolean;
}

export interface Extras {
  indicators: string[];
  law: { code: string; no: string };
}

export interface MatrixEntry extends ScanFlags {
  probes: (w: World, x: Extras) => Probe[];
  /** The call ends the session: it is made with a session of its own. */
  ownSession?: boolean;
}

export const T = "example_permit";
export const R = "example_officer";
export const each = (w: World, fn: (s: RecordSet) => Probe[]) => SETS.flatMap((k) => fn(w.sets[k]));
export const get = (url: string, expect?: Probe["expect"]): Probe => ({
  req: { method: "GET", url },
  expect,
});
export const write = (
  method: InjectOptions["method"],
  url: string,
  payload: InjectOptions["payload"],
  mayWrite: (r: RoleKey) => boolean,
  headers?: Record<string, string>,
): Probe => ({ req: { method, url, payload, headers }, mayWrite });

/** Anonymous: 401; an administrator (no business permission): 403; else per `ok`. */
export const business =
  (ok: (r: RoleKey) => boolean, hidden: readonly number[] = [404]) =>
  (r: RoleKey): readonly number[] =>
    r === "anon" ? [401] : !isBusiness(r) ? [403] : ok(r) ? [200] : hidden;
export const anyBusiness = business(() => true);
export const signedIn = (r: RoleKey) => (r === "anon" ? [401] : [200]);
export const open = () => [200];

export const permitFields = {
  applicant: { name: "陈某", idNumber: "11010519491231002X", phone: "13800138000" },
  item: "跨单位登记",
  category: "market",
};
export const officerData = (n: number) => ({
  name: "越权登记",
  certificateNo: `5009990000${n}`,
  idNumber: "11010519491231002X",
  validFrom: "2020-01-01",
  validTo: "2025-12-31",
  legalReviewer: false,
});
export const xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
