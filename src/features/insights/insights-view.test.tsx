import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildLineage } from '../../lineage';
import { adminAll, baseImage, server, snapshot } from '../../lineage/fixtures/builders';
import { InsightsView } from './insights-view';
import { snapshotDates } from './snapshot-dates';

const graph = buildLineage({
  images: [
    baseImage('deb', 'debian-12', { size: 1000 }),
    baseImage('cir', 'cirros-0.6', { size: 50 }),
    snapshot('s1', 'web-1-snap', 'web-1', 'deb', { size: 300, created_at: '2026-02-02T10:00:00Z' }),
    snapshot('s2', 'gone-snap', 'gone', 'cir', { size: 70, created_at: '2026-03-10T10:00:00Z' }),
  ],
  servers: [server('web-1', 'web-1', 'deb')],
  deletedServers: [server('gone', 'gone', 'cir', { status: 'DELETED' })],
  viewer: adminAll,
});

describe('snapshotDates', () => {
  it('lists the creation dates of snapshots only', () => {
    expect(snapshotDates(graph).sort()).toEqual(['2026-02-02T10:00:00Z', '2026-03-10T10:00:00Z']);
  });
});

describe('InsightsView', () => {
  it('draws both plots with accessible names, family names and the numbers as tables', () => {
    render(<InsightsView graph={graph} viewer={adminAll} />);
    const storage = screen.getByRole('img', { name: /Storage per lineage family/ });
    expect(within(storage).getByText('debian-12')).toBeInTheDocument();
    expect(within(storage).getByText('cirros-0.6')).toBeInTheDocument();
    const data = screen.getByRole('table', { name: 'Storage per lineage family: data' });
    const rows = within(data)
      .getAllByRole('row')
      .slice(1)
      .map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      );
    // Largest family first: debian-12 holds 1,300 bytes, cirros-0.6 120 of which the orphan's 70 can go.
    expect(rows).toEqual([
      ['debian-12', '2', '1.3 KiB', '0', '0 B'],
      ['cirros-0.6', '2', '120 B', '1', '70 B'],
    ]);

    expect(screen.getByRole('img', { name: /Snapshots created over time/ })).toBeInTheDocument();
    const perMonth = within(screen.getByRole('table', { name: 'Snapshots created over time: data' }))
      .getAllByRole('row')
      .slice(1)
      .map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      );
    expect(perMonth).toEqual([
      ['2026-02', '1'],
      ['2026-03', '1'],
    ]);
  });
});
