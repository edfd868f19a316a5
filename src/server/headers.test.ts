import { describe, expect, it } from 'vitest';
import { forwardRequestHeaders, forwardResponseHeaders, redactSecrets } from './headers';

describe('headers across the proxy', () => {
  it('forwards only the allowlisted request headers, never cookies or a browser token', () => {
    const out = forwardRequestHeaders(
      new Headers({
        'content-type': 'application/openstack-images-v2.1-json-patch',
        accept: 'application/json',
        'content-length': '42',
        cookie: 'session=1',
        'x-auth-token': 'stolen',
        connection: 'keep-alive',
        'x-glance-lineage': '1',
        'openstack-api-version': 'compute 2.1',
      }),
      true,
    );
    expect([...out.keys()].sort()).toEqual(['accept', 'content-length', 'content-type']);
    expect(forwardRequestHeaders(new Headers({ 'content-length': '0' }), false).has('content-length')).toBe(
      false,
    );
  });

  it('drops hop-by-hop, cookie, token and upstream-location headers from responses', () => {
    const out = forwardResponseHeaders(
      new Headers({
        'content-type': 'application/octet-stream',
        'content-length': '10',
        'content-md5': 'abc',
        'x-openstack-request-id': 'req-1',
        'transfer-encoding': 'chunked',
        'keep-alive': 'timeout=5',
        connection: 'close, x-private',
        'x-private': 'hop',
        'proxy-authenticate': 'Basic',
        'set-cookie': 'a=b',
        'x-subject-token': 'tok',
        location: 'http://10.0.0.5:9292/v2/images/x',
      }),
    );
    expect([...out.keys()].sort()).toEqual([
      'content-length',
      'content-md5',
      'content-type',
      'x-openstack-request-id',
    ]);
  });

  it('drops content-length together with content-encoding (the body was decoded)', () => {
    const out = forwardResponseHeaders(new Headers({ 'content-encoding': 'gzip', 'content-length': '10' }));
    expect(out.has('content-encoding')).toBe(false);
    expect(out.has('content-length')).toBe(false);
  });

  it('redacts tokens and secrets in log lines', () => {
    expect(redactSecrets('X-Auth-Token: gAAAAAB123 and x-subject-token=abc')).toBe(
      'X-Auth-Token: *** and x-subject-token=***',
    );
    expect(redactSecrets('{"password": "hunter2", "application_credential_secret":"s3"}')).toBe(
      '{"password": "***", "application_credential_secret":"***"}',
    );
  });
});
