/**
 * Team-mode sessions shared by several proxy replicas through a directory (`--session-dir`): one file per
 * session, named by SHA-256 of the session id, holding the person's Keystone token and token body sealed
 * with AES-256-GCM under a key derived (HKDF-SHA256) from the session id itself. The directory alone
 * yields no token: only the browser's cookie opens its record. Files are written atomically (temp file +
 * rename), mode 0600, in a directory made 0700.
 *
 * - A replica that gets a cookie it does not know reads the record and rebuilds the session (no
 *   password needed), then keeps it in memory; every request still checks (one stat) that the record
 *   exists and is the same file, so a sign-out, an ending or a project switch on another replica is seen
 *   at the next request here.
 * - Idleness is the file's mtime, refreshed at most every `touchEveryMs` per session, so activity on any
 *   replica keeps the session alive on all of them.
 * - Ending a session deletes its file; whichever replica's unlink succeeds revokes the token, so it is
 *   revoked once. Stopping a replica ends nothing: the others (and the replica after a restart) go on.
 * - The sweep at each sign-in ends this replica's sessions that are over and removes records idle for
 *   longer than the idle time that no replica here holds (their tokens, which nobody can read any more,
 *   are left to expire at Keystone).
 */
import { chmodSync, mkdirSync } from 'node:fs';
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { open, readdir, readFile, rename, stat, unlink, utimes } from 'node:fs/promises';
import path from 'node:path';
import { newSessionId } from './session-cookie';
import type { SessionStoreOptions, StoredSession, TeamSessionStore } from './session-store';

const KEY_INFO = 'glance-lineage team session record v1';
const FORMAT = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const TOUCH_EVERY_MS = 30_000;
const RECORD_NAME = /^[0-9a-f]{64}$/;
const TEMP_NAME = /^[0-9a-f]{64}\.[0-9a-f]+\.tmp$/;

/** The file name of a session's record: SHA-256 of the session id, hex. */
export function recordName(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

function keyOf(id: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(id, 'base64url'), Buffer.alloc(0), KEY_INFO, 32));
}

interface SealedRecord {
  createdAt: number;
  session: unknown;
}

/** format byte | IV | GCM tag | ciphertext; the file name is bound in as additional data. */
export function sealRecord(id: string, record: SealedRecord): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyOf(id), iv);
  cipher.setAAD(Buffer.from(recordName(id)));
  const body = Buffer.concat([cipher.update(JSON.stringify(record), 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.from([FORMAT]), iv, cipher.getAuthTag(), body]);
}

