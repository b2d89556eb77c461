import fc from "fast-check";

/**
 * Arbitraries for the fuzz suite (test/platform/fuzz.test.ts), derived from JSON schemas
 * (the OpenAPI document's parameters and bodies, the case types' field and step-input
 * schemas): mostly valid-shaped values, with boundary values and hostile ones mixed in.
 */
export type Schema = Record<string, unknown>;

/** Strings an attacker tries: NUL, lone surrogates, SQL and markup, formulas, huge, odd dates. */
export const HOSTILE_STRINGS: readonly string[] = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "a\ud800b",
  "\udc00",
  "\ud83d",
  "x".repeat(5_000),
  "长".repeat(70_000),
  "'; drop table case_file; --",
  "' or '1'='1",
  '" or ""="',
  "%",
  "_%_",
  "\\",
  "\\'",
  "$1",
  "?",
  "1; select pg_sleep(0)",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  '=HYPERLINK("http://x")',
  "+1+1",
  "-2+3",
  "@SUM(A1)",
  "../../etc/passwd",
  "..\\..\\windows\\win.ini",
  "2020-02-30",
  "2020-13-01",
  "2021-02-29",
  "0000-00-00",
  "9999-12-31",
  "-000001-01-01",
  "1900-01-01",
  "2020-02-30T25:61:61Z",
  "garbage",
  "NaN",
  "Infinity",
  "-1",
  "0",
  "1e309",
  "9007199254740993",
  "0x10",
  "null",
  "true",
  "[]",
  "{}",
  "__proto__",
  "constructor",
  "😀",
  "𠀀𠀁",
  "\u202eevil",
  "Cafe\u0301",
  "\ufeff",
  "\r\n",
  "\t",
  "ｌｏｎｇ　全角",
];

export const HOSTILE_NUMBERS: readonly number[] = [
  0,
  -1,
  1,
  1.5,
  -0.5,
  2147483647,
  2147483648,
  -2147483649,
  9007199254740991,
  9007199254740992,
  1e20,
  -1e20,
  Number.MAX_VALUE,
  1e-300,
];

/** Values of the wrong JSON type for almost any field. */
export const WRONG_TYPES: readonly unknown[] = [
  null,
  true,
  false,
  [],
  {},
  [1, "a"],
  { a: 1 },
  { $gt: "" },
  "1",
  1,
];

export const hostileString = fc.constantFrom(...HOSTILE_STRINGS);
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(...HOSTILE_NUMBERS),
  fc.constantFrom(...WRONG_TYPES),
);

/** A calendar date near the data (mostly 2019–2021), in YYYY-MM-DD. */
export const isoDate = fc
  .date({
    min: new Date("2019-01-01T00:00:00Z"),
    max: new Date("2021-12-31T00:00:00Z"),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));
export const dateLike = fc.oneof(
  { weight: 4, arbitrary: isoDate },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "2020-02-30",
      "2020-02-29",
      "2021-02-29",
      "2020-04-31",
      "2020-00-10",
      "1900-01-01",
      "2100-01-01",
      "20200101",
      "2020/01/01",
      "2020-1-1",
    ),
  },
);

/** Plain text: ASCII, CJK, any unicode (well-formed), and the hostile list. */
const text = (min = 0, max = 40) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.string({ minLength: min, maxLength: max }) },
    {
      weight: 3,
      arbitrary: fc.constantFrom("食品经营许可", "王小明", "专家评审", "市场监管", "武隆"),
    },
    { weight: 2, arbitrary: fc.string({ unit: "grapheme", minLength: min, maxLength: max }) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: min, maxLength: max }) },
  );

export interface ValueOptions {
  /** Resolve a `$ref` ("#/components/schemas/X"). */
  resolve?: (ref: string) => Schema | undefined;
  /** Pools of known values by property name (ids, codes, versions…), tried first. */
  pools?: Record<string, fc.Arbitrary<unknown>>;
  depth?: number;
}

/**
 * A value for a JSON schema: valid-shaped (weight 17), its boundaries (1) or hostile (2)
 * — so that a body of several fields is often valid but for one, and sometimes valid.
 * Objects sometimes lose a required key or gain an extra one.
 */
export function valueFor(
  schema: Schema | undefined,
  o: ValueOptions = {},
  name = "",
): fc.Arbitrary<unknown> {
  const pool = name ? o.pools?.[name] : undefined;
  const valid = validFor(schema ?? {}, o);
  const shaped = pool
    ? fc.oneof({ weight: 3, arbitrary: pool }, { weight: 1, arbitrary: valid })
    : valid;
  return fc.oneof(
    { weight: 17, arbitrary: shaped },
    { weight: 1, arbitrary: boundaryFor(schema ?? {}) },
    { weight: 2, arbitrary: hostileValue },
  );
}

