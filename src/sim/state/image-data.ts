/** Image content: small deterministic byte patterns with real hashes, or size-only synthetic data. */
import { createHash } from 'node:crypto';
import type { ImageData } from './model';

export interface DataHashes {
  size: number;
  checksum: string;
  osHashAlgo: 'sha512';
  osHashValue: string;
}

export function hashBytes(bytes: Uint8Array): DataHashes {
  return {
    size: bytes.byteLength,
    checksum: createHash('md5').update(bytes).digest('hex'),
    osHashAlgo: 'sha512',
    osHashValue: createHash('sha512').update(bytes).digest('hex'),
  };
}

const patternCache = new Map<string, { bytes: Uint8Array; hashes: DataHashes }>();

/** Deterministic bytes for a (label, size) pair; identical inputs share one buffer (never mutated). */
export function patternData(label: string, size: number): { data: ImageData; hashes: DataHashes } {
  const key = `${label}:${size}`;
  let hit = patternCache.get(key);
  if (!hit) {
    const bytes = new Uint8Array(size);
    const header = new TextEncoder().encode(`QFI\xfb sim-image ${label}\n`);
    bytes.set(header.subarray(0, Math.min(header.length, size)));
    let x = 2166136261;
    for (let i = 0; i < label.length; i++) x = Math.imul(x ^ label.charCodeAt(i), 16777619);
    for (let i = header.length; i < size; i++) {
      x = Math.imul(x ^ i, 16777619) >>> 0;
      bytes[i] = (i & 0xfff) < 0x200 ? x & 0xff : 0;
    }
    hit = { bytes, hashes: hashBytes(bytes) };
    patternCache.set(key, hit);
  }
  return { data: { kind: 'bytes', bytes: hit.bytes }, hashes: hit.hashes };
}

function fnvHex(seed: string, chars: number): string {
  let x = 2166136261;
  for (let i = 0; i < seed.length; i++) x = Math.imul(x ^ seed.charCodeAt(i), 16777619);
  const parts: string[] = [];
  for (let n = 0; n < chars; n += 8) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    parts.push((x >>> 0).toString(16).padStart(8, '0'));
  }
  return parts.join('').slice(0, chars);
}

/** Size-only data: hashes are stable fakes derived from the id (downloads stream zeros of that size). */
export function syntheticData(id: string, size: number): { data: ImageData; hashes: DataHashes } {
  return {
    data: { kind: 'synthetic', size },
    hashes: { size, checksum: fnvHex(id, 32), osHashAlgo: 'sha512', osHashValue: fnvHex(`${id}#512`, 128) },
  };
}

export const EMPTY_MD5 = 'd41d8cd98f00b204e9800998ecf8427e';
