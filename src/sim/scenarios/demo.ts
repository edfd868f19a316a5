/**
 * The `demo` scenario: the story of the seed document, built through the same transitions a real cloud
 * goes through. Fixed ids and fixed 2026 dates; nothing depends on "now".
 *
 * Story (project demo unless noted):
 * - Public base images by admin: cirros-0.6, debian-12 (protected), ubuntu-22.04, ubuntu-24.04, rocky-9,
 *   fedora-40, windows-server-2022, cirros-0.5-old (hidden), debian-11 (deactivated), alpine-community
 *   (community), centos-8-legacy (deleted later: a broken root).
 * - Three generations: web-1 (debian-12) → web-1-snap (protected, tag golden) → web-2 → web-2-snap (nightly)
 *   → web-3 → web-3-snap (nightly, release-candidate); all base_image_ref = debian-12.
 * - app-1 (ubuntu-22.04) → app-1-snap, converted to the golden template app-golden-2026.03 (image_type=golden,
 *   no instance_uuid, glance_lineage_* provenance); app-2 and app-3 boot from it.
 * - Orphans: tmp-1-snap (tmp-1 deleted), test-7-snap-a/-b (test-7 deleted); the deleted servers stay visible to
 *   admins with deleted=true.
 * - batch-1 SHELVED + batch-1-shelved; batch-2 SHELVED_OFFLOADED + batch-2-shelved.
 * - legacy-1 booted from centos-8-legacy, then that image was deleted: legacy-1-snap's base_image_ref and
 *   legacy-1's image name a missing image.
 * - vol-1 booted from a volume (image ""), its volume-backed snapshot vol-1-snap (size 0, block_device_mapping).
 * - db-1 (ubuntu-22.04): admin's ops-backup-db-1 (owner admin, shared, demo member pending) and two backups.
 * - ci-runner (ubuntu-24.04) with nightly snapshots; k8s nodes with snapshots; plain uploads: demo-tools-raw
 *   (shared), demo-empty (queued, no data), an ISO, and an image whose name is an HTML/script injection.
 * - Project alt: alt-app-1 (cirros) → alt-app-1-snap → alt-app-2 → alt-app-2-snap; alt-tmp-snap (orphan);
 *   alt-private-tools. Project admin: ops-bastion (debian-12) → ops-bastion-snap.
 */
import { ScenarioBuilder } from '../builders';
import { emptyState, type SimState } from '../state/model';

