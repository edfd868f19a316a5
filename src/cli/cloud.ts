/** What the commands need from a cloud, whichever it is (clouds.yaml, OS_* variables, the simulator). */
import type { ImageDeleter } from '../openstack/bulk-delete';
import type { SessionInfo } from '../openstack/cloud-config';
import type { GlanceImage, NovaServer } from '../openstack/types';
import type { CliIo } from './io';
import type { CloudChoice } from './args';

export interface CliCloud {
  /** How messages name it: the clouds.yaml entry, "environment", or "demo (simulator)". */
  label: string;
  info: SessionInfo;
  /** Every image the account can list (all pages). */
  listImages(): Promise<GlanceImage[]>;
  listServers(opts: { allTenants: boolean; deleted: boolean }): Promise<NovaServer[]>;
  images: ImageDeleter;
}

export type Connect = (choice: CloudChoice, io: CliIo) => Promise<CliCloud>;
