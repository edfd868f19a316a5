import { useQuery } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import { projectQueries } from '../api/projects';
import { NO_PROJECT_NAMES, ProjectNamesContext, projectNames } from '../lib/project-names';

/** Project names for every view; until they arrive (or if Keystone refuses them) projects show as ids. */
export function ProjectNamesProvider({ children }: { children: ReactNode }) {
  const { data } = useQuery(projectQueries.names());
  const names = useMemo(() => (data ? projectNames(data) : NO_PROJECT_NAMES), [data]);
  return <ProjectNamesContext.Provider value={names}>{children}</ProjectNamesContext.Provider>;
}
