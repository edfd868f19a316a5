/**
 * The audit log: one JSON line per mutating request the proxy forwarded or refused. The file store
 * appends each line with appendFileSync, so a crash loses at most the line being written.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { AuditEntry, AuditOutcome } from '../wire/audit';

export type { AuditEntry, AuditOutcome } from '../wire/audit';

export interface AuditQuery {
  action?: string;
  outcome?: AuditOutcome;
  /** Free text matched against targets, path, user and project. */
  q?: string;
  limit?: number;
}

export interface AuditLog {
  append(entry: AuditEntry): void;
  /** Entries matching the query, newest first. */
  list(query?: AuditQuery): AuditEntry[];
  /** The whole log as JSON lines, oldest first (what the export downloads). */
  exportJsonl(): string;
}

export const DEFAULT_AUDIT_FILE = path.join('.audit', 'audit.jsonl');
const DEFAULT_LIMIT = 200;
const MAX_LIMIT = 5000;

function matches(e: AuditEntry, q: AuditQuery): boolean {
  if (q.action && e.action !== q.action && !e.action.startsWith(`${q.action}.`)) return false;
  if (q.outcome && e.outcome !== q.outcome) return false;
  if (q.q) {
    const needle = q.q.toLowerCase();
    const hay = [e.path, e.user, e.project ?? '', e.action, ...e.targets].join('\n').toLowerCase();
    if (!hay.includes(needle)) return false;
  }
  return true;
}

function select(entries: readonly AuditEntry[], query: AuditQuery = {}): AuditEntry[] {
  const limit = Math.min(Math.max(1, query.limit ?? DEFAULT_LIMIT), MAX_LIMIT);
  const out: AuditEntry[] = [];
  for (let i = entries.length - 1; i >= 0 && out.length < limit; i--) {
    const e = entries[i]!;
    if (matches(e, query)) out.push(e);
  }
  return out;
}

function isAuditEntry(v: unknown): v is AuditEntry {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return typeof o.time === 'string' && typeof o.action === 'string' && Array.isArray(o.targets);
}

/** Parses JSON lines, skipping a torn last line (or any line that is not an entry). */
export function parseAuditJsonl(text: string): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const v: unknown = JSON.parse(line);
      if (isAuditEntry(v)) out.push(v);
    } catch {
      continue;
    }
  }
  return out;
}

/** Keeps entries in memory (tests, or when no file is wanted). */
export function createMemoryAuditLog(initial: AuditEntry[] = []): AuditLog {
  const entries = [...initial];
  return {
    append(entry) {
      entries.push(entry);
    },
    list(query) {
      return select(entries, query);
    },
    exportJsonl() {
      return entries.map((e) => JSON.stringify(e) + '\n').join('');
    },
  };
}

/**
 * Appends to `file` (created with its directory on first write) and keeps an in-memory copy for
 * queries; entries already in the file are loaded at start.
 */
export function createFileAuditLog(file: string): AuditLog {
  const existing = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const entries = parseAuditJsonl(existing);
  let dirReady = false;
  /** A torn last line (crash mid-write) must not swallow the next entry. */
  let startOnNewLine = existing.length > 0 && !existing.endsWith('\n');
  return {
    append(entry) {
      if (!dirReady) {
        mkdirSync(path.dirname(file), { recursive: true });
        dirReady = true;
      }
      const line = (startOnNewLine ? '\n' : '') + JSON.stringify(entry) + '\n';
      appendFileSync(file, line, { encoding: 'utf8', mode: 0o600 });
      startOnNewLine = false;
      entries.push(entry);
    },
    list(query) {
      return select(entries, query);
    },
    exportJsonl() {
      return existsSync(file) ? readFileSync(file, 'utf8') : '';
    },
  };
}
