/** Showing things only to holders of a permission. */
import { Button, Result } from "antd";
import type { ReactNode } from "react";
import { useNavigate } from "react-router";
import { useI18n } from "../i18n.ts";
import { useSession } from "../session.tsx";

export interface CanProps {
  /** Any one of these permissions suffices; empty or absent means any logged-in user. */
  anyOf?: readonly string[];
  children: ReactNode;
  fallback?: ReactNode;
}

/** Renders its children only when the session holds one of the permissions. */
export function Can({ anyOf, children, fallback = null }: CanProps) {
  const { can } = useSession();
  return <>{can(anyOf) ? children : fallback}</>;
}

export function ForbiddenResult() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title="403"
      subTitle={t("common.forbidden")}
      extra={
        <Button type="primary" onClick={() => navigate("/")}>
          {t("common.backHome")}
        </Button>
      }
    />
  );
}

export function NotFoundResult() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t("common.notFound")}
      extra={
        <Button type="primary" onClick={() => navigate("/")}>
          {t("common.backHome")}
        </Button>
      }
    />
  );
}

/** A page behind a permission: the page, or a 403 result. */
export function RequirePermission({
  anyOf,
  children,
}: {
  anyOf?: readonly string[];
  children: ReactNode;
}) {
  return (
    <Can anyOf={anyOf} fallback={<ForbiddenResult />}>
      {children}
    </Can>
  );
}
