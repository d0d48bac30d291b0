/**
 * happy-dom has no layout: a ResizeObserver that reports a box of this size lets a chart card
 * (visx's useParentSize) measure a width and draw its chart. Call in a test file's beforeAll.
 */
export function installFixedResizeObserver(width: number, height: number): void {
  class FixedResizeObserver {
    constructor(private readonly callback: (entries: { contentRect: { width: number; height: number; top: number; left: number } }[]) => void) {}
    observe() {
      this.callback([{ contentRect: { width, height, top: 0, left: 0 } }]);
    }
    unobserve() {}
    disconnect() {}
  }
  Object.defineProperty(window, 'ResizeObserver', { configurable: true, value: FixedResizeObserver });
}
