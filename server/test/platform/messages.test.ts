import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUscc } from "../../src/kernel/codes/uscc.ts";
import { directoryModule } from "../../src/modules/directory/index.ts";
import { enforcementModule } from "../../src/modules/enforcement/index.ts";
import { meetingsModule } from "../../src/modules/meetings/index.ts";
import { type Session, type TestApp, testApp } from "../support/app.ts";

/**
 * Messages a user meets, in Chinese by default and in English when the request asks for
 * it (`Accept-Language: en`, as the web sends when switched): zod's validation errors,
 * guard refusals of the enforcement module, register conflicts, access refusals, the
 * 401 and 404 envelopes. A Chinese message must hold Chinese text (an ASCII-only one
 * fails), and must not cite a law as "art. N" or show a field key.
 */
let t: TestApp;
let handler: Session;
let office: Session;

const CJK = /[\u4e00-\u9fff]/;

interface Envelope {
  error: {
    code: string;
    message: string;
    fields?: { field: string; message: string; row?: number; reason?: string }[];
  };
}

/** A request with the session, in the given language (none: the server's default). */
async function call(s: Session | undefined, opts: InjectOptions, lang?: "zh" | "en") {
  const headers: Record<string, string> = {
    ...((opts.headers as Record<string, string>) ?? {}),
    "accept-language": lang === "en" ? "en-US,en;q=0.9" : lang === "zh" ? "zh-CN,zh;q=0.9" : "",
  };
  if (!lang) delete headers["accept-language"];
  if (s) {
    headers.cookie = s.cookie;
    headers["x-csrf-token"] = s.csrf;
  }
  const res = await t.app.inject({ ...opts, headers });
  return { status: res.statusCode, body: res.json() as Envelope };
}

/** Every message of an envelope in Chinese: each holds Chinese text and no "art." citation. */
function expectChinese(env: Envelope) {
  const texts = [env.error.message, ...(env.error.fields ?? []).map((f) => f.message)];
  for (const m of texts) {
    expect(m, `not Chinese: ${m}`).toMatch(CJK);
    expect(m).not.toMatch(/\barts?\. \d/);
  }
}

const penaltyFields = {
  party: {
    kind: "legal_person",
    name: "重庆市武隆区山泉食品有限公司",
    uscc: makeUscc("91", "500156", 123456),
    legalRepresentative: "李四光",
    address: "武隆区凤山街道工业园区8号",
  },
  cause: "销售过期食品",
  category: "market_regulation",
  source: "inspection",
  violationOn: "2022-05-01",
  discoveredOn: "2022-05-20",
};

beforeAll(async () => {
  t = await testApp([directoryModule, enforcementModule, meetingsModule]);
  const market = await t.unit("500156", "scjgj");
  const sfj = await t.unit("500156", "sfj");
  await t.user("handler", market, ["case_handler"]);
  await t.user("office", sfj, ["rule_of_law_office"]);
  t.clock.t = new Date("2022-06-01T02:00:00Z");
  handler = await t.login("handler");
  office = await t.login("office");
});

afterAll(async () => {
  await t?.close();
});

