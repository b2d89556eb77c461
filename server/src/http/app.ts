import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { retryReadOnce } from "../db/connection.ts";
import { caseDeps } from "../engines/case/deps.ts";
import { caseRoutes } from "../engines/case/routes.ts";
import { consultationRoutes } from "../engines/consultation/routes.ts";
import { indicatorRoutes } from "../engines/indicator/routes.ts";
import { registerRoutes } from "../engines/register/routes.ts";
import { reportRoutes } from "../engines/report/routes.ts";
import { searchRoutes } from "../engines/search/routes.ts";
import { assertTestOnly, can } from "../kernel/access.ts";
import { ForbiddenError, type Text, t, UnauthenticatedError } from "../kernel/errors.ts";
import { PERMISSION_LABELS } from "../kernel/labels.ts";
import { scrubNumbers } from "../kernel/masking.ts";
import { cleanText } from "../kernel/text.ts";
import { logSecurityEvent } from "../platform/auth/security-log.ts";
import { resolveSession } from "../platform/auth/sessions.ts";
import { clientIp, SESSION_COOKIE, type Services } from "./context.ts";
import { langOf, noRoute } from "./errors.ts";
import { responseSerializer, swaggerOptions } from "./openapi.ts";
import { consultationPortalRoutes } from "./portal/consultation.ts";
import { appErrorHandler, isPortalPage, portalErrorPage } from "./portal/errors.ts";
import { portalRoutes } from "./portal/routes.ts";
import { portalSearchRoutes } from "./portal/search.ts";
import { adminRoutes } from "./routes/admin.ts";
import { adminIdentityRoutes } from "./routes/admin-identity.ts";
import { auditRoutes } from "./routes/audit.ts";
import { authRoutes } from "./routes/auth.ts";
import { totpRoutes } from "./routes/auth-totp.ts";
import { calendarRoutes } from "./routes/calendar.ts";
import { creditRoutes } from "./routes/credit.ts";
import { metaRoutes } from "./routes/meta.ts";
import { publicRoutes } from "./routes/public.ts";
import { settingsRoutes } from "./routes/settings.ts";
import { validatorCompiler } from "./validation.ts";
import { webRoutes } from "./web.ts";

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const IDEMPOTENT_READS = new Set(["GET", "HEAD"]);

/**
 * Response headers against script injection, framing and sniffing (issue 8). The web
 * build and the portal load scripts only from files ('self'), never inline; antd and
 * the portal set inline styles, so style-src allows them (styles cannot run code).
 * No upgrade-insecure-requests: a LAN installation may serve plain HTTP behind its own
 * TLS terminator; HSTS only when cookies are marked Secure (FAZHI_SECURE_COOKIES=1).
 */
