/**
 * The State Council holiday notices shipped with the code (2019–2026), so a
 * calendar can be built without a database. Later notices are loaded at run time
 * through `parseHolidayNotice` and `LegalCalendar.withNotice`.
 */
import { type HolidayNotice, parseHolidayNotice } from "./notice.ts";
import n2019 from "./notices/2019.json" with { type: "json" };
import n2020 from "./notices/2020.json" with { type: "json" };
import n2021 from "./notices/2021.json" with { type: "json" };
import n2022 from "./notices/2022.json" with { type: "json" };
import n2023 from "./notices/2023.json" with { type: "json" };
import n2024 from "./notices/2024.json" with { type: "json" };
import n2025 from "./notices/2025.json" with { type: "json" };
import n2026 from "./notices/2026.json" with { type: "json" };

const RAW: readonly unknown[] = [n2019, n2020, n2021, n2022, n2023, n2024, n2025, n2026];

let parsed: readonly HolidayNotice[] | undefined;

/** The bundled notices, validated, oldest first. Each call returns fresh copies. */
export function bundledNotices(): HolidayNotice[] {
  parsed ??= RAW.map((raw) => parseHolidayNotice(raw));
  return parsed.map((n) => structuredClone(n));
}
