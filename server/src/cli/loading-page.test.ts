import net from "node:net";
import { expect, it } from "vitest";
import { startLoadingServer } from "./loading-page.ts";

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });

it("answers at once: a Chinese page that refreshes, and 503 from the API until the platform serves", async () => {
  const port = await freePort();
  const s = await startLoadingServer(port, "127.0.0.1");
  try {
    s.status("正在载入演示数据（第 2 部分，共 6 部分）");
    const page = await fetch(`http://127.0.0.1:${port}/cases/penalty_general/1`);
    expect(page.status).toBe(503);
    const html = await page.text();
    expect(html).toContain("正在启动");
    expect(html).toContain("第 2 部分，共 6 部分");
    expect(html).toContain('http-equiv="refresh"');
    expect(html).toContain("正在启动数据库"); // the step before, listed as done
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(health.status).toBe(503);
    expect((await health.json()).error.message).toMatch(/^平台正在启动/);
  } finally {
    await s.close();
  }
  // The port is free again for the platform.
  const again = await startLoadingServer(port, "127.0.0.1");
  await again.close();
});
