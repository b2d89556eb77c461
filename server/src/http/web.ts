import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyPluginAsync } from "fastify";
import { langOf, noRoute } from "./errors.ts";
import { isPortalPage, portalErrorPage } from "./portal/errors.ts";

/** The built web app (`npm run build -w web` → web/dist). */
export const WEB_DIST = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../web/dist",
);

/**
 * Serve the web app: static files, and index.html for any other GET that is not the API
 * or the public portal (client-side routes). Without a build, / goes to the API docs.
 */
export const webRoutes =
  (dist = WEB_DIST): FastifyPluginAsync =>
  async (app) => {
    if (!existsSync(path.join(dist, "index.html"))) {
      app.get("/", { config: { access: "public" } }, (_req, reply) => reply.redirect("/api/docs"));
      return;
    }
    await app.register(fastifyStatic, {
      root: dist,
      prefix: "/",
      wildcard: false,
      index: ["index.html"],
    });
    app.get("/*", { config: { access: "public" } }, (req, reply) => {
      const url = req.url.split("?")[0] ?? "/";
      if (isPortalPage(url)) {
        // A citizen's mistyped portal address: the portal's own Chinese page, not JSON.
        return reply.status(404).type("text/html; charset=utf-8").send(portalErrorPage(404).body);
      }
      if (url.startsWith("/api/") || url.startsWith("/public/")) {
        return reply
          .status(404)
          .send({ error: { code: "not_found", message: noRoute("GET", url)[langOf(req)] } });
      }
      return reply.sendFile("index.html");
    });
  };
