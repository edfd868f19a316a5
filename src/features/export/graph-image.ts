export type ImageFormat = 'png' | 'svg';

/** The React Flow viewport on screen, if the graph view is showing. */
export function findFlowViewport(): { flow: HTMLElement; viewport: HTMLElement } | null {
  const flow = document.querySelector<HTMLElement>('.react-flow');
  const viewport = flow?.querySelector<HTMLElement>('.react-flow__viewport');
  return flow && viewport ? { flow, viewport } : null;
}

/**
 * The visible part of the graph as a data URL: the viewport element rendered at the size of the graph pane,
 * with its current pan and zoom, on the page's background colour (so dark mode stays dark).
 */
export async function graphImage(format: ImageFormat): Promise<string> {
  const found = findFlowViewport();
  if (!found) throw new Error('No graph on screen: switch to the graph view to export it as an image.');
  const { flow, viewport } = found;
  const width = Math.max(1, Math.round(flow.clientWidth));
  const height = Math.max(1, Math.round(flow.clientHeight));
  const background = getComputedStyle(flow).backgroundColor;
  const options = {
    width,
    height,
    backgroundColor: background && background !== 'rgba(0, 0, 0, 0)' ? background : '#ffffff',
    style: { width: `${width}px`, height: `${height}px`, transform: viewport.style.transform },
  };
  // Loaded when first used: nothing else needs it.
  const { toPng, toSvg } = await import('html-to-image');
  return format === 'png' ? toPng(viewport, options) : toSvg(viewport, options);
}
