import { lazy, type ComponentType } from 'react';

/**
 * A component whose code is loaded when it is first rendered (its own chunk), for use inside a
 * PanelBoundary, which shows a placeholder meanwhile. A chunk that fails to load throws a clear error to
 * the boundary, and the next render (the boundary's Retry) asks for it again: React.lazy alone would keep
 * the failure for good.
 */
export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const attempt = () =>
    lazy(() =>
      load().then(
        (component) => ({ default: component }),
        (cause: unknown) => {
          current = attempt();
          throw new Error(
            `The dashboard's code for this view could not be loaded (${cause instanceof Error ? cause.message : String(cause)}). ` +
              'Retry, or reload the page if the dashboard was updated meanwhile.',
            { cause },
          );
        },
      ),
    );
  let current = attempt();
  return function LazyView(props: P) {
    const Current = current;
    return <Current {...props} />;
  };
}