describe("validation (zod) errors", () => {
  it("a 400 names the field with a Chinese message by default, English on request", async () => {
    const login = { method: "POST" as const, url: "/api/auth/login", payload: { password: "x" } };
    const zh = await call(undefined, login);
    expect(zh.status).toBe(400);
    expect(zh.body.error.code).toBe("validation");
    expect(zh.body.error.fields).toContainEqual({ field: "username", message: "必填" });
    expectChinese(zh.body);
    expect(zh.body.error.message).not.toMatch(/username/);
    const wrongType = await call(undefined, {
      method: "POST",
      url: "/api/auth/login",
      payload: { username: 5, password: "x" },
    });
    expect(wrongType.body.error.fields).toContainEqual({ field: "username", message: "应为文本" });

    const en = await call(undefined, login, "en");
    expect(en.status).toBe(400);
    expect(en.body.error.message).toMatch(/invalid body: username/);
    const field = en.body.error.fields?.find((f) => f.field === "username");
    expect(field?.message).toMatch(/^Invalid input: expected string/);
  });

  it("a schema's own field messages (zt) come in Chinese, and English on request", async () => {
    const res = await call(handler, {
      method: "POST",
      url: "/api/cases/penalty_general",
      payload: {
        fields: { ...penaltyFields, party: { ...penaltyFields.party, uscc: undefined }, cause: "" },
        onDate: "2022-06-01",
      },
    });
    expect(res.status).toBe(422);
    expectChinese(res.body);
    const byField = Object.fromEntries(
      (res.body.error.fields ?? []).map((f) => [f.field, f.message]),
    );
    expect(byField["fields.party.uscc"]).toBe("当事人为法人时必填");
    expect(byField["fields.cause"]).toBe("必填");

    const en = await call(
      handler,
      {
        method: "POST",
        url: "/api/cases/penalty_general",
        payload: {
          fields: { ...penaltyFields, party: { ...penaltyFields.party, uscc: undefined } },
          onDate: "2022-06-01",
        },
      },
      "en",
    );
    expect(en.body.error.fields).toContainEqual({
      field: "fields.party.uscc",
      message: "required for a legal person",
    });
  });
});

