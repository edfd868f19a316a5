import type { Fact } from '../lineage/types';
import { FACT_LABELS, FACT_TONES } from '../lib/labels';
import { Badge } from './badge';

/** A fact as a badge; its reason is the hover text. */
export function FactBadge({ fact }: { fact: Fact }) {
  return (
    <Badge tone={FACT_TONES[fact.kind]} title={fact.reason}>
      {FACT_LABELS[fact.kind]}
    </Badge>
  );
}
