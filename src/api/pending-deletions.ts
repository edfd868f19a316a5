/**
 * Image ids the app itself deleted (one by one or in a bulk job) since the last refresh. Glance's
 * `updated_at` filter never reports a deleted image, so an incremental refresh drops these ids itself;
 * a full refresh reconciles anything deleted elsewhere.
 */
const deleted = new Set<string>();

export function noteDeletedImages(ids: Iterable<string>): void {
  for (const id of ids) deleted.add(id);
}

/** The ids noted so far; the set is emptied. */
export function takeDeletedImages(): Set<string> {
  const out = new Set(deleted);
  deleted.clear();
  return out;
}