export const DEMO_IDS = {
  // public base images
  cirros: 'f29e50c6-db46-4903-a7f0-146c6e79114b',
  debian12: 'd0c95b9a-3b8f-4a78-9014-5688b64940d1',
  ubuntu2204: '2297ddef-ab81-406c-8fbc-36e11c00a12f',
  ubuntu2404: 'ab9455c2-05d5-4aae-942f-1c906a9bf58b',
  rocky9: '739f8ad0-14e5-435b-bd29-fcbdb3dd0645',
  fedora40: '4bc5c320-c1db-4f83-a8c3-21b27ebcc3cc',
  windows2022: '51c5378a-7901-48b4-857f-11f5b392acd2',
  cirrosOldHidden: 'd6f19b21-247e-4ac9-aa6f-7306f0ceba7b',
  debian11Deactivated: '15e5fd4f-9ae0-48cb-ac17-080cb1ed9831',
  alpineCommunity: 'f799782c-acdb-43eb-b9e2-f0147989e2d7',
  alma9: '262a8083-5dbe-46d5-9c68-0cc90b7f8937',
  opensuse156: '3a1c2994-d33a-4206-b055-6b50307f147f',
  ubuntu2004: '3e315f69-e404-49ef-a630-5986df6c7209',
  freebsdCommunity: '60388a35-402e-42c2-8e6b-dda0c453af15',
  centos8Deleted: 'b9d82c91-26bb-42d1-bb4f-75538a7fabfa',
  // three generations
  web1: 'a6a363c8-9ef2-4e4a-a4cb-3be654061b3f',
  web1Snap: '411aa884-b700-4524-a40e-d16f0681eb19',
  web2: '7deaaf07-bf3a-4ba4-83f7-9866750fc40f',
  web2Snap: '8e0d0409-5b4f-4f3c-9a8e-0c4a3c1d2e51',
  web3: 'e6b31340-0582-4cd4-9e3b-b0cb3c295583',
  web3Snap: 'ea8185fa-c620-4533-903e-d5b4b3cd773e',
  web3Nightly1: 'd15b0c10-a901-4157-896d-5dab7be2d3f8',
  web3Nightly2: '3979411d-ca52-40c7-9c4c-fa881a6559b1',
  web3Nightly3: '677b8eda-c1a0-44f5-b458-bc62dd2fe8f2',
  web3Nightly4: 'a59b28f5-89d1-4984-84d2-ded3e624f14d',
  // golden template
  app1: '30a64bea-5136-4aac-a406-042bc070a7ac',
  appGolden: 'd8d057d5-087a-45ab-a974-0d8c04432244',
  app2: 'd78f3541-23b7-4b43-8b24-eba9b770c419',
  app2Snap: '1fe48628-b4eb-49e8-a44a-598ff1e1ec3c',
  app3: 'b0bc680d-7b34-41e5-9aff-fb398e5e3843',
  // orphans
  tmp1Deleted: '2f84eac3-78a1-481f-bc5c-7b2b9a04a3f7',
  tmp1Snap: 'fa742f0c-a78b-4542-95b5-5b254faad02a',
  test7Deleted: '126bcfb2-b84d-40e2-b85e-0be526287534',
  test7SnapA: 'aa58eaec-e4b0-4eeb-bdce-9fa99586e8b6',
  test7SnapB: '9e1d1490-ba48-49ef-8e7b-9f1c159c21d3',
  // shelved
  batch1: '571bb0cc-f960-42c7-9915-21a9fa795ea7',
  batch1Shelved: '7e8d0b83-5dc1-40a3-897f-34534dbc1422',
  batch2: '0747bbbe-ffb2-456a-a300-5d69efa6e2e8',
  batch2Shelved: 'd9ac9435-e1e4-46f3-b67a-ba1c76035139',
  // broken chain
  legacy1: 'e3612094-45b2-4894-8495-c66dc0f9491a',
  legacy1Snap: '30446840-d372-430a-8343-03780d6b1ad4',
  // volume-backed
  vol1: '552fa484-b71a-46a3-ba2f-829e2f562d94',
  vol1Snap: '8c0e9d4e-7e3b-4b4a-adc3-735a4bd07b12',
  // db-1, admin snapshot, backups
  db1: '5987c91c-2dc3-443a-836d-f0388bdd57c8',
  opsBackupDb1: '698f3283-f8d7-47db-89cd-2269beb545f6',
  db1BackupDaily: '9abf255a-5bbe-4680-982a-7722cca3dee3',
  db1BackupWeekly: 'c539ead8-21bd-4430-a6ce-52e4578cfa96',
  // nightly CI snapshots
  ciRunner: 'c87f953b-c055-4c24-a0e0-c45cc2f558e7',
  ciSnap1: '05d65b4d-3e00-4783-9266-07b7aee7b34e',
  ciSnap2: 'b875bd33-04d3-441c-aee2-d3d754fc2035',
  ciSnap3: '303d239c-5d83-4c3d-977e-24f8b155f105',
  ciSnap4: 'f07a3dac-f04e-441f-867d-763e09d6a1a0',
  ciSnap5: 'a77a0176-d1fe-4bcc-8fb3-455bb66d7ab4',
  // k8s
  k8sNode1: '9c63f614-1938-4dc2-baa2-e51a22200ad1',
  k8sNode2: '8bdb6a88-a5f8-47ee-a258-170f3614e599',
  k8sNode1SnapA: 'fd0dcd7e-286d-4f19-ac9e-fdb212bd6886',
  k8sNode1SnapB: '31dedad3-fd6c-41ca-a6d4-433f16fe7299',
  k8sNode2Snap: 'e3bd179e-29ce-460e-a4dc-f519cc1ed887',
  k8sWorkerFromSnap: 'e3f1ad90-5961-4b75-b6ba-b1084952847f',
  k8sWorkerSnap: '4cc16a55-bc1a-4530-a385-c3e26c74d0e9',
  // plain uploads in demo
  demoToolsRaw: 'e9818fbe-0f0f-4984-a259-332ba31ae3bc',
  demoEmpty: '3ab2a312-0aa5-4a86-8415-23a4ddf3d4c7',
  demoRescueIso: '2b4a2617-b9b2-412c-a960-609f04106456',
  xssName: 'f6759bcb-3b04-490c-939a-35b64f3ed939',
  demoImportRaw: 'f5d0bbd4-1223-41bf-9bc7-21c01e492edd',
  demoLegacyVmdk: '3e3761bc-2f54-497f-8662-f2e1a63a4af1',
  demoKernel: '4b75435e-79ec-43e8-b766-bf48923961f1',
  demoWinSnapServer: '117c3b15-c2b7-4c58-8869-695064d40ee6',
  demoWinSnap: 'b1d4ffe9-aa14-4143-9dee-e51d1a50865f',
  // alt
  altApp1: '89333470-12d4-489c-acbb-17fcdf62d30b',
  altApp1Snap: '4c82ba2a-cd9b-4e02-86a2-c8fef3408750',
  altApp2: '40b9d30a-1fe9-48e2-92b5-54316e96046d',
  altApp2Snap: 'a262297e-28c0-46a2-bec5-ae0e17952b21',
  altTmpDeleted: 'f5db24b7-d53a-49c8-ab8e-4c66e540b3d1',
  altTmpSnap: '88158c6e-1241-4c7d-a6c3-3509f5959b48',
  altApp1SnapB: '6bb88055-beee-40f9-b230-c2841d479f30',
  altApp2SnapB: '64bf37ac-5cef-4405-be54-746517f3b8ca',
  altPrivateTools: '11308d24-a2e7-42de-a1e1-7c959537084e',
  altRocky: 'd32eda72-d464-44bb-a9fd-06d10ce61da1',
  altRockySnap: 'b2b1b011-96c3-44aa-8e1b-db3412586b7e',
  // admin
  opsBastion: 'd6d75d8e-d695-4c33-afb3-e87a714415d1',
  opsBastionSnap2: 'a5c53615-7f8f-43cf-ac73-ee7b81505f3d',
  opsBastionSnap: 'bdcda764-6766-4dbf-96cc-26b22cfb37c5',
} as const;

