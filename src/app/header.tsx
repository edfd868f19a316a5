import { SessionBar } from '../features/session/session-bar';
import { TeamControls } from '../features/sign-in/team-controls';
import { PanelBoundary } from '../components/panel-boundary';
import { ThemeToggle } from '../components/theme-toggle';

export function Header() {
  return (
    <header className="flex flex-wrap items-center gap-x-6 gap-y-2 border-b border-slate-200 bg-white px-4 py-2 dark:border-slate-700 dark:bg-slate-900">
      <h1 className="text-lg font-semibold tracking-tight">Glance Lineage</h1>
      <PanelBoundary title="Could not show the session">
        <SessionBar />
      </PanelBoundary>
      <div className="ml-auto flex items-center gap-3">
        <TeamControls />
        <ThemeToggle />
      </div>
    </header>
  );
}
