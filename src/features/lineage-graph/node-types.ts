import type { NodeTypes } from '@xyflow/react';
import { LineageNodeCard } from './nodes/lineage-node';

/** Module scope: a new object on every render would remount every node. */
export const nodeTypes = { lineage: LineageNodeCard } satisfies NodeTypes;
