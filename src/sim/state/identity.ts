/** The simulator's Keystone content: projects, users, roles. Ids match the lab recording where it has them. */
export const ROLE_IDS = {
  admin: '35c1038538e9498688a2f631c5eff078',
  member: 'c5d6c7b913e64671a9fb0d5f56bbac27',
  reader: '0a26c9a4befa456da68f0f9bccc56aad',
} as const;
export type RoleName = keyof typeof ROLE_IDS;

export const PROJECT_IDS = {
  admin: '721ab6502e7142728bc5413b3d30d38b',
  demo: '2c72c112c0944ccfa5eba64442c61478',
  alt: 'bede497ddb324593ac0f4a30e4ad5cc2',
} as const;
export type ProjectName = keyof typeof PROJECT_IDS;

export const USER_IDS = {
  admin: 'a7759bbcc9f7470798f3ec07162b1f58',
  demo: 'f2a02316ac5643f0a6e76ce4d4216c67',
  alt: '74daf1949ab449bb985fab7d19a73cbc',
  auditor: '5d1c3b0e8a7f4e2c9b6d4a1f0e3c2b71',
} as const;
export type UserName = keyof typeof USER_IDS;

export interface SimUser {
  id: string;
  name: UserName;
  password: string;
  defaultProject: ProjectName;
  /** Role assignments per project. */
  roles: Partial<Record<ProjectName, RoleName[]>>;
}

export const USERS: readonly SimUser[] = [
  {
    id: USER_IDS.admin,
    name: 'admin',
    password: 'admin-secret',
    defaultProject: 'admin',
    roles: { admin: ['admin', 'member', 'reader'], demo: ['member'] },
  },
  {
    id: USER_IDS.demo,
    name: 'demo',
    password: 'demo-secret',
    defaultProject: 'demo',
    roles: { demo: ['member', 'reader'] },
  },
  {
    id: USER_IDS.alt,
    name: 'alt',
    password: 'alt-secret',
    defaultProject: 'alt',
    roles: { alt: ['member', 'reader'] },
  },
  {
    id: USER_IDS.auditor,
    name: 'auditor',
    password: 'auditor-secret',
    defaultProject: 'demo',
    roles: { demo: ['reader'] },
  },
];

/** One application credential per user, scoped to the user's default project with its roles. */
export interface SimAppCredential {
  id: string;
  name: string;
  secret: string;
  user: UserName;
}
export const APP_CREDENTIALS: readonly SimAppCredential[] = USERS.map((u, i) => ({
  id: `a9c0ffee0000400${i}8000${u.id.slice(0, 12)}`.slice(0, 32),
  name: `sim-${u.name}`,
  secret: `${u.name}-appcred-secret`,
  user: u.name,
}));

export const DOMAIN = { id: 'default', name: 'Default' } as const;

export function projectNameOf(id: string): ProjectName | undefined {
  return (Object.keys(PROJECT_IDS) as ProjectName[]).find((k) => PROJECT_IDS[k] === id);
}
export function userById(id: string): SimUser | undefined {
  return USERS.find((u) => u.id === id);
}
export function userByName(name: string): SimUser | undefined {
  return USERS.find((u) => u.name === name);
}
