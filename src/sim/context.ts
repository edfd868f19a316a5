/** What every service handler shares: the model, the clock, the tokens. */
import type { Clock } from './clock';
import type { ListCache } from './services/list-cache';
import type { SimImage, SimServer, SimState } from './state/model';
import type { RoleName } from './state/identity';

export interface TokenRecord {
  id: string;
  userId: string;
  projectId: string;
  roles: RoleName[];
  methods: string[];
  issuedAt: number;
  expiresAt: number;
  revoked: boolean;
  auditId: string;
  appCredentialId: string | null;
}

export interface SimContext {
  state: SimState;
  clock: Clock;
  tokens: Map<string, TokenRecord>;
  /** Bumped on every change of the model; list caches key on it. */
  version: number;
  listCache: { images: ListCache<SimImage>; servers: ListCache<SimServer> };
}

/** The caller of a Glance/Nova request, resolved from X-Auth-Token. */
export interface Caller {
  token: TokenRecord;
  userId: string;
  projectId: string;
  roles: RoleName[];
  isAdmin: boolean;
  /** Has member (or admin) on its project: may write. A reader-only token may not. */
  canWrite: boolean;
}

export function resolveCaller(ctx: SimContext, req: Request): Caller | null {
  const id = req.headers.get('x-auth-token');
  if (!id) return null;
  const token = ctx.tokens.get(id);
  if (!token || token.revoked || token.expiresAt <= ctx.clock.now()) return null;
  return {
    token,
    userId: token.userId,
    projectId: token.projectId,
    roles: token.roles,
    isAdmin: token.roles.includes('admin'),
    canWrite: token.roles.includes('member') || token.roles.includes('admin'),
  };
}
