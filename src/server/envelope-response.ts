/** Responses carrying the one error envelope (`{code, message, service, status, requestId}`). */
import type { ErrorCode, ErrorEnvelope, ServiceName } from '../openstack/errors';

export function proxyEnvelope(
  code: ErrorCode,
  status: number,
  message: string,
  requestId: string | null,
  service: ServiceName = 'proxy',
): ErrorEnvelope {
  return { code, message, service, status, requestId };
}

export function envelopeResponse(envelope: ErrorEnvelope, requestId: string): Response {
  return new Response(JSON.stringify(envelope), {
    status: envelope.status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'x-request-id': requestId,
    },
  });
}

export function newRequestId(): string {
  return `req-${crypto.randomUUID()}`;
}
