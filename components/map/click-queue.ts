/**
 * A click on the map before it has drawn for the first time (style and first tiles: MapLibre's first `idle`)
 * finds nothing under the pointer and would be lost, or worse, close the panel. Until then the last click is
 * kept (as a place on the map, so a pan in between does not move it) and handed back once the map is ready.
 */
export type ClickQueue<P> = {
  /** True: the map is ready, handle the click now. False: kept for `ready()` (a later click replaces it). */
  offer: (click: P) => boolean;
  /** Marks the map ready (once); returns the click kept meanwhile, or null. */
  ready: () => P | null;
};

export function createClickQueue<P>(): ClickQueue<P> {
  let isReady = false;
  let pending: P | null = null;
  return {
    offer(click) {
      if (isReady) return true;
      pending = click;
      return false;
    },
    ready() {
      if (isReady) return null;
      isReady = true;
      const click = pending;
      pending = null;
      return click;
    },
  };
}
