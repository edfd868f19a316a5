import { describe, expect, it } from 'vitest';
import { formatBytes } from './bytes';
import { csvField, toCsv } from './csv';
import { formatTable } from './table';
import { drawTree } from './tree';

describe('formatTable', () => {
  it('pads columns to the widest cell and right-aligns numeric columns', () => {
    const out = formatTable(
      [{ header: 'NAME' }, { header: 'SIZE', right: true }, { header: 'REASON' }],
      [
        ['a', '1 KiB', 'server gone'],
        ['longer-name', '10.5 GiB', ''],
      ],
    );
    expect(out).toBe(
      [
        'NAME             SIZE  REASON',
        'a               1 KiB  server gone',
        'longer-name  10.5 GiB',
        '',
      ].join('\n'),
    );
  });
});

describe('csv', () => {
  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded ')).toBe('" padded "');
  });
  it('writes empty fields for null and undefined and numbers as they are', () => {
    expect(toCsv(['a', 'b', 'c'], [[null, undefined, 42]])).toBe('a,b,c\r\n,,42\r\n');
  });
  it('defuses text that a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('@cmd')).toBe("'@cmd");
    expect(csvField(-3)).toBe('-3');
  });
});

describe('formatBytes', () => {
  it('uses binary units with up to three significant digits', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(10 * 1024 ** 3 + 512 * 1024 ** 2)).toBe('10.5 GiB');
    expect(formatBytes(300 * 1024 ** 2)).toBe('300 MiB');
  });
  it('shows an unknown size as ?', () => {
    expect(formatBytes(null)).toBe('?');
  });
});

describe('drawTree', () => {
  const kids: Record<string, string[]> = { base: ['web', 'db'], web: ['snap1', 'snap2'], snap1: ['srv'] };
  const src = (roots: string[], extra: Record<string, string[]> = {}) => {
    const all = { ...kids, ...extra };
    return { roots, children: (id: string) => all[id] ?? [], label: (id: string) => id };
  };

  it('draws guides for nested children, last child with └──', () => {
    expect(drawTree(src(['base', 'other']))).toEqual([
      'base',
      '├── web',
      '│   ├── snap1',
      '│   │   └── srv',
      '│   └── snap2',
      '└── db',
      'other',
    ]);
  });

  it('stops at a cycle instead of looping', () => {
    const lines = drawTree(src(['a'], { a: ['b'], b: ['a'] }));
    expect(lines).toEqual(['a', '└── b', '    └── a (shown above)']);
  });

  it('draws a 3,000-generation chain without overflowing the stack', () => {
    const deep: Record<string, string[]> = {};
    for (let i = 0; i < 3_000; i++) deep[`n${i}`] = [`n${i + 1}`];
    expect(drawTree(src(['n0'], deep))).toHaveLength(3_001);
  });
});
