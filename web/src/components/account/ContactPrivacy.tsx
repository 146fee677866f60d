/**
 * A contact person's data-protection rights, for those who answer such requests (admins,
 * `may_handle_privacy_requests`): everything held about them as a JSON file
 * (`GET /contacts/{id}/export`), and erasure (`POST /contacts/{id}/erase`), which cannot be
 * undone and so asks to be confirmed first.
 */
import { useState } from "preact/hooks";
import type { Contact } from "../../api/types";
import { useApp } from "../../app/context";
import { permissionsOf } from "../../app/permissions";
import { useSubmit } from "../../app/useSubmit";
import { download } from "../../pages/admin/download";
import { ProblemBanner } from "../ui";
import { t } from "../../i18n";

export function ContactPrivacy(props: { contact: Contact; onErased: () => void }) {
  const { client, user } = useApp();
  const [confirming, setConfirming] = useState(false);
  const submit = useSubmit([]);
  if (!permissionsOf(user).may_handle_privacy_requests) return null;
  const c = props.contact;
  const path = `/contacts/${encodeURIComponent(c.id)}`;

  const exportData = () =>
    submit.run(async () => {
      const data = await client.get<unknown>(`${path}/export`);
      download(`contact-${c.id}.json`, JSON.stringify(data, null, 2), "application/json");
    });

  const erase = () =>
    submit.run(() => client.post(`${path}/erase`)).then((ok) => ok && props.onErased());

  return (
    <div class="contact-actions contact-privacy">
      <button
        type="button"
        class="button button-ghost button-small"
        aria-label={t("contactPrivacy.exportName", { name: c.name })}
        disabled={submit.busy}
        onClick={() => void exportData()}
      >
        {t("contactPrivacy.export")}
      </button>
      {confirming ? (
        <span class="confirm" role="group" aria-label={t("contactPrivacy.confirmLabel")}>
          <span class="small">{t("contactPrivacy.confirmText", { name: c.name })}</span>{" "}
          <button
            type="button"
            class="button button-danger button-small"
            disabled={submit.busy}
            onClick={() => void erase()}
          >
            {t("contactPrivacy.confirmErase")}
          </button>
          <button type="button" class="button button-small" onClick={() => setConfirming(false)}>
            {t("common.keep")}
          </button>
        </span>
      ) : (
        <button
          type="button"
          class="button button-ghost button-small"
          aria-label={t("contactPrivacy.eraseName", { name: c.name })}
          onClick={() => setConfirming(true)}
        >
          {t("contactPrivacy.erase")}
        </button>
      )}
      <ProblemBanner problem={submit.banner} />
    </div>
  );
}
