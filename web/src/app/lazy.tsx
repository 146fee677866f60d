import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import { ProblemBanner, Spinner } from "../components/ui";
import { t } from "../i18n";

/**
 * A page whose code is fetched on first use, so the sign-in and the accounts list
 * stay small. A failed fetch (e.g. after a new release) offers a reload.
 */
export function lazyPage<P extends object>(
  load: () => Promise<ComponentType<P>>,
): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  function LazyPage(props: P) {
    const [, setReady] = useState(loaded !== null);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (loaded) return;
      let live = true;
      pending ??= load().then((c) => (loaded = c));
      pending.then(
        () => live && setReady(true),
        () => {
          pending = null;
          if (live) setFailed(true);
        },
      );
      return () => {
        live = false;
      };
    }, []);
    if (failed) {
      return (
        <ProblemBanner
          problem={{
            type: "about:blank#chunk",
            title: t("app.thisPageCouldNotBe"),
            status: 0,
            detail: t("app.checkYourConnectionTheApp"),
          }}
          onRetry={() => window.location.reload()}
        />
      );
    }
    if (!loaded) return <Spinner label={t("app.loadingPage")} />;
    const Page = loaded;
    return <Page {...props} />;
  }
  return LazyPage;
}
