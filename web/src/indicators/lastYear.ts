/**
 * The last year with data (issue 11): the indicator page and the office's home page open
 * on the most recent year whose figures are not all zero — the demo is of 2020 with a
 * current year on top; a district that has just started has only the current year.
 */
import { useQuery } from "@tanstack/react-query";
import { api } from "../api.ts";
import type { IndicatorScope, IndicatorValue } from "./types.ts";

export const YEARS_BACK = 10;

type Values = IndicatorScope & { values: IndicatorValue[] };

const hasData = (v: Values) => v.values.some((x) => x.value !== null && x.value !== 0);

/** The latest year (this year back YEARS_BACK years) with a figure; this year when none has. */
export function useLastYearWithData(region: string) {
  return useQuery({
    queryKey: ["api", "/api/indicators/values", "last-year-with-data", region],
    queryFn: async ({ signal }) => {
      const thisYear = new Date().getFullYear();
      for (let y = thisYear; y > thisYear - YEARS_BACK; y--) {
        const v = await api.get<Values>("/api/indicators/values", { region, year: y }, signal);
        if (hasData(v)) return { year: y, values: v };
      }
      return { year: thisYear, values: null };
    },
    staleTime: 5 * 60_000,
  });
}
