/**
 * The main thread's tasks by CPU time, from a Chromium trace: a trace event's `tdur` is the time the thread
 * ran, `dur` the time from start to end. On a machine whose cores are busy (the simulator serving pages, the
 * lineage worker, other processes), a task that runs 45 ms can take 100 ms from start to end, because the
 * system gave the core to something else meanwhile. The CPU time is what the page's own code costs.
 */
import type { Browser, Page } from '@playwright/test';

export interface TaskCpu {
  /** The longest task after the first contentful paint, in CPU time (ms). */
  cpuMaxMs: number;
  /** The same task's time from start to end (ms). */
  wallOfCpuMaxMs: number;
  /** Tasks after the first contentful paint that ran more than 50 ms of CPU. */
  cpuOver50: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

export interface Trace {
  traceEvents: TraceEvent[];
}

/**
 * Starts a trace of the page's tasks (one trace at a time per browser): top-level tasks and navigations
 * only, which cost the page next to nothing (DevTools' timeline categories added long tasks of their own).
 */
export async function startTaskTrace(browser: Browser, page: Page): Promise<void> {
  await browser.startTracing(page, { categories: ['toplevel', 'navigation'] });
}

export async function stopTaskTrace(browser: Browser): Promise<Trace> {
  return JSON.parse((await browser.stopTracing()).toString()) as Trace;
}

/**
 * The renderer main thread's tasks from `fcpMs` after the trace's last navigation (the page's first
 * contentful paint, as `performance` gives it).
 */
export function taskCpu(trace: Trace, fcpMs: number): TaskCpu {
  const ev = trace.traceEvents;
  const mains = new Set(
    ev
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  // The navigation is recorded on another thread; its time base is the same.
  const nav = Math.max(
    0,
    ...ev.filter((e) => e.name === 'NavigationTiming navigationStart').map((e) => e.ts),
  );
  const from = nav + fcpMs * 1000;
  const runs = ev
    .filter(
      (e) => mains.has(`${e.pid}:${e.tid}`) && e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask',
    )
    .sort((a, b) => a.ts - b.ts);
  const tasks = ownTimes(runs).filter((t) => t.ts >= from);
  let top: OwnTime | undefined;
  for (const t of tasks) if (!top || t.cpu > top.cpu) top = t;
  return {
    cpuMaxMs: (top?.cpu ?? 0) / 1000,
    wallOfCpuMaxMs: (top?.wall ?? 0) / 1000,
    cpuOver50: tasks.filter((t) => t.cpu > 50_000).length,
  };
}

interface OwnTime {
  ts: number;
  /** µs, without the tasks run inside this one. */
  cpu: number;
  wall: number;
}

/**
 * Each task's times without those of tasks run inside it: a task can run others in a nested loop (module
 * evaluation does), and the page handles input between them, as the Long Tasks API reports them.
 */
function ownTimes(sorted: TraceEvent[]): OwnTime[] {
  const out: OwnTime[] = [];
  const open: { end: number; own: OwnTime }[] = [];
  for (const e of sorted) {
    const dur = e.dur ?? 0;
    while (open.length > 0 && (open.at(-1)?.end ?? 0) <= e.ts) open.pop();
    const own: OwnTime = { ts: e.ts, cpu: e.tdur ?? dur, wall: dur };
    const parent = open.at(-1)?.own;
    if (parent) {
      parent.cpu -= own.cpu;
      parent.wall -= own.wall;
    }
    out.push(own);
    open.push({ end: e.ts + dur, own });
  }
  return out;
}
