/** Nova compute API v2.1 wire types, as `GET /servers/detail` returns them (microversion pinned below). */

/** The microversion the app pins on every Nova request. 2.92 is what the lab's Nova 26 serves up to 2.93. */
export const NOVA_MICROVERSION = '2.92';

export type NovaServerStatus =
  | 'ACTIVE'
  | 'BUILD'
  | 'DELETED'
  | 'ERROR'
  | 'HARD_REBOOT'
  | 'MIGRATING'
  | 'PASSWORD'
  | 'PAUSED'
  | 'REBOOT'
  | 'REBUILD'
  | 'RESCUE'
  | 'RESIZE'
  | 'REVERT_RESIZE'
  | 'SHELVED'
  | 'SHELVED_OFFLOADED'
  | 'SHUTOFF'
  | 'SOFT_DELETED'
  | 'SUSPENDED'
  | 'UNKNOWN'
  | 'VERIFY_RESIZE';

export interface NovaLink {
  href: string;
  rel: string;
}

export interface NovaServer {
  id: string;
  name: string;
  status: NovaServerStatus;
  tenant_id: string;
  user_id: string;
  /** The boot image; the empty string "" for a server booted from a volume. */
  image: { id: string; links?: NovaLink[] } | '';
  flavor: { original_name?: string; vcpus?: number; ram?: number; disk?: number; [k: string]: unknown };
  created: string;
  updated: string;
  metadata: Record<string, string>;
  addresses: Record<string, unknown>;
  links?: NovaLink[];
  'OS-EXT-STS:vm_state'?: string;
  'OS-EXT-STS:task_state'?: string | null;
  'OS-EXT-STS:power_state'?: number;
  'OS-EXT-SRV-ATTR:host'?: string | null;
  'OS-SRV-USG:launched_at'?: string | null;
  'OS-SRV-USG:terminated_at'?: string | null;
  'os-extended-volumes:volumes_attached'?: { id: string; delete_on_termination?: boolean }[];
  tags?: string[];
  locked?: boolean;
  description?: string | null;
  [key: string]: unknown;
}

export interface NovaServerList {
  servers: NovaServer[];
  /** Absolute `next` link when more pages exist. */
  servers_links?: NovaLink[];
}

/** Nova error bodies: one key naming the fault, e.g. `{"itemNotFound": {"code": 404, "message": "..."}}`. */
export type NovaErrorBody = Record<string, { code: number; message: string; details?: string }>;

/** `GET /flavors/detail` entry (fields the app reads; the rest pass through). */
export interface NovaFlavor {
  id: string;
  name: string;
  vcpus: number;
  ram: number;
  disk: number;
  'OS-FLV-EXT-DATA:ephemeral'?: number;
  'os-flavor-access:is_public'?: boolean;
  description?: string | null;
  links?: NovaLink[];
  [key: string]: unknown;
}

/** `POST /servers` 202 body: `{"server": {...}}` with the new id (the server is still BUILDing). */
export interface NovaCreatedServer {
  id: string;
  links?: NovaLink[];
  adminPass?: string;
  security_groups?: { name: string }[];
  [key: string]: unknown;
}
