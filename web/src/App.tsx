/** Routes: the login and password pages, then the registry's pages inside the layout. */
import { Spin } from "antd";
import { lazy, Suspense } from "react";
import { Navigate, Outlet, Route, Routes, useLocation } from "react-router";
import { NotFoundResult, RequirePermission } from "./components/PermissionGate.tsx";
import { ROUTES } from "./modules.ts";
import { LoginPage } from "./pages/LoginPage.tsx";
import { useSession } from "./session.tsx";

/** Only the login page is in the first chunk; the rest loads on first use. */
const AppLayout = lazy(() =>
  import("./layout/AppLayout.tsx").then((m) => ({ default: m.AppLayout })),
);
const ChangePasswordPage = lazy(() =>
  import("./pages/ChangePasswordPage.tsx").then((m) => ({ default: m.ChangePasswordPage })),
);
const EnrolTotpPage = lazy(() =>
  import("./pages/EnrolTotpPage.tsx").then((m) => ({ default: m.EnrolTotpPage })),
);

export const CHANGE_PASSWORD_PATH = "/change-password";
export const ENROL_TOTP_PATH = "/enrol-totp";

/**
 * Logged in, past the forced password change and, for an account that must log in with
 * two factors, past the enrolment of its authenticator (each allows only its own page).
 */
function RequireSession() {
  const { session } = useSession();
  const location = useLocation();
  if (!session) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  if (session.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  }
  if (
    !session.mustChangePassword &&
    session.secondFactor === "enrol" &&
    location.pathname !== ENROL_TOTP_PATH
  ) {
    return <Navigate to={ENROL_TOTP_PATH} replace />;
  }
  return <Outlet />;
}

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<RequireSession />}>
        <Route
          element={
            <Suspense fallback={<Spin style={{ display: "block", margin: "48px auto" }} />}>
              <AppLayout />
            </Suspense>
          }
        >
          <Route path={CHANGE_PASSWORD_PATH} element={<ChangePasswordPage />} />
          <Route path={ENROL_TOTP_PATH} element={<EnrolTotpPage />} />
          {ROUTES.map(({ path, component: Page, anyOf }) => (
            <Route
              key={path}
              path={path}
              element={
                <RequirePermission anyOf={anyOf}>
                  <Suspense fallback={<Spin style={{ display: "block", margin: "48px auto" }} />}>
                    <Page />
                  </Suspense>
                </RequirePermission>
              }
            />
          ))}
          <Route path="*" element={<NotFoundResult />} />
        </Route>
      </Route>
    </Routes>
  );
}
