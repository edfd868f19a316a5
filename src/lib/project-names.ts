/**
 * Project names for display: the proxy's `GET /api/projects` answers the projects the session may know of
 * (every project for an admin, the caller's own otherwise); ids it did not name stay ids. The app provides
 * them once (ProjectNamesContext); features read them with useProjectNames(), and without a provider every
 * project shows as its id.
 */
import { createContext, useContext } from 'react';

export interface ProjectRef {
  id: string;
  name: string;
}

export interface ProjectNames {
  /** The project's name, when the session may know it. */
  nameOf(id: string | null | undefined): string | undefined;
  /** The name, else the id, else '?'. */
  label(id: string | null | undefined): string;
  /** `name (2c72c112…)` with the id's start; the whole id when the name is not known (once the names are
   *  known, said to be none of the caller's projects). */
  labelWithId(id: string | null | undefined): string;
  /** Every known project id in `text` replaced by its name (fact reasons name projects by id); once the names
   *  are known, another project's id is shortened and said to be none of the caller's. */
  inText(text: string): string;
}

const HEX = /^[0-9a-f]{32}$/i;

export function projectNames(list: readonly ProjectRef[]): ProjectNames {
  const byId = new Map(list.filter((p) => p.name !== '').map((p) => [p.id, p.name]));
  const pattern =
    byId.size === 0
      ? null
      : new RegExp([...byId.keys()].map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  /** "project <32 hex>" that is none of the listed ones: a project the session has no role in. */
  const unlisted = (text: string): string =>
    text.replace(/\bproject ([0-9a-f]{32})\b/gi, (all, id: string) =>
      byId.has(id) ? all : `project ${id.slice(0, 8)}… (not one of your projects)`,
    );
  const nameOf = (id: string | null | undefined): string | undefined =>
    id === null || id === undefined ? undefined : byId.get(id);
  return {
    nameOf,
    label: (id) => nameOf(id) ?? id ?? '?',
    labelWithId: (id) => {
      const name = nameOf(id);
      if (name === undefined)
        return id == null ? '?' : byId.size > 0 ? `${id} (not one of your projects)` : id;
      return `${name} (${HEX.test(id ?? '') ? `${(id ?? '').slice(0, 8)}…` : (id ?? '')})`;
    },
    inText: (text) => (pattern ? unlisted(text).replace(pattern, (id) => byId.get(id) ?? id) : text),
  };
}

export const NO_PROJECT_NAMES: ProjectNames = projectNames([]);

export const ProjectNamesContext = createContext<ProjectNames>(NO_PROJECT_NAMES);

export function useProjectNames(): ProjectNames {
  return useContext(ProjectNamesContext);
}
