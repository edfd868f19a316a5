/**
 * Signed-in people, in this process's memory: session id → their Keystone session. A session ends at
 * sign-out, when its token expires, when Keystone stops accepting the token, or after `idleMs` without a
 * request. Every ended session's token is revoked at Keystone (best effort: a failure is logged).
 *
 * This store is one replica's own: for several replicas, SharedSessionStore (shared-session-store.ts)
 * keeps each session in a directory they share (see the README, "Team mode").
 */
import { newSessionId } from './session-cookie';

/** What the store needs of a person's session (PersonSession; tests use fakes). */
export interface StoredSession {
  expiresAtMs(): number;
  readonly ended: boolean;
  revoke(): Promise<void>;
}

/**
 * What team mode asks of its session store: this in-memory one (synchronous) or SharedSessionStore
 * (asynchronous: it reads and writes the shared directory).
 */
export interface TeamSessionStore<S extends StoredSession> {
  readonly size: number;
  create(session: S): string | Promise<string>;
  get(id: string | null): S | null | Promise<S | null>;
  touch(id: string): void | Promise<void>;
  replace(id: string, session: S): void | Promise<void>;
  destroy(id: string | null): Promise<boolean>;
  /** The proxy stops. */
  close(): Promise<void>;
  maxAgeSeconds(session: S): number;
}

interface Entry<S> {
  session: S;
  lastSeen: number;
}

export interface SessionStoreOptions {
  idleMs: number;
  now?: () => number;
  onRevokeError?: (e: unknown) => void;
}

export class SessionStore<S extends StoredSession> implements TeamSessionStore<S> {
  readonly #entries = new Map<string, Entry<S>>();
  readonly #idleMs: number;
  readonly #now: () => number;
  readonly #onRevokeError: (e: unknown) => void;

  constructor(opts: SessionStoreOptions) {
    this.#idleMs = opts.idleMs;
    this.#now = opts.now ?? Date.now;
    this.#onRevokeError = opts.onRevokeError ?? (() => undefined);
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Stores a new session under a fresh id (never one the client chose). */
  create(session: S): string {
    this.sweep();
    const id = newSessionId();
    this.#entries.set(id, { session, lastSeen: this.#now() });
    return id;
  }

  /** The live session for `id`, or null; an expired or idle one is ended (and revoked) on the way. */
  get(id: string | null): S | null {
    if (!id) return null;
    const e = this.#entries.get(id);
    if (!e) return null;
    if (this.#isOver(e, this.#now())) {
      void this.#end(id, e);
      return null;
    }
    return e.session;
  }

  /** Marks activity (restarts the idle clock). */
  touch(id: string): void {
    const e = this.#entries.get(id);
    if (e) e.lastSeen = this.#now();
  }

  /** Swaps the session kept under `id` (project switch), keeping the id and the idle clock. */
  replace(id: string, session: S): void {
    const e = this.#entries.get(id);
    if (e) e.session = session;
  }

  /** Ends the session and revokes its token; resolves when Keystone answered (never rejects). */
  async destroy(id: string | null): Promise<boolean> {
    if (!id) return false;
    const e = this.#entries.get(id);
    if (!e) return false;
    return this.#end(id, e);
  }

  /** Ends every session (the proxy stops): every token is revoked. */
  async destroyAll(): Promise<void> {
    await Promise.all([...this.#entries.keys()].map((id) => this.destroy(id)));
  }

  /** The proxy stops: its sessions exist nowhere else, so every one ends (and its token is revoked). */
  close(): Promise<void> {
    return this.destroyAll();
  }

  /** Ends every session that is over (called on each sign-in, so memory stays bounded). */
  sweep(): void {
    const now = this.#now();
    for (const [id, e] of [...this.#entries]) if (this.#isOver(e, now)) void this.#end(id, e);
  }

  /** Seconds the cookie should live: until the token expires. */
  maxAgeSeconds(session: S): number {
    const left = session.expiresAtMs() - this.#now();
    return Number.isFinite(left) ? Math.max(0, left / 1000) : this.#idleMs / 1000;
  }

  #isOver(e: Entry<S>, now: number): boolean {
    return e.session.ended || now >= e.session.expiresAtMs() || now - e.lastSeen >= this.#idleMs;
  }

  async #end(id: string, e: Entry<S>): Promise<boolean> {
    this.#entries.delete(id);
    try {
      await e.session.revoke();
      return true;
    } catch (err) {
      this.#onRevokeError(err);
      return false;
    }
  }
}
