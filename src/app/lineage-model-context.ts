import { createContext, useContext } from 'react';
import type { CloudData } from '../api/use-cloud-data';
import type { GraphUrlState } from '../features/lineage-graph/use-graph-url-state';
import type { LineageGraph } from '../lineage/types';

/** What the app's data views share: the cloud data, its lineage, the filtered set and the URL state. */
export interface LineageModel {
  cloud: CloudData;
  /** The whole lineage, once the data has arrived. */
  graph: LineageGraph | undefined;
  /** The filtered set: what the graph and the table show, what the export writes. */
  shown: LineageGraph | undefined;
  /** Selection, search and filters, kept in the URL (the lineage graph reads the same parameters). */
  url: GraphUrlState;
}

export const LineageModelContext = createContext<LineageModel | null>(null);

export function useLineageModel(): LineageModel {
  const model = useContext(LineageModelContext);
  if (!model) throw new Error('useLineageModel outside LineageModelProvider');
  return model;
}
