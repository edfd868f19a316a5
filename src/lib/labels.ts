import type { EdgeKind, FactKind, NodeKind } from '../lineage/types';

/** Words for each fact, as badges show them. */
export const FACT_LABELS: Record<FactKind, string> = {
  orphan: 'orphan',
  shelved: 'shelved',
  'in-use': 'in use',
  'broken-chain': 'broken chain',
  protected: 'protected',
  foreign: 'foreign',
  unknown: 'unknown',
  cycle: 'cycle',
  transitional: 'transitional',
  converted: 'converted',
  'deleted-server': 'deleted server',
};

export type Tone = 'neutral' | 'info' | 'warn' | 'danger' | 'good' | 'accent';

export const FACT_TONES: Record<FactKind, Tone> = {
  orphan: 'danger',
  shelved: 'info',
  'in-use': 'good',
  'broken-chain': 'danger',
  protected: 'accent',
  foreign: 'neutral',
  unknown: 'neutral',
  cycle: 'danger',
  transitional: 'warn',
  converted: 'accent',
  'deleted-server': 'warn',
};

export const KIND_LABELS: Record<NodeKind, string> = {
  image: 'image',
  snapshot: 'snapshot',
  backup: 'backup',
  golden: 'golden',
  'volume-snapshot': 'volume-backed',
  server: 'server',
  'missing-image': 'missing image',
  'missing-server': 'missing server',
};

export const EDGE_LABELS: Record<EdgeKind, string> = {
  'booted-from': 'booted from',
  'snapshot-of': 'snapshot of',
  'converted-from': 'converted from',
  'root-only': 'generations unknown',
};