/** The record, or null when the bytes are not a record sealed for this id (tampered, truncated, other). */
export function openRecord(id: string, bytes: Buffer): SealedRecord | null {
  if (bytes.length <= 1 + IV_BYTES + TAG_BYTES || bytes[0] !== FORMAT) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(id), bytes.subarray(1, 1 + IV_BYTES));
    decipher.setAAD(Buffer.from(recordName(id)));
    decipher.setAuthTag(bytes.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES));
    const plain = Buffer.concat([
      decipher.update(bytes.subarray(1 + IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
    const r = JSON.parse(plain) as Partial<SealedRecord> | null;
    return r && typeof r.createdAt === 'number' && 'session' in r
      ? { createdAt: r.createdAt, session: r.session }
      : null;
  } catch {
    return null;
  }
}

export interface SharedSessionStoreOptions<S> extends SessionStoreOptions {
  dir: string;
  /** The session as plain data (the token included: it is sealed before it reaches the disk). */
  encode: (session: S) => unknown;
  /** The session back from `encode`'s data, or null if it is not one. */
  decode: (data: unknown) => S | null;
  touchEveryMs?: number;
}

interface Cached<S> {
  session: S;
  /** The record file this session was read from or written as (a rewrite is a new file). */
  ino: number;
  createdAt: number;
  lastSeen: number;
  /** The mtime last written (touches are spaced by touchEveryMs). */
  written: number;
}

function isMissing(e: unknown): boolean {
  return (e as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}

export class SharedSessionStore<S extends StoredSession> implements TeamSessionStore<S> {
  readonly #cache = new Map<string, Cached<S>>();
  readonly #dir: string;
  readonly #idleMs: number;
  readonly #now: () => number;
  readonly #onRevokeError: (e: unknown) => void;
  readonly #encode: (session: S) => unknown;
  readonly #decode: (data: unknown) => S | null;
  readonly #touchEveryMs: number;

  constructor(opts: SharedSessionStoreOptions<S>) {
    this.#dir = opts.dir;
    this.#idleMs = opts.idleMs;
    this.#now = opts.now ?? Date.now;
    this.#onRevokeError = opts.onRevokeError ?? (() => undefined);
    this.#encode = opts.encode;
    this.#decode = opts.decode;
    this.#touchEveryMs = opts.touchEveryMs ?? TOUCH_EVERY_MS;
    mkdirSync(this.#dir, { recursive: true, mode: 0o700 });
    chmodSync(this.#dir, 0o700);
  }

  /** Sessions this replica holds in memory. */
  get size(): number {
    return this.#cache.size;
  }

  async create(session: S): Promise<string> {
    await this.sweep();
    const id = newSessionId();
    const now = this.#now();
    const ino = await this.#write(id, { createdAt: now, session: this.#encode(session) }, now);
    this.#cache.set(id, { session, ino, createdAt: now, lastSeen: now, written: now });
    return id;
  }

  async get(id: string | null): Promise<S | null> {
    if (!id) return null;
    const e = await this.#load(id);
    if (!e) return null;
    if (this.#isOver(e, this.#now())) {
      void this.#end(id, e.session);
      return null;
    }
    return e.session;
  }

  async touch(id: string): Promise<void> {
    const e = this.#cache.get(id);
    if (!e) return;
    const now = this.#now();
    e.lastSeen = Math.max(e.lastSeen, now);
    if (now - e.written < this.#touchEveryMs) return;
    e.written = now;
    await utimes(this.#file(id), now / 1000, now / 1000).catch(() => undefined);
  }

  /** Rewrites the record (project switch): every replica picks the new session up at its next request. */
  async replace(id: string, session: S): Promise<void> {
    const before = this.#cache.get(id);
    const exists = await stat(this.#file(id)).then(
      () => true,
      () => false,
    );
    // Ended meanwhile (signed out on another replica): do not bring it back.
    if (!exists) {
      this.#cache.delete(id);
      return;
    }
    const now = this.#now();
    const createdAt = before?.createdAt ?? now;
    const ino = await this.#write(id, { createdAt, session: this.#encode(session) }, now);
    this.#cache.set(id, { session, ino, createdAt, lastSeen: now, written: now });
  }

  async destroy(id: string | null): Promise<boolean> {
    if (!id) return false;
    const e = await this.#load(id);
    return e ? this.#end(id, e.session) : false;
  }

  /** The proxy stops: the sessions stay in the directory for the other replicas (and a restart). */
  close(): Promise<void> {
    this.#cache.clear();
    return Promise.resolve();
  }

  /** Ends this replica's sessions that are over; removes idle records nobody here holds, and stale temp files. */
  async sweep(): Promise<void> {
    const now = this.#now();
    for (const [id, e] of [...this.#cache]) if (this.#isOver(e, now)) void this.#end(id, e.session);
    const held = new Set([...this.#cache.keys()].map(recordName));
    let names: string[];
    try {
      names = await readdir(this.#dir);
    } catch {
      return;
    }
    await Promise.all(
      names.map(async (name) => {
        const isRecord = RECORD_NAME.test(name);
        if ((!isRecord && !TEMP_NAME.test(name)) || held.has(name)) return;
        const file = path.join(this.#dir, name);
        try {
          const st = await stat(file);
          const age = isRecord ? now - st.mtimeMs : Date.now() - st.mtimeMs;
          if (age >= (isRecord ? this.#idleMs : 60_000)) await unlink(file);
        } catch {
          // Gone already, or not ours to remove.
        }
      }),
    );
  }

  maxAgeSeconds(session: S): number {
    const left = session.expiresAtMs() - this.#now();
    return Number.isFinite(left) ? Math.max(0, left / 1000) : this.#idleMs / 1000;
  }

  #file(id: string): string {
    return path.join(this.#dir, recordName(id));
  }

  /** The session the record names, from memory while the record is the same file, else read from disk. */
  async #load(id: string): Promise<Cached<S> | null> {
    const file = this.#file(id);
    let st;
    try {
      st = await stat(file);
    } catch {
      this.#cache.delete(id);
      return null;
    }
    const cached = this.#cache.get(id);
    if (cached && cached.ino === st.ino) {
      cached.lastSeen = Math.max(cached.lastSeen, st.mtimeMs);
      return cached;
    }
    this.#cache.delete(id);
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      return null;
    }
    const record = openRecord(id, bytes);
    const session = record ? this.#decode(record.session) : null;
    if (!record || !session) return null;
    const e: Cached<S> = {
      session,
      ino: st.ino,
      createdAt: record.createdAt,
      lastSeen: st.mtimeMs,
      written: st.mtimeMs,
    };
    this.#cache.set(id, e);
    return e;
  }

  #isOver(e: Cached<S>, now: number): boolean {
    return e.session.ended || now >= e.session.expiresAtMs() || now - e.lastSeen >= this.#idleMs;
  }

  /** Deletes the record; the replica whose delete succeeded revokes the token (once, across replicas). */
  async #end(id: string, session: S): Promise<boolean> {
    this.#cache.delete(id);
    try {
      await unlink(this.#file(id));
    } catch (e) {
      // Gone: another replica ended it (and revoked the token). Any other failure: revoke anyway.
      if (isMissing(e)) return false;
    }
    try {
      await session.revoke();
      return true;
    } catch (err) {
      this.#onRevokeError(err);
      return false;
    }
  }

  /** Writes the sealed record atomically (temp file, then rename) with mtime `mtimeMs`; its inode. */
  async #write(id: string, record: SealedRecord, mtimeMs: number): Promise<number> {
    const file = this.#file(id);
    const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    const fh = await open(tmp, 'wx', 0o600);
    let ino: number;
    try {
      await fh.writeFile(sealRecord(id, record));
      await fh.sync();
      ino = (await fh.stat()).ino;
    } catch (e) {
      await fh.close().catch(() => undefined);
      await unlink(tmp).catch(() => undefined);
      throw e;
    }
    await fh.close();
    try {
      await utimes(tmp, mtimeMs / 1000, mtimeMs / 1000);
      await rename(tmp, file);
    } catch (e) {
      await unlink(tmp).catch(() => undefined);
      throw e;
    }
    return ino;
  }
}
