import { Component, Suspense, type ErrorInfo, type ReactNode } from 'react';
import { ErrorPanel } from './error-panel';

interface Props {
  /** Names the panel in the error message: "Could not show the lineage graph". */
  title: string;
  children: ReactNode;
}
interface State {
  error: unknown;
}

/**
 * Catches a render error inside one panel so the rest of the page keeps working, and shows a placeholder
 * while a lazily loaded view's code arrives (src/app/lazy-views.ts); a chunk that fails to load is an error
 * like any other, and Retry asks for it again.
 */
export class PanelBoundary extends Component<Props, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(this.props.title, error, info.componentStack);
  }

  render(): ReactNode {
    if (this.state.error !== null)
      return (
        <ErrorPanel
          title={this.props.title}
          error={this.state.error}
          onRetry={() => this.setState({ error: null })}
        />
      );
    return (
      <Suspense
        fallback={
          <p aria-busy="true" className="p-4 text-sm text-slate-500">
            Loading…
          </p>
        }
      >
        {this.props.children}
      </Suspense>
    );
  }
}
