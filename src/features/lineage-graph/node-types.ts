import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import { LabelledEdge } from './edges/labelled-edge';
import { LineageNodeCard } from './nodes/lineage-node';

/** Module scope: a new object on every render would remount every node. */
export const nodeTypes = { lineage: LineageNodeCard } satisfies NodeTypes;

/** The same for edges (React Flow's own types stay as they are). */
export const edgeTypes = { labelled: LabelledEdge } satisfies EdgeTypes;
