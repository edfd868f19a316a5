import { OpenStackError, isErrorEnvelope, type ServiceName } from '../openstack/errors';

/** Turns a non-2xx response from our proxy into an OpenStackError carrying the envelope. */
export async function errorFromResponse(res: Response, service: ServiceName): Promise<OpenStackError> {
  const text = await res.text().catch(() => '');
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (isErrorEnvelope(body)) return new OpenStackError(body);
  return new OpenStackError({
    code: res.status >= 500 ? 'upstream_error' : 'bad_request',
    message: text.slice(0, 300) || `${res.status} ${res.statusText}`.trim(),
    service,
    status: res.status,
    requestId: res.headers.get('x-openstack-request-id'),
  });
}

/** Reads a JSON body, or throws the error envelope of a failed response. */
export async function readJson<T>(res: Response, service: ServiceName): Promise<T> {
  if (!res.ok) throw await errorFromResponse(res, service);
  return (await res.json()) as T;
}