export const CONTENT_SECURITY_POLICY = {
  "default-src": ["'self'"],
  "script-src": ["'self'"],
  "style-src": ["'self'", "'unsafe-inline'"],
  "img-src": ["'self'", "data:"],
  "font-src": ["'self'", "data:"],
  "connect-src": ["'self'"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'self'"],
  "frame-ancestors": ["'none'"],
  "upgrade-insecure-requests": null,
};

/** The access refusal, naming the permission by its label (never its code, in Chinese). */
function needsPermission(anyOf: readonly string[]): Text {
  const zh = anyOf.map((p) => `“${PERMISSION_LABELS[p]?.zh ?? p}”`).join("或");
  const en = anyOf.map((p) => `${PERMISSION_LABELS[p]?.en ?? p} (${p})`).join(" or ");
  return t(`您没有进行此操作的权限（需要${zh}权限）`, `this action needs the permission ${en}`);
}

/**
 * The HTTP app. Every route goes: authentication (session cookie) → access check
 * (the route's declared `access`, before any validation or handler) → rate limit
 * where declared → validation (zod) → handler, which does its work in one transaction
 * (`inTenantTx`). Errors leave through one envelope.
 */
export async function buildApp(
  services: Services,
  opts: {
    logger?: boolean;
    webDist?: string;
    /**
     * Test only (issue 8): `routeChecks: "off"` switches off the data-scope checks in
     * code (kernel/access.ts `checksOff`) so that row-level security stands alone; the
     * permission check of each route stays. Refused outside a test run.
     */
    testOnly?: { routeChecks?: "off" };
  } = {},
) {
  const rlsAlone = opts.testOnly?.routeChecks === "off";
  if (rlsAlone) assertTestOnly(process.env, "testOnly.routeChecks");
  const app = Fastify({
    logger: opts.logger ?? false,
    trustProxy: process.env.FAZHI_TRUST_PROXY === "1",
    bodyLimit: 2 * 1024 * 1024,
    // A path that does not decode (`%ED%A0%80`, a lone surrogate in CESU-8) is refused
    // by the router before any hook: through the one envelope too (issue 8, fuzzing).
    frameworkErrors: (err, req, reply) => appErrorHandler(err, req, reply),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer);
  // Portal pages answer errors as Chinese HTML pages (portal/errors.ts), the rest as JSON.
  app.setErrorHandler(appErrorHandler);
  // JSON in, JSON out: no route takes plain text as its body (Fastify parses it by
  // default). A JSON route sent text/plain answers 415; uploads take their bytes with
  // a parser of their own, so a .txt file sent as text/plain reaches its checks.
  app.removeContentTypeParser("text/plain");
  app.setNotFoundHandler((req, reply) => {
    if (isPortalPage(req.url)) {
      const out = portalErrorPage(404);
      return reply.status(404).type("text/html; charset=utf-8").send(out.body);
    }
    return reply
      .status(404)
      .send({ error: { code: "not_found", message: noRoute(req.method, req.url)[langOf(req)] } });
  });

  app.decorateRequest("actor", undefined);
  app.decorateRequest("csrfToken", undefined);
  app.decorateRequest("sessionToken", undefined);
  app.decorateRequest("sessionStage", undefined);

  app.addHook("onRoute", (route) => {
    if (
      route.url.startsWith("/api/") &&
      !route.config?.access &&
      !route.url.startsWith("/api/docs")
    ) {
      throw new Error(`route ${route.method} ${route.url} declares no access`);
    }
  });

  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    frameguard: { action: "deny" },
    referrerPolicy: { policy: "same-origin" },
    hsts: services.config.secureCookies ? { maxAge: 31536000 } : false,
  });
  // API answers carry personal data: never cached by a browser or a proxy.
  app.addHook("onSend", async (req, reply) => {
    if (req.url.startsWith("/api/") && !req.url.startsWith("/api/docs")) {
      reply.header("cache-control", "no-store");
    }
  });

  // Every string a client sends, before validation: NUL and lone surrogates refused
  // (400 naming the field), the rest in NFC (kernel/text.ts). Bodies that are bytes
  // (uploads, imports) are left to their own checks.
  app.addHook("preValidation", async (req, reply) => {
    const fields = [];
    for (const part of ["params", "query", "body"] as const) {
      const v = req[part];
      if (v === undefined || v === null || Buffer.isBuffer(v)) continue;
      const r = cleanText(v, part);
      fields.push(...r.problems);
      if (r.problems.length === 0) (req as unknown as Record<string, unknown>)[part] = r.value;
      // (a copy with Object.prototype: zod and the handlers read it as a plain object)
    }
    if (fields.length === 0) return;
    const lang = langOf(req);
    const m = t("输入包含无法保存的字符", "the input contains characters that cannot be stored");
    return reply.status(400).send({
      error: {
        code: "validation",
        message: m[lang],
        fields: fields.map((f) => ({
          field: f.field,
          message: typeof f.message === "string" ? f.message : f.message[lang],
        })),
      },
    });
  });

  // Idempotent reads are tried once more when the database connection dropped under
  // them (the pool hands out a fresh connection); a second failure answers 503.
  app.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.every((m) => IDEMPOTENT_READS.has(m))) return;
    const handler = route.handler;
    route.handler = function retried(this: unknown, req, reply) {
      return retryReadOnce(async () => handler.call(this as never, req, reply));
    };
  });

  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, swaggerOptions);
  await app.register(swaggerUi, { routePrefix: "/api/docs" });

  app.addHook("onRequest", async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const resolved = await retryReadOnce(() =>
      resolveSession(services.db.app, services.clock(), token, clientIp(req)),
    );
    if (resolved) {
      req.actor = rlsAlone ? { ...resolved.actor, routeChecks: "off" } : resolved.actor;
      req.csrfToken = resolved.csrfToken;
      req.sessionToken = token;
      req.sessionStage = resolved.stage;
    }
  });

  app.addHook("onRequest", async (req) => {
    const access = req.routeOptions.config?.access;
    if (!access || access === "public") return;
    if (!req.actor) throw new UnauthenticatedError();
    const denied = async (kind: string, message: Text) => {
      await logSecurityEvent(services.db.app, services.clock(), {
        kind,
        userId: req.actor!.userId,
        username: req.actor!.username,
        regionCode: req.actor!.regionCode,
        ip: clientIp(req),
        // The URL as asked, with ID and phone numbers in it scrubbed (a refused search
        // for a person must not put the number in the security log).
        detail: { method: req.method, url: scrubNumbers(req.url), access },
      });
      throw new ForbiddenError(message);
    };
    if (STATE_CHANGING.has(req.method) && req.routeOptions.config?.csrf !== false) {
      const sent = req.headers["x-csrf-token"];
      if (typeof sent !== "string" || sent !== req.csrfToken) {
        await denied(
          "csrf_rejected",
          t(
            "页面已过期或请求来源无法确认，请刷新页面后重试",
            "missing or wrong CSRF token (header x-csrf-token)",
          ),
        );
      }
    }
    // The second factor (GB/T 22239-2019 8.1.4.1 d): a session opened by the password
    // alone reaches only the routes of its stage (submit the code; enrol the factor).
    const stage = req.sessionStage ?? "full";
    if (!(req.routeOptions.config?.stages ?? ["full"]).includes(stage)) {
      await denied(
        "second_factor_pending",
        stage === "code"
          ? t("请先输入动态验证码完成登录", "enter the TOTP code first (POST /api/auth/totp)")
          : stage === "enrol"
            ? t(
                "请先绑定动态验证码（双因素认证），绑定后才能使用系统",
                "enrol the TOTP second factor first (POST /api/auth/totp/enrolment)",
              )
            : t("登录已完成", "the login is already complete"),
      );
    }
    if (req.actor.mustChangePassword && !req.routeOptions.config?.allowWithOneTimePassword) {
      throw new ForbiddenError(
        t(
          "请先修改一次性密码，修改后才能使用系统",
          "change the one-time password first (POST /api/auth/password)",
        ),
      );
    }
    if (access !== "authenticated") {
      const anyOf = typeof access === "string" ? [access] : access;
      if (!anyOf.some((p) => can(req.actor!, p))) {
        await denied("access_denied", needsPermission(anyOf));
      }
    }
  });

  await app.register(metaRoutes(services));
  await app.register(authRoutes(services));
  await app.register(totpRoutes(services));
  await app.register(adminRoutes(services));
  await app.register(adminIdentityRoutes(services));
  await app.register(auditRoutes(services));
  await app.register(calendarRoutes(services));
  await app.register(creditRoutes(services));
  await app.register(settingsRoutes(services));
  await app.register(publicRoutes(services));
  const deps = await caseDeps(services);
  await app.register(caseRoutes(services, deps));
  await app.register(reportRoutes(services, deps));
  await app.register(indicatorRoutes(services));
  await app.register(registerRoutes(services));
  await app.register(searchRoutes(services));
  await app.register(consultationRoutes(services));
  await app.register(portalRoutes(services));
  await app.register(portalSearchRoutes(services));
  await app.register(consultationPortalRoutes(services));

  await app.register(webRoutes(opts.webDist));

  app.get("/api/openapi.json", { config: { access: "public" }, schema: { hide: true } }, () =>
    app.swagger(),
  );
  return app as unknown as FastifyInstance;
}
