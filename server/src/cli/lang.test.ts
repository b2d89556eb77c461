import { afterEach, describe, expect, it, vi } from "vitest";
import { cliLang, langFromArgv, say } from "./lang.ts";

describe("the command line's language", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("is Chinese unless English is asked for, by --lang or FAZHI_LANG", () => {
    vi.stubEnv("FAZHI_LANG", "");
    expect(cliLang()).toBe("zh");
    expect(say("中文", "English")).toBe("中文");
    expect(cliLang("en")).toBe("en");
    expect(cliLang("zh")).toBe("zh");
    vi.stubEnv("FAZHI_LANG", "en_US.UTF-8");
    expect(cliLang()).toBe("en");
    expect(say("中文", "English")).toBe("English");
    expect(cliLang("zh")).toBe("zh");
  });

  it("finds --lang anywhere on the command line, but not after --", () => {
    expect(langFromArgv(["audit", "verify", "--lang", "en"])).toBe("en");
    expect(langFromArgv(["--lang=en", "deadline", "2020-01-01", "1d"])).toBe("en");
    expect(langFromArgv(["deadline", "2020-01-01", "1d"])).toBeUndefined();
    expect(langFromArgv(["search", "--", "--lang", "en"])).toBeUndefined();
  });
});
