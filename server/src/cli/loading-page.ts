import http from "node:http";

/**
 * While the first start loads the demo (about two minutes on a busy 2-core machine), the
 * port answers at once (issue 11, "Start-up a newcomer understands"): every page is a
 * Chinese page that says the platform is starting and what it is doing, and refreshes
 * itself; the API answers 503 with a Chinese message (so /api/health is not 200 until
 * the platform serves). Plain node:http: nothing to load before it.
 */
export interface LoadingServer {
  /** What is being done now, shown on the page (Chinese). */
  status(line: string): void;
  close(): Promise<void>;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

function page(status: string, done: string[], seconds: number): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="refresh" content="5">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>法治 · 正在启动</title>
<style>body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0;background:#f5f5f5;color:#262626}
main{max-width:640px;margin:12vh auto;background:#fff;padding:32px 40px;border-top:4px solid #c00}
h1{font-size:24px;margin:0 0 16px}p{line-height:1.8}li{line-height:1.8;color:#595959}.muted{color:#8c8c8c;font-size:14px}</style>
</head><body><main>
<h1>法治政府建设工作平台正在启动</h1>
<p>平台启动时先启动数据库；首次启动还要建立数据库并载入演示数据（武隆区 2020 年的工作记录和本年度的在办案件），在繁忙的双核机器上约需两到三分钟。启动完成后本页会自动进入登录页面。</p>
<p><strong>当前：</strong>${escapeHtml(status)}（已用时 ${seconds} 秒）</p>
${done.length ? `<ul>${done.map((d) => `<li>${escapeHtml(d)}</li>`).join("")}</ul>` : ""}
<p class="muted">本页每 5 秒自动刷新。</p>
</main></body></html>`;
}

export async function startLoadingServer(port: number, host: string): Promise<LoadingServer> {
  const started = Date.now();
  let status = "正在启动数据库";
  const done: string[] = [];
  const server = http.createServer((req, res) => {
    const seconds = Math.round((Date.now() - started) / 1000);
    res.setHeader("cache-control", "no-store");
    res.setHeader("retry-after", "5");
    if ((req.url ?? "").startsWith("/api/")) {
      res.writeHead(503, { "content-type": "application/json; charset=utf-8" });
      res.end(
        JSON.stringify({
          error: { code: "starting", message: `平台正在启动：${status}，请稍候` },
        }),
      );
      return;
    }
    res.writeHead(503, { "content-type": "text/html; charset=utf-8" });
    res.end(page(status, done, seconds));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return {
    status(line) {
      if (status !== line) done.push(status);
      status = line;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
