import { describe, expect, it } from 'vitest';
import { OpenStackError, type ErrorEnvelope } from '../openstack/errors';
import { describeError, isRetryable } from './describe-error';

const notFound: ErrorEnvelope = {
  code: 'not_found',
  message: 'Image 42 not found',
  service: 'image',
  status: 404,
  requestId: 'req-abc',
};

describe('describeError', () => {
  it('returns the envelope an OpenStackError carries', () => {
    expect(describeError(new OpenStackError(notFound))).toEqual(notFound);
  });
  it('passes a bare envelope through', () => {
    expect(describeError(notFound)).toBe(notFound);
  });
  it('wraps a plain Error as an internal error with its message', () => {
    expect(describeError(new TypeError('Failed to fetch'))).toMatchObject({
      code: 'internal',
      message: 'Failed to fetch',
      requestId: null,
    });
  });
});

describe('isRetryable', () => {
  it('retries upstream failures and network errors, not client errors', () => {
    expect(isRetryable(new OpenStackError({ ...notFound, code: 'upstream_error', status: 502 }))).toBe(true);
    expect(isRetryable(new TypeError('Failed to fetch'))).toBe(true);
    expect(isRetryable(new OpenStackError(notFound))).toBe(false);
    expect(isRetryable(new OpenStackError({ ...notFound, code: 'forbidden', status: 403 }))).toBe(false);
  });
});
