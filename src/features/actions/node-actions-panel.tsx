import { isForeign, isImageKind, isSnapshot } from '../../lineage';
import { useProjectNames } from '../../lib/project-names';
import { setUrlParams, useUrlParams } from '../../lib/url-state';
import { CopySection } from './copy-section';
import { DeleteImageSection } from './delete-image-section';
import { GoldenSection } from './golden-section';
import { SnapshotSection } from './snapshot-section';
import { TagsSection } from './tags-section';
import { ReadOnlyNote } from './ui';
import { useActionData } from './use-action-data';

/**
 * Actions on the selected node (`?selected=` in the URL), shown in the inspector column with its details: tags, golden
 * conversion, deployable copy and delete for an image; a snapshot for a server. In read-only mode every
 * action is disabled with the reason.
 */
export function NodeActionsPanel() {
  const selectedId = useUrlParams().get('selected');
  if (!selectedId) return null;
  return <NodeActions id={selectedId} />;
}

function NodeActions({ id }: { id: string }) {
  const { graph, viewer, session, readOnlyReason } = useActionData();
  const projects = useProjectNames();
  const node = graph?.nodes.get(id);
  if (!graph || !viewer || !node) return null;
  const image = node.image;
  const server = node.kind === 'server' && node.status !== 'DELETED' ? node : null;
  if (!image && !server) return null;
  const user = session?.user.name ?? '';
  // Glance lets only the owning project (or an admin) change an image: say so instead of offering a refusal.
  const changeReason =
    readOnlyReason ??
    (image && !viewer.isAdmin && isForeign(node, viewer)
      ? `Only its own project can change this image: it belongs to ${projects.labelWithId(node.projectId)}, not to your project.`
      : null);
  return (
    <aside
      aria-label="Actions"
      className="space-y-2 rounded-md border border-slate-300 bg-slate-50 p-3 text-sm dark:border-slate-600 dark:bg-slate-950"
    >
      <h3 className="font-semibold">Actions</h3>
      {changeReason ? <ReadOnlyNote reason={changeReason} /> : null}
      {image && isImageKind(node.kind) ? (
        <>
          <TagsSection imageId={image.id} tags={image.tags} disabledReason={changeReason} />
          {isSnapshot(image) || node.kind === 'backup' ? (
            <GoldenSection image={image} user={user} disabledReason={changeReason} />
          ) : null}
          {image.status === 'active' && node.kind !== 'volume-snapshot' ? (
            <CopySection imageId={image.id} imageName={node.name} disabledReason={readOnlyReason} />
          ) : null}
          <DeleteImageSection
            key={node.id}
            graph={graph}
            node={node}
            viewer={viewer}
            disabledReason={changeReason}
            onDeleted={() => setUrlParams({ selected: null }, { push: true })}
          />
        </>
      ) : null}
      {server ? (
        <SnapshotSection serverId={server.id} serverName={server.name} disabledReason={readOnlyReason} />
      ) : null}
    </aside>
  );
}
