/** Nova wire JSON for servers and flavors, shaped by microversion and caller (admin sees host attributes). */
import type { NovaServer } from '../../openstack/types/nova';
import { isoMicros, isoSeconds } from '../http';
import { SIM_COMPUTE_URL, SIM_ORIGIN } from '../origin';
import { FLAVORS, type Flavor, type SimServer } from '../state/model';

export interface Microversion {
  major: number;
  minor: number;
  text: string;
}

export function atLeast(mv: Microversion, minor: number): boolean {
  return mv.minor >= minor;
}

const BOOKMARK = `${SIM_ORIGIN}/compute`;

export function flavorLinks(f: Flavor): { href: string; rel: string }[] {
  return [
    { href: `${SIM_COMPUTE_URL}/flavors/${f.id}`, rel: 'self' },
    { href: `${BOOKMARK}/flavors/${f.id}`, rel: 'bookmark' },
  ];
}

export function flavorJson(f: Flavor, mv: Microversion, detail: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { id: f.id, links: flavorLinks(f), name: f.name };
  if (atLeast(mv, 55)) out.description = null;
  if (!detail) return out;
  Object.assign(out, {
    ram: f.ram,
    disk: f.disk,
    vcpus: f.vcpus,
    swap: 0,
    'OS-FLV-EXT-DATA:ephemeral': 0,
    'OS-FLV-DISABLED:disabled': false,
    'os-flavor-access:is_public': true,
    rxtx_factor: 1.0,
  });
  if (atLeast(mv, 61)) out.extra_specs = {};
  return out;
}

function serverLinks(id: string): { href: string; rel: string }[] {
  return [
    { href: `${SIM_COMPUTE_URL}/servers/${id}`, rel: 'self' },
    { href: `${BOOKMARK}/servers/${id}`, rel: 'bookmark' },
  ];
}

export function serverSummaryJson(s: SimServer): Record<string, unknown> {
  return { id: s.id, links: serverLinks(s.id), name: s.name };
}

export function serverJson(s: SimServer, mv: Microversion, isAdmin: boolean): NovaServer {
  const flavor = FLAVORS.find((f) => f.id === s.flavorId) ?? FLAVORS[0]!;
  const offloaded = s.vmState === 'shelved_offloaded';
  const deleted = s.status === 'DELETED';
  const out: Record<string, unknown> = {
    'OS-DCF:diskConfig': 'MANUAL',
    'OS-EXT-AZ:availability_zone': offloaded ? '' : 'nova',
    'OS-EXT-STS:power_state': s.powerState,
    'OS-EXT-STS:task_state': s.taskState,
    'OS-EXT-STS:vm_state': s.vmState,
    'OS-SRV-USG:launched_at': s.launchedAt === null ? null : isoMicros(s.launchedAt),
    'OS-SRV-USG:terminated_at': s.terminatedAt === null ? null : isoMicros(s.terminatedAt),
    accessIPv4: '',
    accessIPv6: '',
    addresses: {},
    config_drive: '',
    created: isoSeconds(s.createdAt),
    flavor: atLeast(mv, 47)
      ? {
          disk: flavor.disk,
          ephemeral: 0,
          extra_specs: {},
          original_name: flavor.name,
          ram: flavor.ram,
          swap: 0,
          vcpus: flavor.vcpus,
        }
      : { id: flavor.id, links: [{ href: `${BOOKMARK}/flavors/${flavor.id}`, rel: 'bookmark' }] },
    hostId: offloaded ? '' : s.hostId,
    id: s.id,
    image:
      s.imageId === null
        ? ''
        : { id: s.imageId, links: [{ href: `${BOOKMARK}/images/${s.imageId}`, rel: 'bookmark' }] },
    key_name: null,
    links: serverLinks(s.id),
    metadata: { ...s.metadata },
    name: s.name,
    'os-extended-volumes:volumes_attached': s.volumes.map((v) =>
      atLeast(mv, 3) ? { id: v.id, delete_on_termination: v.delete_on_termination } : { id: v.id },
    ),
    status: s.status,
    tenant_id: s.projectId,
    updated: isoSeconds(s.updatedAt),
    user_id: s.userId,
  };
  if (s.status === 'ACTIVE' || s.status === 'BUILD') out.progress = 0;
  if (atLeast(mv, 9)) out.locked = false;
  if (atLeast(mv, 19)) out.description = null;
  if (atLeast(mv, 26)) out.tags = [];
  if (atLeast(mv, 63)) out.trusted_image_certificates = null;
  if (atLeast(mv, 73)) out.locked_reason = null;
  if (atLeast(mv, 90) || isAdmin) out['OS-EXT-SRV-ATTR:hostname'] = s.name;
  if (isAdmin) {
    const onHost = !offloaded;
    Object.assign(out, {
      'OS-EXT-SRV-ATTR:host': onHost ? 'simhost' : null,
      'OS-EXT-SRV-ATTR:hypervisor_hostname': onHost ? 'simhost' : null,
      'OS-EXT-SRV-ATTR:instance_name': `instance-${s.instanceNumber.toString(16).padStart(8, '0')}`,
      'OS-EXT-SRV-ATTR:kernel_id': '',
      'OS-EXT-SRV-ATTR:launch_index': 0,
      'OS-EXT-SRV-ATTR:ramdisk_id': '',
      'OS-EXT-SRV-ATTR:reservation_id': `r-${s.id.slice(0, 8)}`,
      'OS-EXT-SRV-ATTR:root_device_name': s.rootDeviceName,
      'OS-EXT-SRV-ATTR:user_data': null,
    });
    if (atLeast(mv, 16)) out.host_status = deleted ? '' : onHost ? 'UP' : '';
  }
  return out as NovaServer;
}
