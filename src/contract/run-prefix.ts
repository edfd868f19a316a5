/**
 * Every resource a contract run creates is named `<prefix><what>`, so cleanup can find all of them (and
 * only them). The prefix names the tool, the start time and a random part: `gl-ct-20261129t0310-4f2a-`.
 */
const PREFIX_RE = /^gl-ct-\d{8}t\d{4}-[0-9a-f]{4}-$/;

export function makeRunPrefix(now: Date = new Date(), random: () => number = Math.random): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp =
    `${now.getUTCFullYear()}${p(now.getUTCMonth() + 1)}${p(now.getUTCDate())}` +
    `t${p(now.getUTCHours())}${p(now.getUTCMinutes())}`;
  const rand = Math.floor(random() * 0x10000)
    .toString(16)
    .padStart(4, '0');
  return `gl-ct-${stamp}-${rand}-`;
}

export function isRunPrefix(s: string): boolean {
  return PREFIX_RE.test(s);
}

/** True for a resource name of this run (a shelve image is `<server name>-shelved`, so it matches too). */
export function belongsToRun(name: string | null | undefined, prefix: string): boolean {
  return typeof name === 'string' && name.startsWith(prefix);
}