describe("guard refusals of the enforcement module", () => {
  it("a penalty step refused answers in Chinese, citing the law in Chinese form; English on request", async () => {
    const opened = await call(handler, {
      method: "POST",
      url: "/api/cases/penalty_general",
      payload: { fields: penaltyFields, onDate: "2022-06-01" },
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const id = (opened.body as unknown as { id: number }).id;
    const step = (lang?: "zh" | "en") =>
      call(
        handler,
        {
          method: "POST",
          url: `/api/cases/penalty_general/${id}/actions/investigate`,
          payload: {
            version: 1,
            input: { officers: ["500156000001"], kind: "site_inspection", summary: "现场检查" },
            onDate: "2022-06-01",
          },
        },
        lang,
      );
    const zh = await step();
    expect(zh.status).toBe(422);
    expect(zh.body.error.message).toMatch(/^至少需要 2 名持有效执法证件的执法人员，现填写 1 名/);
    expect(zh.body.error.message).toContain("《中华人民共和国行政处罚法》第四十二条");
    expectChinese(zh.body);
    expect(zh.body.error.fields?.[0]?.field).toBe("input.officers");

    const en = await step("en");
    expect(en.status).toBe(422);
    expect(en.body.error.message).toMatch(/^at least 2 officers with valid certificates/);
    expect(en.body.error.message).not.toMatch(/至少需要/);
  });

  it("a guard's 409 (no field) is Chinese too", async () => {
    const opened = await call(office, {
      method: "POST",
      url: "/api/cases/case_file_review",
      payload: { fields: { year: 2022, reviewers: ["王评查"] }, onDate: "2022-06-01" },
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const id = (opened.body as unknown as { id: number }).id;
    const scores = {
      subject: 10,
      procedure: 20,
      factsEvidence: 20,
      legalApplication: 10,
      discretion: 10,
      documents: 10,
      archiving: 5,
      comments: "案卷齐全",
    };
    const res = await call(office, {
      method: "POST",
      url: `/api/cases/case_file_review/${id}/actions/score`,
      payload: { version: 1, input: scores, onDate: "2022-06-01" },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(409);
    expect(res.body.error.message).toBe("请先关联被评查的案件（已结案的行政执法案件）");
    const over = await call(office, {
      method: "POST",
      url: `/api/cases/case_file_review/${id}/actions/score`,
      payload: { version: 1, input: { ...scores, archiving: 9 }, onDate: "2022-06-01" },
    });
    expect(over.status).toBe(422);
    expect(over.body.error.fields).toContainEqual({
      field: "input.archiving",
      message: "最多 5 分",
    });
  });
});

describe("conflicts, access refusals and the other envelopes", () => {
  it("a register entry changed meanwhile is a Chinese 409", async () => {
    const created = await call(handler, {
      method: "POST",
      url: "/api/registers/meeting/entries",
      payload: {
        data: {
          body: "government_executive",
          number: "2022年第1次",
          date: "2022-05-30",
          chair: "张区长",
        },
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const entry = created.body as unknown as { id: number; version: number; data: unknown };
    const stale = await call(handler, {
      method: "PUT",
      url: `/api/registers/meeting/entries/${entry.id}`,
      payload: {
        version: entry.version + 5,
        data: {
          body: "government_executive",
          number: "2022年第1次",
          date: "2022-05-30",
          chair: "李区长",
        },
      },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("conflict");
    expect(stale.body.error.message).toBe("记录已被他人修改，请刷新后重试");
    const en = await call(
      handler,
      {
        method: "PUT",
        url: `/api/registers/meeting/entries/${entry.id}`,
        payload: {
          version: entry.version + 5,
          data: {
            body: "government_executive",
            number: "2022年第1次",
            date: "2022-05-30",
            chair: "李区长",
          },
        },
      },
      "en",
    );
    expect(en.body.error.message).toMatch(/reload and try again/);

    const bad = await call(handler, {
      method: "POST",
      url: "/api/registers/meeting/entries",
      payload: {
        data: { body: "government_executive", number: "", date: "2022-02-30", chair: "张区长" },
      },
    });
    expect(bad.status).toBe(422);
    expectChinese(bad.body);
    expect(bad.body.error.fields).toContainEqual({
      field: "date",
      message: "应为有效日期（YYYY-MM-DD）",
    });
  });

  it("a 403 names the missing permission by its Chinese label, never its code", async () => {
    const zh = await call(handler, { method: "GET", url: "/api/security-events" });
    expect(zh.status).toBe(403);
    expect(zh.body.error.message).toBe("您没有进行此操作的权限（需要“查阅安全日志”权限）");
    const en = await call(handler, { method: "GET", url: "/api/security-events" }, "en");
    expect(en.body.error.message).toMatch(/needs the permission .*security_log\.read/);
  });

  it("a wrong CSRF token, a missing session and an unknown route answer in Chinese", async () => {
    const csrf = await t.app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { cookie: handler.cookie, "x-csrf-token": "wrong" },
    });
    expect(csrf.statusCode).toBe(403);
    expect(csrf.json().error.message).toMatch(/刷新页面/);
    const anon = await call(undefined, { method: "GET", url: "/api/case-types" });
    expect(anon.status).toBe(401);
    expect(anon.body.error.message).toBe("未登录或会话已过期");
    const none = await call(handler, { method: "GET", url: "/api/no-such-thing" });
    expect(none.status).toBe(404);
    expectChinese(none.body);
  });

  it("the login refusal is Chinese by default and English on request", async () => {
    const payload = { username: "handler", password: "Wrong-Password-1" };
    const zh = await call(undefined, { method: "POST", url: "/api/auth/login", payload });
    expect(zh.status).toBe(401);
    expect(zh.body.error.message).toBe("用户名或密码错误");
    const en = await call(undefined, { method: "POST", url: "/api/auth/login", payload }, "en");
    expect(en.body.error.message).toBe("wrong user name or password");
  });
});

describe("the main refusals, all in zh mode", () => {
  it("no message of the main refusals is ASCII-only", async () => {
    const answers = await Promise.all([
      call(undefined, { method: "POST", url: "/api/auth/login", payload: {} }),
      call(handler, { method: "GET", url: "/api/security-events" }),
      call(handler, { method: "GET", url: "/api/registers/no_such_register/entries" }),
      call(handler, { method: "GET", url: "/api/indicators/values?year=12" }),
      call(handler, {
        method: "POST",
        url: "/api/auth/password",
        payload: { currentPassword: "x", newPassword: "short" },
      }),
      call(handler, {
        method: "POST",
        url: "/api/cases/penalty_general",
        payload: { fields: {}, onDate: "2022-06-01" },
      }),
    ]);
    for (const a of answers) {
      expect(a.status).toBeGreaterThanOrEqual(400);
      expectChinese(a.body);
    }
  });
});
