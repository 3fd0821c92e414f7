import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { ErrorBoundary } from '../../../renderer/src/app/ErrorBoundary';

describe('view error boundary', () => {
  it('shows what went wrong and a way back instead of a blank window', () => {
    const boundary = new ErrorBoundary({ children: 'the workbench' });
    expect(renderToStaticMarkup(boundary.render())).toBe('the workbench');
    boundary.state = ErrorBoundary.getDerivedStateFromError(new Error('Cannot read properties of undefined (reading "rowCount")'));
    const markup = renderToStaticMarkup(boundary.render());
    expect(markup).toContain('data-testid="app-crash"');
    expect(markup).toContain('Your loaded tables are still in the engine');
    expect(markup).toContain('Cannot read properties of undefined (reading &quot;rowCount&quot;)');
    expect(markup).toContain('Show the workbench again');
    // Non-Error throws are shown too.
    expect(ErrorBoundary.getDerivedStateFromError('plain text').error?.message).toBe('plain text');
  });
});
