/** Audit lines about a person's own session: sign-in (and failed attempts), sign-out, project switch. */
import type { AuditEntry } from '../audit-log';

export function teamAuditEntry(
  cloud: string,
  who: { user: string; project: string | null },
  fields: Pick<AuditEntry, 'action' | 'outcome' | 'status' | 'requestId' | 'targets' | 'path'> & {
    code?: string;
  },
): AuditEntry {
  return { time: new Date().toISOString(), cloud, ...who, method: 'POST', ...fields };
}
