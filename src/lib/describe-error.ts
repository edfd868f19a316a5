import { isErrorEnvelope, isOpenStackError, type ErrorEnvelope } from '../openstack/errors';

/**
 * Any thrown value as the error envelope the UI shows (message, status, request id).
 * OpenStackError carries its envelope; a bare envelope passes through; anything else becomes `internal`.
 */
export function describeError(error: unknown): ErrorEnvelope {
  if (isOpenStackError(error)) return error.envelope;
  if (isErrorEnvelope(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message, service: 'proxy', status: 0, requestId: null };
}

/** Worth retrying automatically: the network or the upstream failed, not the request itself. */
export function isRetryable(error: unknown): boolean {
  const { status, code } = describeError(error);
  if (code === 'upstream_unreachable' || code === 'upstream_timeout' || code === 'rate_limited') return true;
  return status === 0 || status >= 500;
}
