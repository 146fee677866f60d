import { LANGUAGES, t } from "../i18n";
import { useLocale } from "../app/locale";

/** The languages side by side, each in its own words; the one in use is pressed. */
export function LanguageSwitch(props: { onChosen?: () => void; class?: string }) {
  const locale = useLocale();
  return (
    <div
      class={`language-switch${props.class ? ` ${props.class}` : ""}`}
      role="group"
      aria-label={t("language.label")}
    >
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          class="language-option"
          lang={language}
          aria-pressed={locale.language === language}
          onClick={() => {
            locale.choose(language);
            props.onChosen?.();
          }}
        >
          {t(`language.${language}`)}
        </button>
      ))}
    </div>
  );
}
