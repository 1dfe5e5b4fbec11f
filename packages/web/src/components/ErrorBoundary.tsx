import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ErrorFallback } from './ErrorFallback.tsx';

interface State {
  error: Error | null;
}

/** Catches render errors (and failed lazy chunks) below it and shows a way out instead of a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(error, info.componentStack);
  }

  handleReset = (): void => {
    this.setState({ error: null });
  };

  override render() {
    if (this.state.error) return <ErrorFallback error={this.state.error} onReset={this.handleReset} />;
    return this.props.children;
  }
}
