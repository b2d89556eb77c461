import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ConflictError, t, ValidationError } from "../../kernel/errors.ts";
import { submitCode } from "../../platform/auth/second-factor.ts";
import { logSecurityEvent } from "../../platform/auth/security-log.ts";
import { createSession, deleteSession, loadActor } from "../../platform/auth/sessions.ts";
import { checkCode, hasFactor, startEnrolment } from "../../platform/auth/totp.ts";
import { loadOrCreateFieldKey } from "../../platform/crypto/keys.ts";
import { clientIp, inTenantTx, requireActor, SESSION_COOKIE, type Services } from "../context.ts";
import { SessionInfo, TotpEnrolment } from "../wire.ts";
import { sessionCookie, sessionInfo } from "./auth.ts";

const Code = z.object({ code: z.string().min(1).max(16) });

/**
 * The TOTP second factor over HTTP (GB/T 22239-2019 8.1.4.1 d; platform/auth/totp.ts):
 * the code step of a login, and enrolment. Both rotate the session id when they raise
 * the session to `full`.
 */
export const totpRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    let key: Promise<Buffer> | undefined;
    const fieldKey = () => {
      key ??= loadOrCreateFieldKey(services.config.keyDir);
      return key;
    };
    const meta = (req: { headers: Record<string, unknown> }, ip: string | null) => ({
      ip,
      userAgent: typeof req.headers["user-agent"] === "string" ? req.headers["user-agent"] : null,
    });

    app.post(
      "/api/auth/totp",
      {
        config: {
          access: "authenticated",
          allowWithOneTimePassword: true,
          stages: ["code"],
          rateLimit: { max: 20, timeWindow: "1 minute" },
        },
        schema: {
          operationId: "submitTotpCode",
          tags: ["auth"],
          summary:
            "Second step of a login: the TOTP code; a new session id replaces the pending one",
          body: Code,
          response: { 200: SessionInfo },
        },
      },
      async (req, reply) => {
        const a = requireActor(req);
        const ip = clientIp(req);
        const s = await submitCode(
          services.db.app,
          await fieldKey(),
          services.clock(),
          { token: req.sessionToken!, actor: a },
          req.body.code.trim(),
          meta(req, ip),
        );
        reply.setCookie(SESSION_COOKIE, s.token, sessionCookie(services));
        return sessionInfo(a, s.csrfToken, "done");
      },
    );

    app.post(
      "/api/auth/totp/enrolment",
      {
        config: { access: "authenticated", stages: ["enrol", "full"] },
        schema: {
          operationId: "startTotpEnrolment",
          tags: ["auth"],
          summary:
            "Generate a TOTP secret for my account (shown once; replaces an unconfirmed one)",
          response: { 200: TotpEnrolment },
        },
      },
      async (req) => {
        const a = requireActor(req);
        if (await hasFactor(services.db.app, a.userId)) {
          throw new ConflictError(
            t(
              "您已绑定动态验证码；如需更换，请安全管理员重置",
              "a second factor is already enrolled; the security administrator resets it",
            ),
          );
        }
        const e = await startEnrolment(services.db.app, await fieldKey(), services.clock(), {
          id: a.userId,
          username: a.username,
        });
        await logSecurityEvent(services.db.app, services.clock(), {
          kind: "totp_enrolment_started",
          userId: a.userId,
          username: a.username,
          regionCode: a.regionCode,
          ip: clientIp(req),
        });
        return e;
      },
    );

    app.post(
      "/api/auth/totp/enrolment/confirm",
      {
        config: {
          access: "authenticated",
          stages: ["enrol", "full"],
          rateLimit: { max: 20, timeWindow: "1 minute" },
        },
        schema: {
          operationId: "confirmTotpEnrolment",
          tags: ["auth"],
          summary:
            "Confirm the enrolment with a first valid code; a new session id replaces this one",
          body: Code,
          response: { 200: SessionInfo },
        },
      },
      async (req, reply) => {
        const a = requireActor(req);
        const ip = clientIp(req);
        const key = await fieldKey();
        const now = services.clock();
        // The code and the audit of the enrolment commit together.
        const r = await inTenantTx(services, req, async (tx) => {
          const r = await checkCode(tx.trx, key, now, a.userId, req.body.code.trim(), {
            confirming: true,
          });
          if (r === "ok") {
            await tx.audit({
              regionCode: a.regionCode,
              action: "user.totp_enrol",
              entityType: "user",
              entityId: a.userId,
            });
          }
          return r;
        });
        if (r !== "ok") {
          await logSecurityEvent(services.db.app, now, {
            kind: "totp_enrolment_failed",
            userId: a.userId,
            username: a.username,
            regionCode: a.regionCode,
            ip,
            detail: { reason: r },
          });
          throw new ValidationError(
            r === "none"
              ? t("请先生成密钥", "start the enrolment first (POST /api/auth/totp/enrolment)")
              : t("验证码不正确", "the code is wrong"),
            [
              {
                field: "code",
                message: t(
                  "请输入验证器应用当前显示的 6 位数字",
                  "enter the 6 digits the app shows now",
                ),
              },
            ],
          );
        }
        await deleteSession(services.db.app, req.sessionToken!);
        const s = await createSession(services.db.app, now, a.userId, meta(req, ip), "full");
        await logSecurityEvent(services.db.app, now, {
          kind: "totp_enrolled",
          userId: a.userId,
          username: a.username,
          regionCode: a.regionCode,
          ip,
        });
        reply.setCookie(SESSION_COOKIE, s.token, sessionCookie(services));
        const actor = (await loadActor(services.db.app, a.userId)) ?? a;
        return sessionInfo(actor, s.csrfToken, "done");
      },
    );
  };
