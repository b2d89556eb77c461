/**
 * What the server declares: case types and registers (for the menu and the generic
 * pages), and module labels. Read only by holders of record.read.
 */
import { useQuery } from "@tanstack/react-query";
import { useCallback } from "react";
import { api } from "./api.ts";
import type { CaseType } from "./cases/types.ts";
import { useLabels } from "./data.ts";
import { isMsgKey, useI18n } from "./i18n.ts";
import type { RegisterInfo } from "./registers/types.ts";
import { useSession } from "./session.tsx";

export const READ = ["record.read"] as const;

function useCanRead(): boolean {
  const { session, can } = useSession();
  return Boolean(
    session && !session.mustChangePassword && session.secondFactor !== "enrol" && can(READ),
  );
}

export function useCaseTypes() {
  const enabled = useCanRead();
  return useQuery({
    queryKey: ["api", "/api/case-types"],
    queryFn: ({ signal }) => api.get<CaseType[]>("/api/case-types", undefined, signal),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useCaseType(code: string | undefined): {
  type: CaseType | undefined;
  isPending: boolean;
  error: unknown;
} {
  const q = useCaseTypes();
  return { type: q.data?.find((t) => t.code === code), isPending: q.isPending, error: q.error };
}

export function useRegisters() {
  const enabled = useCanRead();
  return useQuery({
    queryKey: ["api", "/api/registers"],
    queryFn: ({ signal }) => api.get<RegisterInfo[]>("/api/registers", undefined, signal),
    enabled,
    staleTime: 5 * 60_000,
    // A server without the register engine answers 404: no register menu then.
    retry: false,
  });
}

/**
 * A module's label: from the server's label table (`modules`) when it has one, else
 * from i18n.ts (`module.<code>`), else the code.
 */
export function useModuleLabel(): (code: string) => string {
  const { data } = useLabels();
  const { t, pick } = useI18n();
  return useCallback(
    (code: string) => {
      const fromServer = data?.modules?.[code];
      if (fromServer) return pick(fromServer);
      const key = `module.${code}`;
      if (isMsgKey(key)) return t(key);
      // Until the labels arrive, a blank title rather than the module's code.
      return data ? code : "";
    },
    [data, t, pick],
  );
}
