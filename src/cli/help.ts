/** The --help texts, one per command. */
import type { CommandName } from './args';

const CLOUD = `Choosing the cloud:
  --cloud NAME      an entry of clouds.yaml (./, ~/.config/openstack/, /etc/openstack/, OS_CLIENT_CONFIG_FILE)
                    without it: OS_CLOUD, or the OS_* variables (OS_AUTH_URL, OS_USERNAME, ...)
  --demo            the built-in simulator's demo cloud, as its admin across all projects (it lives in
                    this process only: nothing real is touched, and deletes vanish when it exits)
  --all-projects    admins: read servers (and deleted servers) of every project, and include other
                    projects' images in cleanups`;

export const MAIN_HELP = `glance-lineage: where did this OpenStack image come from, what was built from it, and
what can be deleted safely?

Usage: glance-lineage <command> [options]

Commands:
  tree [IMAGE]      the lineage forest: images, the servers booted from them, their snapshots ...
  show IMAGE        one image: its ancestors, facts with reasons, properties grouped by origin
  orphans           snapshots whose server is gone (never shelved, in-use or unknown ones)
  export            every node with its facts, as JSON or CSV (--format json|csv)
  clean             plan (dry run) or run a cleanup: --orphans, --older-than DAYS, --keep-per-server N

Common options:
  --json            machine-readable output
  -h, --help        help for a command: glance-lineage <command> --help

${CLOUD}

Exit codes: 0 done, 1 error (cloud, credentials, configuration), 2 bad command line,
            3 clean --yes finished but some items failed.
`;

export const COMMAND_HELP: Record<CommandName, string> = {
  tree: `Usage: glance-lineage tree [IMAGE] [--json] [cloud options]

Draws the lineage forest: base image → servers booted from it → their snapshots → ...
With IMAGE (an id or a unique name), only the subtree under that image, below its ancestors.
Facts (orphan, shelved, in use, protected, ...) are shown in brackets.
--json prints the same forest as nested objects {id, name, kind, facts, children}.

${CLOUD}
`,
  show: `Usage: glance-lineage show IMAGE [--json] [cloud options]

Shows one image (an id or a unique name): its ancestors up to the root, its facts with the
reason for each, what was built from it, and its properties grouped by origin (inherited from
the base image, written by Nova, set on the image).

${CLOUD}
`,
  orphans: `Usage: glance-lineage orphans [--json] [cloud options]

Lists snapshots whose server no longer exists, with the reason. Shelved snapshots, images that
servers boot from, and snapshots whose servers this account cannot see ("unknown") are never
listed. --json prints an array of {id, name, reason, bytes, project, createdAt}.

${CLOUD}
`,
  export: `Usage: glance-lineage export [--format json|csv] [cloud options]

Writes every node of the lineage (images, servers, placeholders) with its parent, root and facts
to stdout. JSON (the default) is {generatedAt, cloud, nodes: [...], problems: [...]};
CSV has one row per node.

${CLOUD}
`,
  clean: `Usage: glance-lineage clean [--orphans] [--older-than DAYS] [--keep-per-server N]
                            [--yes] [--concurrency N] [--json] [cloud options]

Selects images to delete, by one or more rules (combined):
  --orphans             snapshots whose server is gone
  --older-than DAYS     snapshots created more than DAYS days ago
  --keep-per-server N   keep the N newest snapshots of each server, select the rest
Protected, in-use, shelved, unknown and (without --all-projects) other projects' images are
never selected; the plan lists why each was left out.

Without --yes nothing is deleted: it prints the plan (what, why, how many bytes).
With --yes it deletes the selected images, --concurrency at a time (default 8), re-reading each
image first and refusing any that became protected or in use. Each item is reported; the exit
code is 3 if any item failed.
--json prints an array of {id, name, reason, bytes, outcome} (outcome "planned" in a dry run;
"deleted", "failed", "skipped", "already-gone" or "cancelled" with --yes).

${CLOUD}
`,
};
