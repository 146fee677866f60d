import { useCallback, useRef, useState } from "preact/hooks";
import { ApiError, type ProblemDocument } from "../api/problem";
import { t } from "../i18n";

/** The banner text for a stale write (412) and a write without If-Match (428). */
export const staleProblemTitle = () => t("problems.staleTitle");

/**
 * Places an API failure: a problem naming a field of this form goes next to that
 * field; anything else becomes the form's banner. Stale writes get a clearer title.
 */
export function placeError(
  error: unknown,
  fields: readonly string[],
): { fieldErrors: Record<string, string>; banner: ProblemDocument | null } {
  if (!(error instanceof ApiError)) {
    return {
      fieldErrors: {},
      banner: {
        type: "about:blank#client",
        title: t("problems.somethingWentWrong"),
        status: 0,
        detail: error instanceof Error ? error.message : String(error),
      },
    };
  }
  if (error.status === 412 || error.status === 428) {
    return {
      fieldErrors: {},
      banner: {
        ...error.problem,
        title: staleProblemTitle(),
        detail: t("problems.staleDetail"),
      },
    };
  }
  const field = error.field;
  if (field) {
    const base = field.replace(/\[\d+\]$|\.\d+$/, "");
    const match = fields.includes(field) ? field : fields.includes(base) ? base : null;
    if (match) {
      return {
        fieldErrors: { [match]: error.problem.detail || error.problem.title },
        banner: null,
      };
    }
  }
  return { fieldErrors: {}, banner: error.problem };
}

/**
 * State of one form's submission: busy flag, per-field errors and a banner.
 * `run` resolves true when the action succeeded.
 */
export function useSubmit(fields: readonly string[]) {
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [banner, setBanner] = useState<ProblemDocument | null>(null);
  const [lastError, setLastError] = useState<ApiError | null>(null);
  const busyRef = useRef(false);

  const run = useCallback(
    async (action: () => Promise<unknown>): Promise<boolean> => {
      if (busyRef.current) return false;
      busyRef.current = true;
      setBusy(true);
      setBanner(null);
      setFieldErrors({});
      setLastError(null);
      try {
        await action();
        return true;
      } catch (error) {
        const placed = placeError(error, fields);
        setFieldErrors(placed.fieldErrors);
        setBanner(placed.banner);
        if (error instanceof ApiError) setLastError(error);
        return false;
      } finally {
        busyRef.current = false;
        setBusy(false);
      }
    },
    [fields.join("|")],
  );

  const reset = useCallback(() => {
    setFieldErrors({});
    setBanner(null);
    setLastError(null);
  }, []);

  return { busy, fieldErrors, setFieldErrors, banner, setBanner, lastError, run, reset };
}
