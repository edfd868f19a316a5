/** Audit lines for what jobs do: each upstream mutation, and each job event (start, pause, cancel, ...). */
import type { AppDeps } from '../app-deps';
import type { AuditOutcome } from '../audit-log';
import { auditEntry } from '../forward';

export interface JobAuditFields {
  action: string;
  method: string;
  path: string;
  targets: string[];
  outcome: AuditOutcome;
  status: number;
  requestId: string | null;
  code?: string;
}

export type JobAudit = (fields: JobAuditFields) => void;

export function jobAudit(deps: AppDeps): JobAudit {
  return (fields) => {
    try {
      deps.audit.append(auditEntry(deps, fields));
    } catch (e) {
      // A full disk must not stop a running job half-way; the failure is logged.
      deps.log?.(`audit append failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
}
