import type { WorkTx } from "../../platform/work.ts";
import type { EntryData, RegisterEnv } from "./data.ts";
import type { RegisterDecl } from "./declare.ts";
import {
  createEntries,
  createEntry,
  deleteEntry,
  type EntryPage,
  type EntryView,
  getEntry,
  type ListQuery,
  listEntries,
  updateEntry,
} from "./service/index.ts";

/**
 * The register engine's actions bound to its environment (the SM4 field key, read on
 * first use): what the demo gives as `ctx.registers` and modules use to write entries.
 * Each runs in the caller's unit of work, with the same access checks as over HTTP.
 */
export interface RegisterEngine {
  create(
    w: WorkTx,
    decl: RegisterDecl,
    input: { data: unknown; unitId?: number },
  ): Promise<EntryView>;
  /** Many new entries of one unit, written set-wise; all or none (service/create-many.ts). */
  createMany(
    w: WorkTx,
    decl: RegisterDecl,
    input: { data: readonly unknown[]; unitId?: number },
  ): Promise<number>;
  update(
    w: WorkTx,
    decl: RegisterDecl,
    id: number,
    input: { version: number; data: unknown; reason?: string | null },
  ): Promise<EntryView>;
  remove(
    w: WorkTx,
    decl: RegisterDecl,
    id: number,
    input: { reason?: string | null; version?: number },
  ): Promise<void>;
  get(w: WorkTx, decl: RegisterDecl, id: number): Promise<EntryView>;
  list(w: WorkTx, decl: RegisterDecl, query: ListQuery): Promise<EntryPage>;
}

export function registerEngine(given: RegisterEnv | (() => Promise<RegisterEnv>)): RegisterEngine {
  let made: Promise<RegisterEnv> | undefined;
  const env = () => {
    if (typeof given !== "function") return Promise.resolve(given);
    made ??= given();
    return made;
  };
  return {
    create: async (w, decl, input) => createEntry(w, decl, input, await env()),
    createMany: async (w, decl, input) => createEntries(w, decl, input, await env()),
    update: async (w, decl, id, input) => updateEntry(w, decl, id, input, await env()),
    remove: async (w, decl, id, input) => deleteEntry(w, decl, id, input, await env()),
    get: async (w, decl, id) => getEntry(w, decl, id, await env()),
    list: async (w, decl, query) => listEntries(w, decl, query, await env()),
  };
}

export type { EntryData };
