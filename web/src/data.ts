/** Shared reference data: labels of stable codes, the unit directory. */
import { useQuery } from "@tanstack/react-query";
import { useCallback } from "react";
import { api, type Labels, type Unit } from "./api.ts";
import { useI18n } from "./i18n.ts";
import { useSession } from "./session.tsx";

export function useLabels() {
  return useQuery({
    queryKey: ["labels"],
    queryFn: ({ signal }) => api.get<Labels>("/api/labels", undefined, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** `label("roles", "case_handler")` → 承办人 / Case handler (the code itself until loaded). */
export function useLabel(): (group: string, code: string) => string {
  const { data } = useLabels();
  const { pick } = useI18n();
  return useCallback(
    (group: string, code: string) => pick(data?.[group]?.[code], code),
    [data, pick],
  );
}

/**
 * A role's label for an account of a region: the rule-of-law office of a city (a region
 * code ending in 00: 重庆市 500000) is 依法治市办, of a district 依法治区办.
 */
export function useRoleLabel(): (role: string, regionCode?: string) => string {
  const label = useLabel();
  const { lang } = useI18n();
  return useCallback(
    (role, regionCode) => {
      if (role === "rule_of_law_office" && regionCode?.endsWith("00")) {
        return lang === "zh" ? "依法治市办" : "City rule-of-law office";
      }
      return label("roles", role);
    },
    [label, lang],
  );
}

export function useUnits() {
  const { session } = useSession();
  return useQuery({
    queryKey: ["api", "/api/units"],
    queryFn: ({ signal }) => api.get<Unit[]>("/api/units", undefined, signal),
    enabled: Boolean(session && !session.mustChangePassword && session.secondFactor !== "enrol"),
    staleTime: 5 * 60_000,
  });
}

/** A unit's name by its directory code ("scjgj" → 武隆区市场监督管理局); the code until loaded. */
export function useUnitNameByCode(): (code: unknown) => string {
  const { data } = useUnits();
  const { lang } = useI18n();
  return useCallback(
    (code) => {
      if (code === null || code === undefined || code === "") return "";
      const u = data?.find((x) => x.code === code);
      if (!u) return String(code);
      return lang === "zh" ? u.nameZh : u.nameEn || u.nameZh;
    },
    [data, lang],
  );
}

/** The units as options of a searchable select, by code or id, labelled by name. */
export function useUnitOptions(by: "code" | "id" = "code"): { value: string; label: string }[] {
  const { data } = useUnits();
  const { lang } = useI18n();
  return (data ?? []).map((u) => ({
    value: by === "code" ? u.code : String(u.id),
    label: lang === "zh" ? u.nameZh : u.nameEn || u.nameZh,
  }));
}

/** A unit's name in the current language. */
export function useUnitName(): (id: number | null | undefined) => string {
  const { data } = useUnits();
  const { lang } = useI18n();
  return useCallback(
    (id) => {
      if (id === null || id === undefined) return "";
      const u = data?.find((x) => x.id === id);
      if (!u) return `#${id}`;
      return lang === "zh" ? u.nameZh : u.nameEn || u.nameZh;
    },
    [data, lang],
  );
}
