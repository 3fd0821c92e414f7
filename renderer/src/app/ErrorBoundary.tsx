import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/**
 * A rendering error anywhere below shows this instead of a blank window. The
 * data is not lost: the engine worker lives at module level (app/engine.ts),
 * outside React, so "Show the workbench again" mounts the app afresh over the
 * same loaded tables.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Recon Workbench view error', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="app-crash" role="alert" data-testid="app-crash">
        <h1>Something in this view went wrong</h1>
        <p>Your loaded tables are still in the engine; nothing has been lost.</p>
        <pre className="app-crash-message">{error.message}</pre>
        <button type="button" className="btn btn-primary" onClick={() => this.setState({ error: null })}>
          Show the workbench again
        </button>
      </div>
    );
  }
}
