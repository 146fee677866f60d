import type { ComponentType, JSX } from "preact";
import { useEffect, useMemo, useState } from "preact/hooks";
import type { ApiClient } from "../api/client";
import { ApiError } from "../api/problem";
import type { SessionUser } from "../api/types";
import { AccountsPage } from "../pages/Accounts";
import { SignInPage } from "../pages/SignIn";
import { ForbiddenPage, NotFoundPage } from "../pages/Status";
import { ProblemBanner, Spinner } from "../components/ui";
import { AppContext } from "./context";
import {
  homePath,
  normalisePath,
  resolveRoute,
  SIGN_IN_PATH,
  type PageProps,
  type Resolution,
  type RouteId,
  subPath,
} from "./nav";
import { navigate, onLinkClick, usePath } from "./router";
import { permissionsOf } from "./permissions";
import { Shell } from "./Shell";
import { lazyPage } from "./lazy";
import { LocaleContext, useLanguageState } from "./locale";
import { t } from "../i18n";

const AccountPage = lazyPage(() => import("../pages/Account").then((m) => m.AccountPage));

/** `/accounts` is the list; `/accounts/{id}` one account. */
function AccountsRoute({ path }: PageProps) {
  const id = subPath(path, "/accounts");
  return id ? <AccountPage key={id} accountId={id} /> : <AccountsPage />;
}

// Everything but the accounts list is fetched on first use.
const PAGES: Record<RouteId, ComponentType<PageProps>> = {
  accounts: AccountsRoute,
  risk: lazyPage(() => import("../pages/Risk").then((m) => m.RiskPage)),
  events: lazyPage(() => import("../pages/Events").then((m) => m.EventsPage)),
  campaigns: lazyPage(() => import("../pages/Campaigns").then((m) => m.CampaignsPage)),
  people: lazyPage(() => import("../pages/People").then((m) => m.PeoplePage)),
  "what-if": lazyPage(() => import("../pages/WhatIf").then((m) => m.WhatIfPage)),
  departures: lazyPage(() => import("../pages/Departures").then((m) => m.DeparturesPage)),
  admin: lazyPage(() => import("../pages/Admin").then((m) => m.AdminPage)),
};

type Boot =
  | { state: "checking" }
  /** `expired`: the session ended on its own (the sign-in page says so). */
  | { state: "signed-out"; expired: boolean }
  | { state: "signed-in"; user: SessionUser }
  | { state: "offline"; error: ApiError };

export function App({ client }: { client: ApiClient }) {
  const path = usePath();
  const [boot, setBoot] = useState<Boot>(() =>
    client.session ? { state: "checking" } : { state: "signed-out", expired: false },
  );
  const [returnTo, setReturnTo] = useState<string | null>(null);
  const locale = useLanguageState(
    client,
    boot.state === "signed-in" ? boot.user.locale : client.user?.locale,
  );

  // Confirm a stored session with the server (refreshing it if needed).
  const check = () => {
    setBoot({ state: "checking" });
    client
      .me()
      .then((user) => setBoot({ state: "signed-in", user }))
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 401) {
          setBoot({ state: "signed-out", expired: true });
        } else if (error instanceof ApiError && error.status === 404 && client.user) {
          setBoot({ state: "signed-in", user: client.user });
        } else if (error instanceof ApiError) {
          setBoot({ state: "offline", error });
        } else {
          throw error;
        }
      });
  };

  useEffect(() => {
    if (boot.state === "checking") check();
    // Only on start.
  }, []);

  // Sessions ending elsewhere (refresh rejected, sign-out in another tab).
  useEffect(
    () =>
      client.onSessionChange((session, reason) => {
        if (session) {
          // A token answer names the user but not their permissions: ask `/me` again.
          if (!session.user.permissions) void client.me().catch(() => undefined);
          if (reason === "external") setBoot({ state: "signed-in", user: session.user });
          else
            setBoot((b) =>
              b.state === "signed-in" ? { state: "signed-in", user: session.user } : b,
            );
          return;
        }
        setBoot({ state: "signed-out", expired: reason === "expired" });
      }),
    [client],
  );

  useEffect(() => {
    const onStorage = () => client.syncFromStore();
    window.addEventListener("storage", onStorage);
    document.addEventListener("click", onLinkClick);
    return () => {
      window.removeEventListener("storage", onStorage);
      document.removeEventListener("click", onLinkClick);
    };
  }, [client]);

  // Keep the address bar in step with the session.
  useEffect(() => {
    const p = normalisePath(path);
    if (boot.state === "signed-out" && p !== SIGN_IN_PATH) {
      if (p !== "/") setReturnTo(p);
      navigate(SIGN_IN_PATH, { replace: true });
    }
  }, [boot.state, path]);

  const route = useMemo(
    () => (boot.state === "signed-in" ? resolveRoute(path, permissionsOf(boot.user)) : null),
    [boot, path],
  );

  useEffect(() => {
    if (route?.kind === "redirect") navigate(route.to, { replace: true });
  }, [route]);

  useEffect(() => {
    const title =
      boot.state === "signed-out"
        ? t("common.signIn")
        : route?.kind === "page" || route?.kind === "forbidden"
          ? route.item.label
          : route?.kind === "not-found"
            ? t("common.pageNotFound")
            : null;
    document.title = title ? t("app.documentTitle", { title }) : t("common.appName");
  }, [boot.state, route, locale.language]);

  return (
    <LocaleContext.Provider value={locale}>
      <AppScreen
        client={client}
        boot={boot}
        route={route}
        path={path}
        onRetry={check}
        onSignedIn={(user) => {
          setBoot({ state: "signed-in", user });
          const target =
            returnTo && resolveRoute(returnTo, permissionsOf(user)).kind === "page"
              ? returnTo
              : homePath(permissionsOf(user));
          setReturnTo(null);
          navigate(target, { replace: true });
        }}
      />
    </LocaleContext.Provider>
  );
}

/** What the app shows for the state of the session and the route. */
function AppScreen(props: {
  client: ApiClient;
  boot: Boot;
  route: Resolution | null;
  path: string;
  onRetry: () => void;
  onSignedIn: (user: SessionUser) => void;
}) {
  const { client, boot, route, path } = props;

  if (boot.state === "checking") {
    return (
      <div class="center-screen">
        <Spinner label={t("app.openingContinuity")} />
      </div>
    );
  }
  if (boot.state === "offline") {
    return (
      <div class="center-screen">
        <div class="signin-card">
          <ProblemBanner problem={boot.error.problem} onRetry={props.onRetry} />
        </div>
      </div>
    );
  }
  if (boot.state === "signed-out") {
    return (
      <SignInPage
        client={client}
        notice={boot.expired ? t("app.sessionEnded") : null}
        onSignedIn={props.onSignedIn}
      />
    );
  }

  const user = boot.user;
  let content: JSX.Element | null = null;
  let activeId: string | null = null;
  if (route?.kind === "page") {
    const Page = PAGES[route.item.id];
    activeId = route.item.id;
    content = <Page key={route.item.id} path={normalisePath(path)} />;
  } else if (route?.kind === "forbidden") {
    content = <ForbiddenPage label={route.item.label} />;
  } else if (route?.kind === "not-found") {
    content = <NotFoundPage />;
  }

  return (
    <AppContext.Provider value={{ client, user }}>
      <Shell activeId={activeId} path={normalisePath(path)} onSignOut={() => void client.logout()}>
        {content}
      </Shell>
    </AppContext.Provider>
  );
}
