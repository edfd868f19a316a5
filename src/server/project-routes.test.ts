import { describe, expect, it } from 'vitest';
import type { ErrorEnvelope } from '../openstack/errors';
import { OpenStackError } from '../openstack/errors';
import { PROJECT_IDS } from '../sim';
import { listProjectNames, type ProjectName } from './project-routes';
import { simStack } from './sim-stack';
import { url } from './test-helpers';

const project = (id: string, name: string) => ({ id, name, domain_id: 'default', enabled: true });

describe('GET /api/projects', () => {
  it('gives an admin every project of the cloud (Keystone /v3/projects), sorted by name', async () => {
    const { app, sim } = await simStack({ user: 'admin' });
    const res = await app.request(url('/api/projects'));
    expect(res.status).toBe(200);
    expect((await res.json()) as ProjectName[]).toEqual([
      { id: PROJECT_IDS.admin, name: 'admin' },
      { id: PROJECT_IDS.alt, name: 'alt' },
      { id: PROJECT_IDS.demo, name: 'demo' },
    ]);
    expect(sim.requestLog().some((r) => r.service === 'identity' && r.path === '/v3/projects')).toBe(true);
  });

  it('gives a member only the projects their token may scope to (/v3/auth/projects)', async () => {
    const { app, sim } = await simStack({ user: 'demo' });
    const res = await app.request(url('/api/projects'));
    expect(res.status).toBe(200);
    expect((await res.json()) as ProjectName[]).toEqual([{ id: PROJECT_IDS.demo, name: 'demo' }]);
    expect(sim.requestLog().some((r) => r.service === 'identity' && r.path === '/v3/projects')).toBe(false);
  });

  it('answers a Keystone failure with the error envelope of the identity service', async () => {
    const { app, sim } = await simStack({ user: 'admin' });
    sim.setFaults({ errorRate: 1, services: ['identity'], pathPattern: 'projects' });
    const res = await app.request(url('/api/projects'));
    const body = (await res.json()) as ErrorEnvelope;
    expect(res.status).toBe(503);
    expect(body).toMatchObject({ service: 'identity', status: 503 });
    expect(body.requestId).toBeTruthy();
  });
});

describe('listProjectNames', () => {
  const forbidden = new OpenStackError({
    code: 'forbidden',
    message: 'You are not authorized to perform the requested action: identity:list_projects.',
    service: 'identity',
    status: 403,
    requestId: null,
  });

  it('falls back to the admin’s own projects when the policy refuses the full list', async () => {
    const names = await listProjectNames(
      {
        listAllProjects: () => Promise.reject(forbidden),
        listProjects: () => Promise.resolve([project('p2', 'zeta'), project('p1', 'alpha')]),
      },
      true,
    );
    expect(names).toEqual([
      { id: 'p1', name: 'alpha' },
      { id: 'p2', name: 'zeta' },
    ]);
  });

  it('passes other failures of the full list on', async () => {
    const down = new OpenStackError({ ...forbidden.envelope, code: 'upstream_error', status: 502 });
    await expect(
      listProjectNames(
        { listAllProjects: () => Promise.reject(down), listProjects: () => Promise.resolve([]) },
        true,
      ),
    ).rejects.toBe(down);
  });

  it('never asks for the full list for a non-admin', async () => {
    let asked = false;
    await listProjectNames(
      {
        listAllProjects: () => {
          asked = true;
          return Promise.resolve([]);
        },
        listProjects: () => Promise.resolve([project('p1', 'mine')]),
      },
      false,
    );
    expect(asked).toBe(false);
  });
});
