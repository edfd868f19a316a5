/**
 * `npm run bench`: prints figures, one section after the other. Add a section to the list to add a benchmark.
 * Benchmarks are not timed tests: they print, they do not fail on a slow machine.
 */
import { cpus, loadavg } from 'node:os';
import { benchEngine, formatEngineTable } from './bench-engine';

interface Section {
  name: string;
  run: () => Promise<string> | string;
}

const sections: Section[] = [
  {
    name: 'Lineage engine (median of 5 after 1 warm-up; target: 10,000 images + 2,000 servers under 300 ms)',
    run: () => formatEngineTable(benchEngine([1_000, 10_000, 50_000])),
  },
];

const [load1] = loadavg();
console.log(`Node ${process.version}, ${cpus().length} cores, load average ${(load1 ?? 0).toFixed(1)} (figures are wall-clock)`);

for (const section of sections) {
  console.log(`\n== ${section.name} ==`);
  console.log(await section.run());
}
