import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { ErrorPanel } from './ErrorPanel';

interface Props {
  /** Names the screen in the message, and resets the boundary when it changes. */
  area: string;
  children: ReactNode;
}
interface State {
  error: Error | null;
}

/**
 * A rendering bug in one screen shows a message instead of a blank window; "Try again" re-mounts
 * the screen. Data lives in the store and main, so nothing is lost by re-mounting.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`[${this.props.area}] render failed`, error, info.componentStack);
  }

  override componentDidUpdate(previous: Props): void {
    if (previous.area !== this.props.area && this.state.error) this.setState({ error: null });
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="error-boundary" data-testid="error-boundary">
        <ErrorPanel
          testId="error-boundary.error"
          error={{ code: 'internal', message: `The ${this.props.area} screen failed to draw: ${error.message}` }}
          actions={
            <button type="button" className="btn btn--small" onClick={() => this.setState({ error: null })}>
              Try again
            </button>
          }
        />
      </div>
    );
  }
}
