import { describe, expect, it } from 'vitest';
import { codeForStatus, errorFromNetwork, errorFromResponse, toEnvelope } from './error-mapping';
import { OpenStackError } from './errors';
import { recordedResponse } from './fixtures/recorded';

const WEBOB_409_HTML = `<html>
 <head>
  <title>409 Conflict</title>
 </head>
 <body>
  <h1>409 Conflict</h1>
  There was a conflict when trying to complete your request.<br /><br />
Property no_such_property does not exist.


 </body>
</html>`;

describe('errorFromResponse', () => {
  it('maps a real Glance JSON 404 and strips the <br /> junk', async () => {
    const e = await errorFromResponse('image', recordedResponse('glance-error-404'));
    expect(e).toBeInstanceOf(OpenStackError);
    expect(e.envelope).toEqual({
      code: 'not_found',
      message: 'No image found with ID 00000000-0000-0000-0000-000000000000',
      service: 'image',
      status: 404,
      requestId: 'req-6b9c0377-e852-4f92-8691-54f406ae8ad2',
    });
  });

  it('keeps both halves of a Glance 409 message', async () => {
    const e = await errorFromResponse('image', recordedResponse('glance-error-patch-remove-missing'));
    expect(e.code).toBe('conflict');
    expect(e.message).toBe(
      'There was a conflict when trying to complete your request. Property no_such_property does not exist.',
    );
  });

  it('maps Glance 415, 403 and 400 bodies', async () => {
    const e415 = await errorFromResponse('image', recordedResponse('glance-error-patch-wrong-type'));
    expect(e415.envelope).toMatchObject({ code: 'unsupported_media_type', status: 415 });
    expect(e415.message).toBe('The request media type application/json is not supported by this server.');
    const e403 = await errorFromResponse('image', recordedResponse('glance-error-delete-protected'));
    expect(e403.envelope).toMatchObject({ code: 'forbidden', status: 403 });
    expect(e403.message).toMatch(/is protected and cannot be deleted\.$/);
    const e400 = await errorFromResponse('image', recordedResponse('glance-error-bad-sort'));
    expect(e400.code).toBe('bad_request');
    expect(e400.message).not.toContain('<br');
  });

  it('maps a Glance HTML error page (no Accept: application/json)', async () => {
    const res = new Response(WEBOB_409_HTML, {
      status: 409,
      statusText: 'Conflict',
      headers: { 'content-type': 'text/html; charset=UTF-8', 'x-openstack-request-id': 'req-html' },
    });
    const e = await errorFromResponse('image', res);
    expect(e.envelope).toEqual({
      code: 'conflict',
      message:
        'There was a conflict when trying to complete your request. Property no_such_property does not exist.',
      service: 'image',
      status: 409,
      requestId: 'req-html',
    });
  });

  it('uses the <h1> of an HTML page that has no explanation', async () => {
    const res = new Response('<html><body><h1>503 Service Unavailable</h1></body></html>', {
      status: 503,
      headers: { 'content-type': 'text/html' },
    });
    const e = await errorFromResponse('image', res);
    expect(e.envelope).toMatchObject({
      code: 'upstream_error',
      status: 503,
      message: '503 Service Unavailable',
    });
  });

  it('maps Nova fault bodies and takes the request id from either header', async () => {
    const e = await errorFromResponse('compute', recordedResponse('nova-error-404'));
    expect(e.envelope).toEqual({
      code: 'not_found',
      message: 'Instance 00000000-0000-0000-0000-000000000000 could not be found.',
      service: 'compute',
      status: 404,
      requestId: 'req-da67c78f-f4cc-4472-b8b2-343860e0dd78',
    });
    const only = new Response('{"conflictingRequest":{"code":409,"message":"busy"}}', {
      status: 409,
      headers: { 'X-Compute-Request-Id': 'req-c' },
    });
    expect((await errorFromResponse('compute', only)).envelope).toMatchObject({
      requestId: 'req-c',
      code: 'conflict',
    });
  });

  it('maps the Nova 406 microversion fault to not_acceptable', async () => {
    const e = await errorFromResponse('compute', recordedResponse('nova-error-406-microversion'));
    expect(e.envelope).toMatchObject({ code: 'not_acceptable', status: 406 });
    expect(e.message).toContain('maximum is 2.93');
  });

  it('maps Keystone {"error": {...}} bodies', async () => {
    const res = new Response(
      JSON.stringify({
        error: {
          code: 401,
          title: 'Unauthorized',
          message: 'The request you have made requires authentication.',
        },
      }),
      { status: 401, headers: { 'content-type': 'application/json', 'x-openstack-request-id': 'req-k' } },
    );
    expect((await errorFromResponse('identity', res)).envelope).toEqual({
      code: 'unauthorized',
      message: 'The request you have made requires authentication.',
      service: 'identity',
      status: 401,
      requestId: 'req-k',
    });
  });

  it('passes an envelope from our proxy through unchanged', async () => {
    const envelope = {
      code: 'read_only',
      message: 'Read-only mode',
      service: 'proxy',
      status: 403,
      requestId: 'req-p',
    };
    const res = new Response(JSON.stringify(envelope), { status: 403, headers: { 'x-request-id': 'other' } });
    expect((await errorFromResponse('image', res)).envelope).toEqual(envelope);
  });

  it('fills a proxied envelope without a service or request id from the call and headers', async () => {
    const res = new Response(JSON.stringify({ code: 'conflict', message: 'x', status: 409 }), {
      status: 409,
      headers: { 'x-request-id': 'req-x' },
    });
    expect((await errorFromResponse('image', res)).envelope).toEqual({
      code: 'conflict',
      message: 'x',
      service: 'image',
      status: 409,
      requestId: 'req-x',
    });
  });

  it('says which service answered when the body is empty or unknown', async () => {
    const empty = await errorFromResponse(
      'compute',
      new Response(null, { status: 500, statusText: 'Internal Server Error' }),
    );
    expect(empty.envelope).toEqual({
      code: 'upstream_error',
      message: 'Nova answered HTTP 500 Internal Server Error',
      service: 'compute',
      status: 500,
      requestId: null,
    });
    const odd = await errorFromResponse('image', new Response('{"weird":[1,2]}', { status: 429 }));
    expect(odd.envelope).toMatchObject({ code: 'rate_limited', message: 'Glance answered HTTP 429' });
    const plain = await errorFromResponse(
      'image',
      new Response('401 Unauthorized\n\nThis server could not verify', { status: 401 }),
    );
    expect(plain.envelope).toMatchObject({
      code: 'unauthorized',
      message: '401 Unauthorized This server could not verify',
    });
  });

  it('treats a non-error status given to it as a bad upstream answer', async () => {
    const e = await errorFromResponse('image', new Response('', { status: 300 }));
    expect(e.envelope).toMatchObject({ code: 'upstream_error', status: 502 });
  });
});

