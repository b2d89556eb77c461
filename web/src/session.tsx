/**
 * The session: who is logged in, their permissions and the CSRF token. Read once from
 * GET /api/auth/session, replaced by the login response, cleared on logout or any 401.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo } from "react";
import {
  ApiError,
  api,
  request,
  type SessionInfo,
  setCsrfToken,
  setUnauthenticatedHandler,
} from "./api.ts";
import type { PendingLogin } from "./wire.ts";

export const SESSION_KEY = ["session"] as const;
/** Queries that do not depend on who is logged in. */
const KEEP_ACROSS_SESSIONS = new Set<string>([SESSION_KEY[0], "labels"]);

async function fetchSession(): Promise<SessionInfo | null> {
  try {
    const s = await request<SessionInfo>("GET", "/api/auth/session", { quiet401: true });
    setCsrfToken(s.csrfToken);
    return s;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      setCsrfToken(undefined);
      return null;
    }
    throw e;
  }
}

export interface SessionApi {
  session: SessionInfo | null;
  /**
   * The password step: the session, or "code" when the account logs in with a TOTP code
   * next (submitCode). GB/T 22239-2019 8.1.4.1 d.
   */
  login: (username: string, password: string) => Promise<SessionInfo | "code">;
  /** The code step of a login with a second factor. */
  submitCode: (code: string) => Promise<SessionInfo>;
  /** Take a session the server answered with (enrolment rotates the session). */
  adopt: (s: SessionInfo) => void;
  logout: () => Promise<void>;
  /** Re-read the session (e.g. after the password change lifts mustChangePassword). */
  refresh: () => Promise<SessionInfo | null>;
  /** Whether the session holds any of the permissions (all users pass an empty list). */
  can: (anyOf?: readonly string[]) => boolean;
}

const SessionContext = createContext<SessionApi | undefined>(undefined);

export function SessionProvider({
  children,
  loading,
  failed,
}: {
  children: ReactNode;
  loading: ReactNode;
  failed: (error: Error) => ReactNode;
}) {
  const qc = useQueryClient();
  const query = useQuery({
    queryKey: SESSION_KEY,
    queryFn: fetchSession,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });

  // Logging out leaves the cache to the next login (removing observed queries here
  // would refetch them without a session); the login clears it.
  const forget = useCallback(() => {
    setCsrfToken(undefined);
    void qc.cancelQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
    qc.setQueryData(SESSION_KEY, null);
  }, [qc]);

  useEffect(() => {
    setUnauthenticatedHandler(forget);
    return () => setUnauthenticatedHandler(undefined);
  }, [forget]);

  const session = query.data ?? null;
  const value = useMemo<SessionApi>(
    () => ({
      session,
      login: async (username, password) => {
        const s = await request<SessionInfo | PendingLogin>("POST", "/api/auth/login", {
          body: { username, password },
          quiet401: true,
        });
        setCsrfToken(s.csrfToken);
        if ("stage" in s) return "code";
        qc.removeQueries({ predicate: (q) => !KEEP_ACROSS_SESSIONS.has(String(q.queryKey[0])) });
        qc.setQueryData(SESSION_KEY, s);
        return s;
      },
      submitCode: async (code) => {
        const s = await request<SessionInfo>("POST", "/api/auth/totp", {
          body: { code },
          quiet401: true,
        });
        setCsrfToken(s.csrfToken);
        qc.removeQueries({ predicate: (q) => !KEEP_ACROSS_SESSIONS.has(String(q.queryKey[0])) });
        qc.setQueryData(SESSION_KEY, s);
        return s;
      },
      adopt: (s) => {
        setCsrfToken(s.csrfToken);
        qc.setQueryData(SESSION_KEY, s);
      },
      logout: async () => {
        try {
          await api.post("/api/auth/logout");
        } catch {
          // the session may already be gone: forget it locally either way
        }
        forget();
      },
      refresh: async () => {
        const s = await fetchSession();
        qc.setQueryData(SESSION_KEY, s);
        return s;
      },
      can: (anyOf) =>
        !anyOf || anyOf.length === 0 || anyOf.some((p) => session?.permissions.includes(p)),
    }),
    [session, qc, forget],
  );

  if (query.isPending) return loading;
  if (query.isError) return failed(query.error);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error("useSession outside SessionProvider");
  return ctx;
}

/** The logged-in session; only for pages behind the login guard. */
export function useActor(): SessionInfo {
  const { session } = useSession();
  if (!session) throw new Error("useActor without a session");
  return session;
}
