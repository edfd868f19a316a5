/**
 * One line of the proxy's audit log, as the file holds it and as `GET /api/audit` answers it.
 * Shared by the proxy (src/server/audit-log.ts) and the browser (src/api/audit.ts).
 */
export type AuditOutcome = 'ok' | 'error' | 'refused';

export interface AuditEntry {
  time: string;
  cloud: string;
  project: string | null;
  user: string;
  /** e.g. 'image.delete', 'image.update', 'image.tag.add', 'server.createImage'. */
  action: string;
  method: string;
  path: string;
  targets: string[];
  outcome: AuditOutcome;
  status: number;
  requestId: string | null;
  /** Why a request was refused or failed (an error code), when it was. */
  code?: string;
}
