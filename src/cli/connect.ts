/**
 * Connects the CLI to the cloud the user chose: `--demo` (the embedded simulator, as its admin), `--cloud NAME`
 * (clouds.yaml), or OS_CLOUD / OS_* variables. Node only; the simulator is loaded only for --demo.
 */
import { GlanceClient, KeystoneSession, loadCloudConfig, NovaClient } from '../openstack/node';
import type { GlanceImage } from '../openstack/node';
import type { Simulator, SimUserName } from '../sim';
import type { CloudChoice } from './args';
import type { CliCloud } from './cloud';
import { CliError } from './errors';
import type { CliIo } from './io';

/** The default list leaves out hidden images (os_hidden=true); servers may still boot from them. */
async function allImages(glance: GlanceClient): Promise<GlanceImage[]> {
  const [listed, hidden] = await Promise.all([glance.listImages(), glance.listImages({ os_hidden: 'true' })]);
  const ids = new Set(listed.map((i) => i.id));
  return [...listed, ...hidden.filter((i) => !ids.has(i.id))];
}

function wrap(session: KeystoneSession, label: string): CliCloud {
  const glance = new GlanceClient(session);
  const nova = new NovaClient(session);
  return {
    label,
    info: session.info(),
    listImages: () => allImages(glance),
    listServers: (opts) => nova.listServers(opts),
    images: glance,
  };
}

/** The CLI on a simulator (`--demo` makes a fresh one; tests pass their own to look at its state). */
export async function connectSimulator(
  sim: Pick<Simulator, 'fetch'>,
  user: SimUserName = 'admin',
): Promise<CliCloud> {
  const { simCloudConfig } = await import('../sim');
  const session = await KeystoneSession.open(simCloudConfig(user), {
    fetch: (input, init) => sim.fetch(input, init),
  });
  return wrap(session, 'the demo cloud (simulator)');
}

export async function connectCloud(choice: CloudChoice, io: CliIo): Promise<CliCloud> {
  if (choice.demo) {
    const { createSimulator } = await import('../sim');
    return connectSimulator(createSimulator({ scenario: 'demo' }));
  }
  const config = loadCloudConfig({
    env: { ...io.env },
    ...(choice.cloud !== null ? { cloud: choice.cloud } : {}),
  });
  if (!config)
    throw new CliError(
      'no cloud chosen: pass --cloud NAME (a clouds.yaml entry), set OS_CLOUD or the OS_* variables (OS_AUTH_URL, ...), or use --demo',
    );
  const session = await KeystoneSession.open(config, io.fetch ? { fetch: io.fetch } : {});
  const label = config.name === 'env' ? 'the cloud of the OS_* variables' : `cloud ${config.name}`;
  return wrap(session, label);
}
