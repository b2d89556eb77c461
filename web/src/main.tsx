import "antd/dist/reset.css";
import "dayjs/locale/zh-cn";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { App as AntApp, ConfigProvider, Result, Spin } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import dayjs from "dayjs";
import { type ReactNode, StrictMode, useEffect } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";
import { App } from "./App.tsx";
import { ApiError } from "./api.ts";
import { I18nProvider, useI18n } from "./i18n.ts";
import { SessionProvider } from "./session.tsx";

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // 4xx answers are final; retry only network trouble and 5xx, once.
      retry: (count, error) =>
        count < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
      staleTime: 10_000,
    },
  },
});

function Localized({ children }: { children: ReactNode }) {
  const { lang, t } = useI18n();
  useEffect(() => {
    dayjs.locale(lang === "zh" ? "zh-cn" : "en");
  }, [lang]);
  return (
    <ConfigProvider
      locale={lang === "zh" ? zhCN : enUS}
      theme={{
        token: {
          colorPrimary: "#a61d24",
          fontFamily:
            '-apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif',
        },
      }}
    >
      <AntApp>
        <SessionProvider
          loading={<Spin fullscreen description={t("common.loading")} />}
          failed={(e) => <Result status="error" title={t("common.error")} subTitle={e.message} />}
        >
          {children}
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

const root = document.getElementById("root");
if (!root) throw new Error("no #root element");
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <Localized>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </Localized>
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
