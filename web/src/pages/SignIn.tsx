import { useEffect, useRef, useState } from "preact/hooks";
import type { ApiClient } from "../api/client";
import { ApiError, type ProblemDocument } from "../api/problem";
import type { SessionUser } from "../api/types";
import { LanguageSwitch } from "../components/LanguageSwitch";
import { ProblemBanner, TextField, Notice, placeProblem } from "../components/ui";
import { t } from "../i18n";

const FIELDS = ["email", "password"] as const;

export function signInMessage(error: ApiError): string | null {
  if (error.status === 401) return t("signIn.wrongCredentials");
  if (error.status === 429) {
    return error.retryAfter
      ? t("signIn.tooManyAttemptsWait", { seconds: error.retryAfter })
      : t("signIn.tooManyAttempts");
  }
  return null;
}

export function SignInPage(props: {
  client: ApiClient;
  notice?: string | null;
  onSignedIn: (user: SessionUser) => void;
}) {
  const { client } = props;
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [banner, setBanner] = useState<ProblemDocument | null>(null);
  const [lockedUntil, setLockedUntil] = useState<number | null>(null);
  const [, setTick] = useState(0);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    emailRef.current?.focus();
  }, []);

  // Count the rate-limit wait down once a second.
  useEffect(() => {
    if (lockedUntil == null) return;
    const timer = window.setInterval(() => {
      if (Date.now() >= lockedUntil) {
        setLockedUntil(null);
        setFormError(null);
      } else {
        setTick((t) => t + 1);
      }
    }, 1000);
    return () => window.clearInterval(timer);
  }, [lockedUntil]);

  const remaining =
    lockedUntil != null ? Math.max(1, Math.ceil((lockedUntil - Date.now()) / 1000)) : 0;
  const shownFormError =
    lockedUntil != null ? t("signIn.tooManyAttemptsWait", { seconds: remaining }) : formError;

  async function submit(event: Event) {
    event.preventDefault();
    if (busy || lockedUntil != null) return;
    const errors: Record<string, string> = {};
    if (!email.trim()) errors.email = t("signIn.enterYourEmailAddress");
    else if (!/^[^\s@]+@[^\s@]+$/.test(email.trim()))
      errors.email = t("signIn.enterAnEmailAddressLike");
    if (!password) errors.password = t("signIn.enterYourPassword");
    setFieldErrors(errors);
    setFormError(null);
    setBanner(null);
    if (errors.email) return emailRef.current?.focus();
    if (errors.password) return passwordRef.current?.focus();

    setBusy(true);
    try {
      const loginUser = await client.login(email.trim(), password);
      let user = loginUser;
      try {
        user = await client.me();
      } catch (error) {
        // Older servers without /me: the login answer already names the user.
        if (!(error instanceof ApiError) || error.status !== 404) throw error;
      }
      props.onSignedIn(user);
    } catch (error) {
      setBusy(false);
      if (!(error instanceof ApiError)) {
        setBanner({
          type: "about:blank",
          title: t("signIn.signInFailed"),
          status: 0,
          detail: String(error),
        });
        return;
      }
      const message = signInMessage(error);
      if (message) {
        setFormError(message);
        if (error.status === 429 && error.retryAfter)
          setLockedUntil(Date.now() + error.retryAfter * 1000);
        if (error.status === 401) {
          setPassword("");
          passwordRef.current?.focus();
        }
        return;
      }
      const placed = placeProblem(error, FIELDS);
      setFieldErrors(placed.fieldErrors);
      setBanner(placed.banner);
    }
  }

  return (
    <div class="signin-page">
      <main class="signin-card" aria-labelledby="signin-title">
        <div class="brand brand-large">
          <span class="brand-mark" aria-hidden="true">
            {t("common.brandMark")}
          </span>
          <span class="brand-name">{t("common.appName")}</span>
        </div>
        <h1 id="signin-title">{t("common.signIn")}</h1>
        <p class="signin-lead">{t("signIn.keepEveryClientRelationshipIn")}</p>
        {props.notice && <Notice tone="warning">{props.notice}</Notice>}
        <ProblemBanner problem={banner} />
        <form
          class="form"
          onSubmit={submit}
          noValidate
          aria-describedby={shownFormError ? "signin-error" : undefined}
        >
          <TextField
            label={t("common.email")}
            name="email"
            type="email"
            autoComplete="username"
            inputMode="email"
            spellcheck={false}
            value={email}
            error={fieldErrors.email}
            ref={emailRef}
            onInput={(e) => setEmail((e.currentTarget as HTMLInputElement).value)}
          />
          <TextField
            label={t("signIn.password")}
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            error={fieldErrors.password}
            ref={passwordRef}
            onInput={(e) => setPassword((e.currentTarget as HTMLInputElement).value)}
          />
          {shownFormError && (
            <p class="form-error" id="signin-error" role="alert">
              {shownFormError}
            </p>
          )}
          <button
            type="submit"
            class="button button-primary button-block"
            disabled={busy || lockedUntil != null}
          >
            {busy ? t("signIn.signingIn") : t("common.signIn")}
          </button>
        </form>
        <LanguageSwitch class="language-switch-signin" />
      </main>
    </div>
  );
}
