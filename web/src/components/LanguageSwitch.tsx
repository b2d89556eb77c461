import { GlobalOutlined } from "@ant-design/icons";
import { Button } from "antd";
import type { CSSProperties } from "react";
import { useI18n } from "../i18n.ts";

/** One button: shows the other language and switches to it (persisted). */
export function LanguageSwitch({
  type = "text",
  style,
}: {
  type?: "text" | "default" | "link";
  style?: CSSProperties;
}) {
  const { lang, setLang, t } = useI18n();
  return (
    <Button
      type={type}
      icon={<GlobalOutlined />}
      style={style}
      data-testid="lang-switch"
      lang={lang === "zh" ? "en" : "zh-CN"}
      onClick={() => setLang(lang === "zh" ? "en" : "zh")}
    >
      {t("lang.switch")}
    </Button>
  );
}
