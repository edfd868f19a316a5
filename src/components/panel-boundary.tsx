import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ErrorPanel } from './error-panel';

interface Props {
  /** Names the panel in the error message: "Could not show the lineage graph". */
  title: string;
  children: ReactNode;
}
interface State {
  error: unknown;
}

/** Catches a render error inside one panel so the rest of the page keeps working. */
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
    return this.props.children;
  }
}
