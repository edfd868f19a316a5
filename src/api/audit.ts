/** The proxy's audit log (`/api/audit`): every mutation through the proxy, newest first. */
import { queryOptions } from '@tanstack/react-query';
import { readJson } from '../openstack/response';

import type { AuditEntry, AuditOutcome } from '../wire/audit';

export type { AuditEntry, AuditOutcome } from '../wire/audit';

export interface AuditFilter {
  action?: string;
  outcome?: AuditOutcome | '';
  q?: string;
  limit?: number;
}

export function auditQueryString(f: AuditFilter): string {
  const p = new URLSearchParams();
  if (f.action) p.set('action', f.action);
  if (f.outcome) p.set('outcome', f.outcome);
  if (f.q) p.set('q', f.q);
  if (f.limit) p.set('limit', String(f.limit));
  const s = p.toString();
  return s ? `?${s}` : '';
}

export async function listAudit(f: AuditFilter, signal?: AbortSignal): Promise<AuditEntry[]> {
  const res = await fetch(`/api/audit${auditQueryString(f)}`, { signal });
  return (await readJson<{ entries: AuditEntry[] }>('proxy', res)).entries;
}

export const AUDIT_EXPORT_URL = '/api/audit/export';

export const auditKeys = {
  all: ['audit'] as const,
  list: (f: AuditFilter) => [...auditKeys.all, 'list', f] as const,
};

export const auditQueries = {
  list: (f: AuditFilter) =>
    queryOptions({
      queryKey: auditKeys.list(f),
      queryFn: ({ signal }) => listAudit(f, signal),
      staleTime: 0,
    }),
};
