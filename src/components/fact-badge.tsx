import type { Fact } from '../lineage/types';
import { FACT_LABELS, FACT_TONES } from '../lib/labels';
import { useProjectNames } from '../lib/project-names';
import { Badge } from './badge';

/** A fact as a badge; its reason (projects by name) is the hover text. */
export function FactBadge({ fact }: { fact: Fact }) {
  const projects = useProjectNames();
  return (
    <Badge tone={FACT_TONES[fact.kind]} title={projects.inText(fact.reason)}>
      {FACT_LABELS[fact.kind]}
    </Badge>
  );
}
