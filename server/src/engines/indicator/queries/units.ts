import {
  type Expression,
  type ExpressionBuilder,
  expressionBuilder,
  type SqlBool,
  sql,
} from "kysely";
import type { DB } from "../../../db/schema.ts";
import { countMeasure, markAggregate } from "../batch.ts";
import type { IndicatorQuery } from "../declare.ts";
import { type IndicatorSpec, joinList, list, nonEmpty, num, zhList } from "./common.ts";

// ──────────────────────────────────────────────────────────────────────────── units

/** Units of the directory of the kind(s), as the directory is now (not period-dependent). */
export function countUnits(s: { kind: string | readonly string[] }): IndicatorSpec {
  const kinds = list(s.kind);
  nonEmpty("kind", kinds);
  const shared = (eb: ExpressionBuilder<DB, "unit">, q: IndicatorQuery) => {
    const conds: Expression<SqlBool>[] = [eb("unit.region_code", "in", q.regions)];
    if (q.unitId !== undefined) conds.push(eb("unit.id", "=", q.unitId));
    return eb.and(conds);
  };
  const own = (eb: ExpressionBuilder<DB, "unit">) => eb("unit.kind", "in", kinds);
  const base = (q: IndicatorQuery) =>
    q.db.selectFrom("unit").where((eb) => eb.and([shared(eb, q), own(eb)]));
  return {
    basis: {
      zh: `单位名录中现有的${zhList(kinds)}类单位（时点数，不随期间变化）`,
      en: `units of the kind ${joinList(kinds)} in the directory now (not period-dependent)`,
    },
    decimals: 0,
    value: markAggregate(
      async (q) => {
        const r = await base(q)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow();
        return num(r.n);
      },
      {
        source: "unit",
        from: sql`unit`,
        shared: (q) => shared(expressionBuilder<DB, "unit">(), q),
        where: () => own(expressionBuilder<DB, "unit">()),
        measure: countMeasure,
      },
    ),
    drill: async (q) => {
      const rows = await base(q)
        .select(["unit.region_code", "unit.id", "unit.kind", "unit.name_zh", "unit.code"])
        .orderBy("unit.region_code")
        .orderBy("unit.id")
        .execute();
      return rows.map((r) => ({
        kind: "unit" as const,
        regionCode: r.region_code,
        id: Number(r.id),
        type: r.kind,
        title: r.name_zh,
        unitId: Number(r.id),
        value: 1,
        extra: { code: r.code },
      }));
    },
  };
}
