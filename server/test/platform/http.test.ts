import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../support/app.ts";

let t: TestApp;

beforeAll(async () => {
  t = await testApp();
  const unit = await t.unit("500156", "sfj");
  await t.user("sys", unit, ["sys_admin"]);
});
afterAll(async () => t.close());

describe("HTTP conventions", () => {
  it("bad input is 400 with every field named at once, never a 500", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "", password: 5 },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe("validation");
    expect(body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      "password",
      "username",
    ]);
  });

  it("a body that is not JSON is a 400 envelope", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "application/json" },
      payload: "{not json",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBeDefined();
  });

  it("domain validation errors are 422 with all fields, and nothing is half-written", async () => {
    const s = await t.login("sys");
    const before = await t.db.owner.selectFrom("app_user").select("id").execute();
    const res = await t.call(s, {
      method: "POST",
      url: "/api/users",
      payload: { username: "A!", displayName: " ", unitId: 999999 },
    });
    expect(res.statusCode).toBe(422);
    const fields = res.json().error.fields.map((f: { field: string }) => f.field);
    expect(fields).toContain("unitId");
    expect(await t.db.owner.selectFrom("app_user").select("id").execute()).toHaveLength(
      before.length,
    );
  });

  it("an unknown route is a 404 envelope", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/nothing-here" });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("not_found");
  });

  it("publishes OpenAPI 3.1 and a docs page", async () => {
    const spec = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    expect(spec.openapi).toBe("3.1.0");
    expect(Object.keys(spec.paths)).toContain("/api/auth/login");
    const docs = await t.app.inject({ method: "GET", url: "/api/docs/" });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toMatch(/swagger/i);
  });

  it("labels come Chinese first with English beside", async () => {
    const labels = (await t.app.inject({ method: "GET", url: "/api/labels" })).json();
    expect(labels.roles.legal_reviewer).toEqual({ zh: "法制审核人员", en: "Legal reviewer" });
  });

  it("rate-limits logins", async () => {
    let last = 0;
    for (let i = 0; i < 25; i++) {
      last = (
        await t.app.inject({
          method: "POST",
          url: "/api/auth/login",
          payload: { username: "ghost", password: "x" },
        })
      ).statusCode;
    }
    expect(last).toBe(429);
  });
});
