import type { LeavingHolder } from "../api/types";
import { formatDate, formatList } from "../app/format";
import { t } from "../i18n";

/** A holder's name with their last day when it is set. */
function holderLabel(h: LeavingHolder): string {
  return h.leave_date
    ? t("hr.leaving.nameLeaves", { name: h.display_name, date: formatDate(h.leave_date) })
    : h.display_name;
}

/**
 * Says plainly that an account's only other holders are leaving too, and names them: the
 * account then rests on the leaver alone, however many holders it still lists. Renders nothing
 * when `holders` is empty (someone staying holds it too, or nobody else does).
 */
export function LeavingHoldersNote(props: { holders: readonly LeavingHolder[] }) {
  if (props.holders.length === 0) return null;
  return (
    <p class="leaving-note small" data-testid="other-holders-leaving">
      <span class="leaving-note-mark" aria-hidden="true">
        ⚠
      </span>{" "}
      {t("hr.leaving.otherHoldersLeaving", {
        count: props.holders.length,
        names: formatList(props.holders.map(holderLabel)),
      })}
    </p>
  );
}
