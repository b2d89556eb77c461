import { afterEach, describe, expect, it, vi } from "vitest";
import { cliLang, commanderErrorZh, langFromArgv, say } from "./lang.ts";

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

  it("puts commander's own errors in Chinese, leaving unknown ones as they are", () => {
    expect(commanderErrorZh("error: required option '--region <code>' not specified\n")).toBe(
      "错误：缺少必填选项 --region <code>\n",
    );
    expect(commanderErrorZh("error: missing required argument 'start'\n")).toBe(
      "错误：缺少必填参数 start\n",
    );
    expect(commanderErrorZh("error: unknown command 'demp'\n(Did you mean demo?)\n")).toBe(
      "错误：未知命令 demp（是否要用 demo？）\n",
    );
    expect(commanderErrorZh("error: unknown option '--jsn' (Did you mean --json?)\n")).toBe(
      "错误：未知选项 --jsn（是否要用 --json？）\n",
    );
    expect(
      commanderErrorZh(
        "error: too many arguments for 'deadline'. Expected 2 arguments but got 3.\n",
      ),
    ).toBe("错误：参数过多（deadline）：应有 2 个，实有 3 个\n");
    expect(commanderErrorZh("something else\n")).toBe("something else\n");
  });
});

describe("fazhi audit verify in Chinese", () => {
  it("says what a problem means and where it is, never the English message", async () => {
    const { problemZh } = await import("./commands/audit.ts");
    expect(
      problemZh({
        regionCode: "500156",
        chainKey: "unit:12",
        seq: 7,
        kind: "edited",
        message: "event 7 was edited",
      }),
    ).toBe("地区 500156 链 unit:12 第 7 条：记录内容被修改（哈希不符）");
    expect(
      problemZh({
        regionCode: "500156",
        chainKey: null,
        seq: null,
        kind: "anchor_forged",
        message: "anchor 3 …",
      }),
    ).toBe("地区 500156：签名锚点被篡改或不是本系统密钥所签");
  });
});