export const XSS_IMAGE_NAME = '<script>alert(1)</script> release notes';

const I = DEMO_IDS;

export function buildDemo(state: SimState = emptyState()): SimState {
  const b = new ScenarioBuilder(state, '2026-01-05T09:00:00Z');

  // --- public base images (admin) ---
  const cirros = b.baseImage({
    id: I.cirros,
    name: 'cirros-0.6',
    visibility: 'public',
    size: 21_504,
    tags: ['base', 'tiny'],
    props: { os_distro: 'cirros', os_version: '0.6.2' },
  });
  const debian = b.baseImage({
    id: I.debian12,
    name: 'debian-12',
    visibility: 'public',
    protected: true,
    minDisk: 1,
    size: 358_400,
    tags: ['base', 'linux'],
    props: { os_distro: 'debian', os_version: '12', hw_disk_bus: 'virtio' },
  });
  const ubuntu = b.baseImage({
    id: I.ubuntu2204,
    name: 'ubuntu-22.04',
    visibility: 'public',
    size: 655_360,
    tags: ['base', 'linux'],
    props: { os_distro: 'ubuntu', os_version: '22.04', hw_qemu_guest_agent: 'yes' },
  });
  const noble = b.baseImage({
    id: I.ubuntu2404,
    name: 'ubuntu-24.04',
    visibility: 'public',
    size: 704_512,
    tags: ['base', 'linux'],
    props: { os_distro: 'ubuntu', os_version: '24.04', hw_qemu_guest_agent: 'yes', hw_rng_model: 'virtio' },
  });
  const rocky = b.baseImage({
    id: I.rocky9,
    name: 'rocky-9',
    visibility: 'public',
    size: 598_016,
    tags: ['base', 'linux'],
    props: { os_distro: 'rocky', os_version: '9.4' },
  });
  b.baseImage({
    id: I.fedora40,
    name: 'fedora-40',
    visibility: 'public',
    size: 450_560,
    tags: ['base'],
    props: { os_distro: 'fedora', os_version: '40' },
  });
  const windows = b.baseImage({
    id: I.windows2022,
    name: 'windows-server-2022',
    visibility: 'public',
    size: 917_504,
    minDisk: 40,
    minRam: 2048,
    tags: ['base', 'windows'],
    props: {
      os_distro: 'windows',
      os_type: 'windows',
      hw_machine_type: 'q35',
      img_signature: 'c2ln',
      img_signature_hash_method: 'SHA-256',
      img_signature_key_type: 'RSA-PSS',
      img_signature_certificate_uuid: '3b1a6a57-7f3c-4c8e-9a59-4f0d3a1b9d11',
    },
  });
  b.baseImage({
    id: I.cirrosOldHidden,
    name: 'cirros-0.5-old',
    visibility: 'public',
    hidden: true,
    size: 16_384,
    tags: ['base'],
    props: { os_distro: 'cirros', os_version: '0.5.2' },
  });
  const deb11 = b.baseImage({
    id: I.debian11Deactivated,
    name: 'debian-11',
    visibility: 'public',
    size: 307_200,
    tags: ['base', 'deprecated'],
    props: { os_distro: 'debian', os_version: '11' },
  });
  b.update(deb11, (img) => (img.status = 'deactivated'));
  b.baseImage({
    id: I.alpineCommunity,
    name: 'alpine-community',
    visibility: 'community',
    size: 12_288,
    tags: ['community'],
    props: { os_distro: 'alpine' },
  });
  b.baseImage({
    id: I.alma9,
    name: 'almalinux-9',
    visibility: 'public',
    size: 589_824,
    tags: ['base', 'linux'],
    props: { os_distro: 'almalinux', os_version: '9.4' },
  });
  b.baseImage({
    id: I.opensuse156,
    name: 'opensuse-leap-15.6',
    visibility: 'public',
    size: 536_576,
    tags: ['base', 'linux'],
    props: { os_distro: 'opensuse', os_version: '15.6' },
  });
  b.baseImage({
    id: I.ubuntu2004,
    name: 'ubuntu-20.04',
    visibility: 'public',
    size: 614_400,
    tags: ['base', 'deprecated'],
    props: { os_distro: 'ubuntu', os_version: '20.04' },
  });
  b.baseImage({
    id: I.freebsdCommunity,
    name: 'freebsd-14-community',
    project: 'alt',
    visibility: 'community',
    size: 40_960,
    tags: ['community'],
    props: { os_distro: 'freebsd', os_version: '14.1' },
  });
  const centos = b.baseImage({
    id: I.centos8Deleted,
    name: 'centos-8-legacy',
    visibility: 'public',
    size: 512_000,
    tags: ['base'],
    props: { os_distro: 'centos', os_version: '8' },
  });

  // --- demo: three generations ---
  b.at('2026-02-02T10:00:00Z');
  const web1 = b.boot({
    id: I.web1,
    name: 'web-1',
    image: debian,
    user: 'demo',
    flavor: 'm1.small',
    metadata: { role: 'web' },
  });
  const web1Snap = b.snapshot(web1, { id: I.web1Snap, name: 'web-1-snap', size: 196_616 });
  b.update(web1Snap, (img) => (img.protected = true));
  b.tag(web1Snap, 'golden');
  b.at('2026-02-09T10:00:00Z');
  const web2 = b.boot({
    id: I.web2,
    name: 'web-2',
    image: web1Snap,
    user: 'demo',
    flavor: 'm1.small',
    metadata: { role: 'web' },
  });
  const web2Snap = b.snapshot(web2, { id: I.web2Snap, name: 'web-2-snap', size: 229_376 });
  b.tag(web2Snap, 'nightly');
  b.at('2026-02-16T10:00:00Z');
  const web3 = b.boot({
    id: I.web3,
    name: 'web-3',
    image: web2Snap,
    user: 'demo',
    flavor: 'm1.small',
    metadata: { role: 'web' },
  });
  const web3Snap = b.snapshot(web3, { id: I.web3Snap, name: 'web-3-snap', size: 262_144 });
  b.tag(web3Snap, 'nightly', 'release-candidate');
  [I.web3Nightly1, I.web3Nightly2, I.web3Nightly3, I.web3Nightly4].forEach((id, i) => {
    b.at(`2026-02-${String(20 + i).padStart(2, '0')}T01:00:00Z`);
    b.tag(
      b.snapshot(web3, {
        id,
        name: `web-3-nightly-2026-02-${String(20 + i).padStart(2, '0')}`,
        size: 266_240 + i * 4096,
      }),
      'nightly',
    );
  });

  // --- demo: a snapshot converted to a golden template ---
  b.at('2026-03-02T08:30:00Z');
  const app1 = b.boot({
    id: I.app1,
    name: 'app-1',
    image: ubuntu,
    user: 'demo',
    flavor: 'm1.medium',
    metadata: { role: 'app' },
  });
  const golden = b.snapshot(app1, { id: I.appGolden, name: 'app-1-snap', size: 327_680 });
  b.at('2026-03-03T14:00:00Z');
  b.update(golden, (img) => {
    const sourceServer = img.props.instance_uuid ?? '';
    delete img.props.instance_uuid;
    delete img.props.image_location;
    delete img.props.image_state;
    delete img.props.user_id;
    img.name = 'app-golden-2026.03';
    img.props.image_type = 'golden';
    img.props.glance_lineage_source_image = I.ubuntu2204;
    img.props.glance_lineage_source_server = sourceServer;
    img.props.glance_lineage_source_name = 'app-1-snap';
    img.props.glance_lineage_converted_at = '2026-03-03T14:00:00Z';
    img.props.glance_lineage_converted_by = 'demo';
    img.protected = true;
    img.tags.push('golden', 'template');
  });
  const app2 = b.boot({
    id: I.app2,
    name: 'app-2',
    image: golden,
    user: 'demo',
    flavor: 'm1.medium',
    metadata: { role: 'app' },
  });
  b.snapshot(app2, { id: I.app2Snap, name: 'app-2-snap', size: 335_872 });
  b.boot({
    id: I.app3,
    name: 'app-3',
    image: golden,
    user: 'demo',
    flavor: 'm1.medium',
    metadata: { role: 'app' },
  });

  // --- demo: orphans (server deleted after its snapshot) ---
  b.at('2026-03-10T11:00:00Z');
  const tmp1 = b.boot({ id: I.tmp1Deleted, name: 'tmp-1', image: cirros, user: 'demo' });
  b.snapshot(tmp1, { id: I.tmp1Snap, name: 'tmp-1-snap' });
  b.deleteServer(tmp1);
  b.at('2026-03-17T16:20:00Z');
  const test7 = b.boot({
    id: I.test7Deleted,
    name: 'test-7',
    image: ubuntu,
    user: 'demo',
    flavor: 'm1.small',
  });
  b.snapshot(test7, { id: I.test7SnapA, name: 'test-7-snap-a', size: 131_072 });
  b.advance(60 * 24);
  b.snapshot(test7, { id: I.test7SnapB, name: 'test-7-snap-b', size: 139_264 });
  b.deleteServer(test7);

  // --- demo: shelved servers ---
  b.at('2026-04-01T09:00:00Z');
  const batch1 = b.boot({
    id: I.batch1,
    name: 'batch-1',
    image: cirros,
    user: 'demo',
    metadata: { role: 'batch' },
  });
  b.shelve(batch1, I.batch1Shelved);
  const batch2 = b.boot({
    id: I.batch2,
    name: 'batch-2',
    image: cirros,
    user: 'demo',
    metadata: { role: 'batch' },
  });
  b.shelve(batch2, I.batch2Shelved);
  b.offload(batch2);

  // --- demo: broken chain (root image deleted) ---
  b.at('2026-04-06T13:00:00Z');
  const legacy1 = b.boot({
    id: I.legacy1,
    name: 'legacy-1',
    image: centos,
    user: 'demo',
    flavor: 'm1.small',
  });
  b.snapshot(legacy1, { id: I.legacy1Snap, name: 'legacy-1-snap', size: 180_224 });
  b.advance(60 * 24 * 3);
  b.deleteImage(centos);

  // --- demo: boot from volume + volume-backed snapshot ---
  b.at('2026-04-13T10:00:00Z');
  const vol1 = b.boot({
    id: I.vol1,
    name: 'vol-1',
    image: null,
    volumeFrom: ubuntu,
    user: 'demo',
    flavor: 'm1.small',
  });
  b.snapshot(vol1, { id: I.vol1Snap, name: 'vol-1-snap' });

  // --- demo: db-1, an admin snapshot of it, backups ---
  b.at('2026-04-20T07:00:00Z');
  const db1 = b.boot({
    id: I.db1,
    name: 'db-1',
    image: ubuntu,
    user: 'demo',
    flavor: 'm1.medium',
    metadata: { role: 'db' },
  });
  const ops = b.snapshot(db1, {
    id: I.opsBackupDb1,
    name: 'ops-backup-db-1',
    user: 'admin',
    project: 'admin',
    size: 393_216,
  });
  b.tag(ops, 'ops-backup');
  b.at('2026-05-01T02:00:00Z');
  b.backup(db1, { id: I.db1BackupDaily, name: 'db-1-backup-daily', backupType: 'daily', size: 401_408 });
  b.at('2026-05-03T02:00:00Z');
  b.backup(db1, { id: I.db1BackupWeekly, name: 'db-1-backup-weekly', backupType: 'weekly', size: 409_600 });

  // --- demo: CI runner with nightly snapshots ---
  b.at('2026-05-10T22:00:00Z');
  const ci = b.boot({
    id: I.ciRunner,
    name: 'ci-runner',
    image: noble,
    user: 'demo',
    flavor: 'm1.medium',
    metadata: { role: 'ci' },
  });
  const ciSnaps = [I.ciSnap1, I.ciSnap2, I.ciSnap3, I.ciSnap4, I.ciSnap5];
  ciSnaps.forEach((id, i) => {
    b.at(`2026-05-${String(11 + i).padStart(2, '0')}T02:00:00Z`);
    const s = b.snapshot(ci, {
      id,
      name: `ci-runner-nightly-2026-05-${String(11 + i).padStart(2, '0')}`,
      size: 245_760 + i * 8192,
    });
    b.tag(s, 'nightly', 'ci');
  });

  // --- demo: k8s nodes ---
  b.at('2026-06-01T09:00:00Z');
  const k1 = b.boot({
    id: I.k8sNode1,
    name: 'k8s-node-1',
    image: noble,
    user: 'demo',
    flavor: 'm1.medium',
    metadata: { role: 'k8s' },
  });
  const k2 = b.boot({
    id: I.k8sNode2,
    name: 'k8s-node-2',
    image: noble,
    user: 'demo',
    flavor: 'm1.medium',
    metadata: { role: 'k8s' },
  });
  b.snapshot(k1, { id: I.k8sNode1SnapA, name: 'k8s-node-1-pre-upgrade', size: 286_720 });
  const k1b = b.snapshot(k1, { id: I.k8sNode1SnapB, name: 'k8s-node-1-post-upgrade', size: 294_912 });
  b.tag(k1b, 'k8s', 'v1.31');
  b.snapshot(k2, { id: I.k8sNode2Snap, name: 'k8s-node-2-pre-upgrade', size: 286_720 });
  b.at('2026-06-08T09:00:00Z');
  const worker = b.boot({
    id: I.k8sWorkerFromSnap,
    name: 'k8s-worker-3',
    image: k1b,
    user: 'demo',
    flavor: 'm1.medium',
    metadata: { role: 'k8s' },
  });
  b.snapshot(worker, { id: I.k8sWorkerSnap, name: 'k8s-worker-3-snap', size: 303_104 });

  // --- demo: plain uploads ---
  b.at('2026-06-15T12:00:00Z');
  b.baseImage({
    id: I.demoToolsRaw,
    name: 'demo-tools-raw',
    project: 'demo',
    visibility: 'shared',
    diskFormat: 'raw',
    size: 65_536,
    tags: ['tools'],
  });
  b.baseImage({
    id: I.demoEmpty,
    name: 'demo-empty',
    project: 'demo',
    visibility: 'private',
    noData: true,
    viaOpenstackClient: false,
  });
  b.baseImage({
    id: I.demoRescueIso,
    name: 'rescue-2026.06.iso',
    project: 'demo',
    visibility: 'private',
    diskFormat: 'iso',
    size: 98_304,
    tags: ['rescue'],
  });
  b.baseImage({
    id: I.xssName,
    name: XSS_IMAGE_NAME,
    project: 'demo',
    visibility: 'private',
    size: 4_096,
    tags: ['xss', '<b>bold</b>'],
    props: { description: '<img src=x onerror=alert(2)>' },
  });
  b.baseImage({
    id: I.demoImportRaw,
    name: 'imported-appliance',
    project: 'demo',
    visibility: 'private',
    diskFormat: 'raw',
    size: 147_456,
    viaOpenstackClient: false,
    props: { hw_firmware_type: 'uefi', cache_in_nova: 'True' },
  });
  b.baseImage({
    id: I.demoLegacyVmdk,
    name: 'legacy-export.vmdk',
    project: 'demo',
    visibility: 'private',
    diskFormat: 'vmdk',
    size: 172_032,
    props: { vmware_adaptertype: 'lsiLogic' },
  });
  b.baseImage({
    id: I.demoKernel,
    name: 'custom-kernel-6.8',
    project: 'demo',
    visibility: 'shared',
    diskFormat: 'aki',
    containerFormat: 'aki',
    size: 8_192,
    tags: ['kernel'],
  });
  const win = b.boot({
    id: I.demoWinSnapServer,
    name: 'win-build',
    image: windows,
    user: 'demo',
    flavor: 'm1.medium',
  });
  b.snapshot(win, { id: I.demoWinSnap, name: 'win-build-snap', size: 524_288 });

  // --- alt project ---
  b.at('2026-07-01T10:00:00Z');
  const alt1 = b.boot({
    id: I.altApp1,
    name: 'alt-app-1',
    image: cirros,
    user: 'alt',
    metadata: { role: 'app' },
  });
  const alt1Snap = b.snapshot(alt1, { id: I.altApp1Snap, name: 'alt-app-1-snap' });
  const alt2 = b.boot({
    id: I.altApp2,
    name: 'alt-app-2',
    image: alt1Snap,
    user: 'alt',
    metadata: { role: 'app' },
  });
  b.snapshot(alt2, { id: I.altApp2Snap, name: 'alt-app-2-snap', size: 212_992 });
  b.advance(60 * 24 * 7);
  b.snapshot(alt1, { id: I.altApp1SnapB, name: 'alt-app-1-snap-b', size: 200_704 });
  b.snapshot(alt2, { id: I.altApp2SnapB, name: 'alt-app-2-snap-b', size: 217_088 });
  const altTmp = b.boot({ id: I.altTmpDeleted, name: 'alt-tmp', image: ubuntu, user: 'alt' });
  b.snapshot(altTmp, { id: I.altTmpSnap, name: 'alt-tmp-snap', size: 163_840 });
  b.deleteServer(altTmp);
  b.baseImage({
    id: I.altPrivateTools,
    name: 'alt-private-tools',
    project: 'alt',
    visibility: 'private',
    size: 49_152,
    tags: ['tools'],
  });
  const altRocky = b.boot({
    id: I.altRocky,
    name: 'alt-rocky',
    image: rocky,
    user: 'alt',
    flavor: 'm1.small',
  });
  b.snapshot(altRocky, { id: I.altRockySnap, name: 'alt-rocky-snap', size: 270_336 });

  // --- admin project ---
  b.at('2026-08-03T06:00:00Z');
  const bastion = b.boot({
    id: I.opsBastion,
    name: 'ops-bastion',
    image: debian,
    user: 'admin',
    project: 'admin',
    metadata: { role: 'bastion' },
  });
  b.snapshot(bastion, { id: I.opsBastionSnap, name: 'ops-bastion-snap', user: 'admin', project: 'admin' });
  b.at('2026-09-07T06:00:00Z');
  b.snapshot(bastion, {
    id: I.opsBastionSnap2,
    name: 'ops-bastion-snap-2',
    user: 'admin',
    project: 'admin',
    size: 200_704,
  });

  return state;
}
