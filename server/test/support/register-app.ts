import { registerRoutes } from "../../src/engines/register/routes.ts";
import { createRegistry, type ModuleDecl } from "../../src/engines/registry.ts";
import { type TestApp, testApp } from "./app.ts";

/**
 * testApp with the register engine's routes. buildApp returns the app before it is
 * ready, so a plugin may still be registered; once http/app.ts registers the routes
 * itself, this adds nothing.
 */
export async function registerTestApp(modules: ModuleDecl[] = []): Promise<TestApp> {
  const t = await testApp(modules);
  if (!t.app.hasRoute({ method: "GET", url: "/api/registers" })) {
    await t.app.register(
      registerRoutes({
        db: t.db,
        config: t.config,
        clock: t.clock.now,
        registry: createRegistry(modules),
      }),
    );
  }
  return t;
}
