/**
 * Single-image mutations from the browser, through the proxy's allowlisted Glance/Nova routes (the proxy
 * audits each one): delete, unprotect, tags, in-place golden conversion, server snapshot.
 */
import type { QueryClient } from '@tanstack/react-query';
import { GlanceClient } from '../openstack/glance';
import { NovaClient } from '../openstack/nova';
import type { GlanceImage, GlanceJsonPatchOp } from '../openstack/types';
import { auditKeys } from './audit';
import { imageKeys } from './images';
import { noteDeletedImages } from './pending-deletions';
import { proxyTransport } from './proxy-transport';
import { serverKeys } from './servers';

export const glance = new GlanceClient(proxyTransport);
export const nova = new NovaClient(proxyTransport);

/** Deletes the image; the next (incremental) refresh drops it from the shown listing. */
export async function deleteImage(id: string): Promise<void> {
  await glance.deleteImage(id);
  noteDeletedImages([id]);
}

export function setProtected(id: string, value: boolean): Promise<GlanceImage> {
  return glance.updateImage(id, [{ op: 'replace', path: '/protected', value }]);
}

export function addTag(id: string, tag: string): Promise<void> {
  return glance.addTag(id, tag);
}

export function removeTag(id: string, tag: string): Promise<void> {
  return glance.removeTag(id, tag);
}

export function patchImage(id: string, ops: GlanceJsonPatchOp[]): Promise<GlanceImage> {
  return glance.updateImage(id, ops);
}

export function getImage(id: string, signal?: AbortSignal): Promise<GlanceImage> {
  return glance.getImage(id, { signal });
}

/** Nova `createImage`: the new snapshot's id (Glance has it queued; it goes saving → active). */
export function snapshotServer(serverId: string, name: string): Promise<string> {
  return nova.createImage(serverId, name);
}

/** After a change: the graph's data and the audit log are read again. */
export async function refreshAfterChange(qc: QueryClient): Promise<void> {
  await Promise.all([
    qc.invalidateQueries({ queryKey: imageKeys.all }),
    qc.invalidateQueries({ queryKey: serverKeys.all }),
    qc.invalidateQueries({ queryKey: auditKeys.all }),
  ]);
}