/** A request body: its schema's shape (fields may be hostile), rarely a hostile whole. */
export function bodyFor(schema: Schema, o: ValueOptions = {}): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 19, arbitrary: validFor(schema, o) },
    { weight: 1, arbitrary: hostileValue },
  );
}

function boundaryFor(s: Schema): fc.Arbitrary<unknown> {
  const out: unknown[] = [];
  if (typeof s.minimum === "number") out.push(s.minimum, s.minimum - 1);
  if (typeof s.maximum === "number") out.push(s.maximum, s.maximum + 1);
  if (typeof s.exclusiveMinimum === "number") out.push(s.exclusiveMinimum, s.exclusiveMinimum + 1);
  if (typeof s.maxLength === "number")
    out.push("a".repeat(s.maxLength), "a".repeat(s.maxLength + 1));
  if (typeof s.minLength === "number" && s.minLength > 0) out.push("a".repeat(s.minLength - 1));
  if (Array.isArray(s.enum)) out.push(`${String(s.enum[0])}x`, String(s.enum[0]).toUpperCase());
  return out.length ? fc.constantFrom(...out) : hostileValue;
}

function validFor(s: Schema, o: ValueOptions): fc.Arbitrary<unknown> {
  const depth = o.depth ?? 0;
  if (typeof s.$ref === "string") return validFor(o.resolve?.(s.$ref) ?? {}, o);
  if (s.const !== undefined) return fc.constant(s.const);
  if (Array.isArray(s.enum) && s.enum.length) return fc.constantFrom(...s.enum);
  const alts = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
  if (alts?.length) return fc.oneof(...alts.map((a) => validFor(a, o)));
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case "string":
      return stringFor(s);
    case "integer": {
      const lo =
        typeof s.minimum === "number"
          ? s.minimum
          : typeof s.exclusiveMinimum === "number"
            ? s.exclusiveMinimum + 1
            : -1000;
      const hi =
        typeof s.maximum === "number"
          ? s.maximum
          : typeof s.exclusiveMaximum === "number"
            ? s.exclusiveMaximum - 1
            : 1000;
      const min = Math.ceil(Math.max(lo, -1e6));
      return fc.integer({ min, max: Math.max(min, Math.floor(Math.min(hi, 1e6))) });
    }
    case "number":
      return fc.double({ min: -1e6, max: 1e6, noNaN: true });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array": {
      const item =
        depth > 3 ? fc.string() : valueFor(s.items as Schema, { ...o, depth: depth + 1 });
      const minLength = Number(s.minItems ?? 0);
      return fc.array(item, {
        minLength,
        maxLength: Math.max(minLength, Math.min(Number(s.maxItems ?? 4), 4)),
      });
    }
    case "object":
      return objectFor(s, o);
    default:
      if (s.properties) return objectFor(s, o);
      return depth > 2 ? text() : fc.oneof(text(), fc.integer(), fc.boolean(), fc.constant(null));
  }
}

function stringFor(s: Schema): fc.Arbitrary<unknown> {
  if (s.format === "date") return dateLike;
  if (s.format === "date-time") return isoDate.map((d) => `${d}T02:00:00.000Z`);
  if (typeof s.pattern === "string" && s.pattern.length < 80) {
    if (s.pattern === "^\\d{4}-\\d{2}-\\d{2}$") return dateLike;
    return fc.stringMatching(new RegExp(s.pattern));
  }
  const min = Number(s.minLength ?? 0);
  return text(min, Math.min(Number(s.maxLength ?? 40), 40)).filter((x) => x.length >= min);
}

function objectFor(s: Schema, o: ValueOptions): fc.Arbitrary<unknown> {
  const props = (s.properties ?? {}) as Record<string, Schema>;
  const required = new Set((s.required ?? []) as string[]);
  const keys = Object.keys(props);
  const depth = (o.depth ?? 0) + 1;
  const entries = keys.map((k) =>
    fc
      .tuple(
        fc.constant(k),
        valueFor(props[k], { ...o, depth }, k),
        // required keys present 9 times in 10, optional ones half the time
        fc.integer({ min: 0, max: 9 }).map((n) => (required.has(k) ? n > 0 : n >= 5)),
      )
      .map(([key, value, keep]) => (keep ? ([key, value] as const) : undefined)),
  );
  const extra = fc.oneof(
    { weight: 8, arbitrary: fc.constant([] as [string, unknown][]) },
    {
      weight: 2,
      arbitrary: fc.array(fc.tuple(fc.oneof(hostileString, fc.string()), hostileValue), {
        maxLength: 2,
      }),
    },
  );
  return fc.tuple(fc.tuple(...entries), extra).map(([kv, more]) => {
    const out: Record<string, unknown> = {};
    for (const e of kv) if (e) out[e[0]] = e[1];
    for (const [k, v] of more) if (k !== "__proto__") out[k] = v;
    return out;
  });
}