describe('codeForStatus', () => {
  it.each([
    [400, 'bad_request'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [406, 'not_acceptable'],
    [409, 'conflict'],
    [413, 'bad_request'],
    [415, 'unsupported_media_type'],
    [429, 'rate_limited'],
    [500, 'upstream_error'],
    [503, 'upstream_error'],
  ])('%i -> %s', (status, code) => {
    expect(codeForStatus(status)).toBe(code);
  });
});

function nodeError(code: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(`connect ${code}`), { code, ...extra });
}

describe('errorFromNetwork', () => {
  it('maps a refused connection (wrapped like fetch does) to upstream_unreachable 502 naming service and host', () => {
    const err = new TypeError('fetch failed', {
      cause: nodeError('ECONNREFUSED', { address: '127.0.0.1', port: 9292 }),
    });
    const e = errorFromNetwork('image', err, 'http://127.0.0.1:9292/v2/images?limit=1000');
    expect(e.envelope).toEqual({
      code: 'upstream_unreachable',
      message: 'Cannot reach Glance at 127.0.0.1:9292: connection refused',
      service: 'image',
      status: 502,
      requestId: null,
    });
    expect(e.cause).toBe(err);
  });

  it('finds the host in the Node error when no URL is given', () => {
    const e = errorFromNetwork('identity', nodeError('ENOTFOUND', { hostname: 'keystone.example' }));
    expect(e.message).toBe('Cannot reach Keystone at keystone.example: host name not found');
    expect(errorFromNetwork('compute', nodeError('ECONNRESET')).message).toBe(
      'Cannot reach Nova: connection reset',
    );
  });

  it('maps timeouts to upstream_timeout 504', () => {
    const t = errorFromNetwork(
      'compute',
      new DOMException('The operation was aborted due to timeout', 'TimeoutError'),
      'http://nova:8774/v2.1',
    );
    expect(t.envelope).toMatchObject({
      code: 'upstream_timeout',
      status: 504,
      message: 'Nova at nova:8774 did not answer in time',
    });
    const abortedByTimeout = new DOMException('aborted', 'AbortError') as DOMException & { cause?: unknown };
    Object.defineProperty(abortedByTimeout, 'cause', { value: new DOMException('t', 'TimeoutError') });
    expect(errorFromNetwork('image', abortedByTimeout).code).toBe('upstream_timeout');
    expect(errorFromNetwork('image', nodeError('ETIMEDOUT')).code).toBe('upstream_timeout');
  });

  it('explains TLS failures', () => {
    const e = errorFromNetwork(
      'identity',
      new TypeError('fetch failed', { cause: nodeError('DEPTH_ZERO_SELF_SIGNED_CERT') }),
      'https://k:5000',
    );
    expect(e.code).toBe('upstream_unreachable');
    expect(e.message).toMatch(/^Cannot reach Keystone at k:5000: TLS certificate not accepted .*cacert/);
  });

  it('returns an OpenStackError unchanged', () => {
    const orig = new OpenStackError({
      code: 'conflict',
      message: 'x',
      service: 'image',
      status: 409,
      requestId: null,
    });
    expect(errorFromNetwork('image', orig)).toBe(orig);
  });
});

describe('toEnvelope', () => {
  it('unwraps OpenStackError, passes envelopes, maps network errors and hides nothing else as success', () => {
    const env = {
      code: 'forbidden' as const,
      message: 'no',
      service: 'image' as const,
      status: 403,
      requestId: 'r',
    };
    expect(toEnvelope(new OpenStackError(env))).toEqual(env);
    expect(toEnvelope(env)).toEqual(env);
    expect(
      toEnvelope(new TypeError('fetch failed', { cause: nodeError('ECONNREFUSED') }), 'compute'),
    ).toMatchObject({
      code: 'upstream_unreachable',
      service: 'compute',
      status: 502,
    });
    expect(toEnvelope(new Error('boom'))).toEqual({
      code: 'internal',
      message: 'boom',
      service: 'proxy',
      status: 500,
      requestId: null,
    });
    expect(toEnvelope('text')).toMatchObject({ code: 'internal', message: 'text' });
    expect(toEnvelope(undefined)).toMatchObject({ code: 'internal', message: 'unexpected error' });
  });
});
