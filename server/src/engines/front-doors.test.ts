import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { backDoorImports, FRONT_DOORS, importsOf, sourcesUnder } from "./front-doors.ts";

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SERVER = path.resolve(SRC, "..");

describe("modules use the engines' front doors only", () => {
  it("no file under src/modules (nor the test-only module fixtures) imports an engine's internal file", () => {
    const files = [
      ...sourcesUnder(path.join(SRC, "modules")),
      ...sourcesUnder(path.join(SERVER, "test", "fixtures")),
    ];
    expect(files.length).toBeGreaterThan(20);
    const violations = files.flatMap((f) =>
      backDoorImports(SRC, f, fs.readFileSync(f, "utf8")).map(
        (spec) => `${path.relative(SERVER, f)} imports ${spec}`,
      ),
    );
    expect(violations).toEqual([]);
  });

  it("every front door exists", () => {
    for (const f of FRONT_DOORS) expect(fs.existsSync(path.join(SRC, f)), f).toBe(true);
  });

  it("catches an import of an engine's internal file, static, re-exported or dynamic", () => {
    const file = path.join(SRC, "modules", "x", "cases", "a.ts");
    const source = [
      'import { transition } from "../../../engines/case/service.ts";',
      'import type { CaseTypeDecl } from "../../../engines/case/index.ts";',
      'export { toView } from "../../../engines/case/store.ts";',
      'const m = await import("../../../engines/register/service/index.ts");',
      "import {\n  createEntry,\n} from '../../../engines/register/index.ts';",
      'import { t } from "../../../kernel/errors.ts";',
      'import { settingsFor } from "../../../engines/settings.ts";',
    ].join("\n");
    expect(importsOf(source)).toHaveLength(7);
    expect(backDoorImports(SRC, file, source)).toEqual([
      "../../../engines/case/service.ts",
      "../../../engines/case/store.ts",
      "../../../engines/register/service/index.ts",
    ]);
  });
});
