/**
 * Which signed-in person a request (and everything it starts, jobs included) acts as: bound by the team
 * middleware with AsyncLocalStorage, so the proxy's upstream can stay one object in AppDeps while each
 * call goes out with the token of the person who made the request.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { SessionInfo } from '../../openstack/cloud-config';
import { OpenStackError } from '../../openstack/errors';
import type { ApiService, Transport } from '../../openstack/transport';
import type { PersonSession } from './person-session';

export interface RequestPerson {
  sessionId: string;
  person: PersonSession;
}

export const requestPerson = new AsyncLocalStorage<RequestPerson>();

export function currentPerson(): RequestPerson | null {
  return requestPerson.getStore() ?? null;
}

function signedOut(): OpenStackError {
  return new OpenStackError({
    code: 'unauthorized',
    message: 'Nobody is signed in on this request: sign in first.',
    service: 'proxy',
    status: 401,
    requestId: null,
  });
}

/** The upstream of team mode: the current request's person's Keystone session. */
export const personUpstream: Transport & { info(): SessionInfo } = {
  info() {
    const p = currentPerson();
    if (!p) throw signedOut();
    return p.person.info();
  },
  request(service: ApiService, path: string, init?: RequestInit): Promise<Response> {
    const p = currentPerson();
    return p ? p.person.request(service, path, init) : Promise.reject(signedOut());
  },
};
