import { describe, expect, it } from 'vitest';
import { parseCommandLine } from './args';
import { UsageError, describeError } from './errors';

const usage = (argv: string[]): string => {
  try {
    parseCommandLine(argv);
  } catch (e) {
    const d = describeError(e);
    expect(d.exitCode).toBe(2);
    return d.message;
  }
  throw new Error(`expected a usage error for ${argv.join(' ')}`);
};

describe('parseCommandLine', () => {
  it('reads a clean with combined rules, --yes and --concurrency', () => {
    expect(
      parseCommandLine([
        'clean',
        '--orphans',
        '--older-than',
        '30',
        '--keep-per-server=2',
        '--yes',
        '--concurrency',
        '4',
        '--demo',
      ]),
    ).toEqual({
      name: 'clean',
      cloud: { cloud: null, demo: true, allProjects: true },
      json: false,
      rule: { orphans: true, olderThanDays: 30, keepPerServer: 2 },
      yes: true,
      concurrency: 4,
    });
  });

  it('defaults clean to a dry run at concurrency 8', () => {
    const c = parseCommandLine(['clean', '--orphans']);
    expect(c).toMatchObject({ yes: false, concurrency: 8 });
  });

  it('accepts options before the command and the image after it', () => {
    expect(parseCommandLine(['--cloud', 'lab-admin', 'show', 'web-1-snap', '--all-projects'])).toEqual({
      name: 'show',
      cloud: { cloud: 'lab-admin', demo: false, allProjects: true },
      json: false,
      image: 'web-1-snap',
    });
  });

  it('gives help per command and for the whole tool', () => {
    expect(parseCommandLine(['clean', '--help'])).toEqual({ name: 'help', topic: 'clean' });
    expect(parseCommandLine(['help', 'tree'])).toEqual({ name: 'help', topic: 'tree' });
    expect(parseCommandLine(['-h'])).toEqual({ name: 'help', topic: null });
  });

  it('defaults export to JSON and accepts csv', () => {
    expect(parseCommandLine(['export'])).toMatchObject({ format: 'json' });
    expect(parseCommandLine(['export', '--format', 'csv'])).toMatchObject({ format: 'csv' });
  });

  it('rejects a clean without a rule', () => {
    expect(usage(['clean', '--yes'])).toMatch(/clean needs a rule.*glance-lineage clean --help/);
  });

  it('rejects numbers that are not whole numbers', () => {
    expect(usage(['clean', '--older-than', 'soon'])).toMatch(/--older-than needs a whole number/);
    expect(usage(['clean', '--orphans', '--concurrency', '0'])).toMatch(/at least 1/);
    expect(usage(['clean', '--keep-per-server', '-1'])).toMatch(/keep-per-server/);
  });

  it('rejects options that do not belong to the command', () => {
    expect(usage(['orphans', '--yes'])).toMatch(/orphans does not take --yes/);
    expect(usage(['tree', '--format', 'csv'])).toMatch(/tree does not take --format/);
  });

  it('rejects unknown commands, unknown options and extra arguments', () => {
    expect(usage(['prune'])).toMatch(/unknown command "prune"/);
    expect(usage(['orphans', '--bogus'])).toMatch(/bogus/);
    expect(usage(['orphans', 'extra'])).toMatch(/unexpected argument "extra"/);
    expect(usage([])).toMatch(/a command is needed/);
    expect(usage(['show'])).toMatch(/show needs an IMAGE/);
    expect(usage(['export', '--format', 'xml'])).toMatch(/json or csv/);
    expect(usage(['orphans', '--demo', '--cloud', 'x'])).toMatch(/exclude each other/);
  });

  it('puts every usage error on one line', () => {
    const message = describeError(new UsageError('two\nlines', 'tree')).message;
    expect(message).toBe('glance-lineage: two lines (see glance-lineage tree --help)');
  });
});
