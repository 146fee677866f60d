/**
 * Optimistic concurrency: every record carries a `version`; writes to it send
 * `If-Match: "<version>"` (the ETag the server issued for that version).
 */
export function ifMatch(
  record: { version?: number | null } | null | undefined,
): string | undefined {
  const version = record?.version;
  return version == null || !Number.isFinite(version) ? undefined : `"${version}"`;
}

/** Reads the version back out of an ETag (`"7"` or `W/"7"`); null when it is not one. */
export function versionFromEtag(etag: string | null | undefined): number | null {
  if (!etag) return null;
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(etag.trim());
  return match ? Number(match[1]) : null;
}
