/**
 * The one error envelope every failure reaches the browser (and the CLI) as.
 * Mapping from Glance/Nova/Keystone bodies and network failures lives in `error-mapping.ts`.
 */
export type ErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unsupported_media_type'
  | 'not_acceptable'
  | 'rate_limited'
  | 'upstream_error'
  | 'upstream_unreachable'
  | 'upstream_timeout'
  | 'read_only'
  | 'csrf_rejected'
  | 'host_rejected'
  | 'route_not_allowed'
  | 'config_error'
  | 'auth_failed'
  | 'internal';

export type ServiceName = 'identity' | 'image' | 'compute' | 'proxy';

export interface ErrorEnvelope {
  code: ErrorCode;
  message: string;
  service: ServiceName;
  status: number;
  requestId: string | null;
}

/** Thrown by every client in `src/openstack`; carries the envelope. */
export class OpenStackError extends Error {
  readonly envelope: ErrorEnvelope;
  constructor(envelope: ErrorEnvelope, options?: { cause?: unknown }) {
    super(envelope.message, options);
    this.name = 'OpenStackError';
    this.envelope = envelope;
  }
  get status(): number {
    return this.envelope.status;
  }
  get code(): ErrorCode {
    return this.envelope.code;
  }
}

export function isOpenStackError(e: unknown): e is OpenStackError {
  return e instanceof OpenStackError;
}

export function isErrorEnvelope(v: unknown): v is ErrorEnvelope {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return typeof o.code === 'string' && typeof o.message === 'string' && typeof o.status === 'number';
}
