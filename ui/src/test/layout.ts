// jsdom has no layout: give elements a viewport size so the virtual grid has something to measure.

export function fakeLayout(width = 1200, height = 800): () => void {
  const proto = HTMLElement.prototype;
  const saved = {
    w: Object.getOwnPropertyDescriptor(proto, 'clientWidth'),
    h: Object.getOwnPropertyDescriptor(proto, 'clientHeight'),
  };
  Object.defineProperty(proto, 'clientWidth', { configurable: true, get: () => width });
  Object.defineProperty(proto, 'clientHeight', { configurable: true, get: () => height });
  return () => {
    if (saved.w) Object.defineProperty(proto, 'clientWidth', saved.w);
    if (saved.h) Object.defineProperty(proto, 'clientHeight', saved.h);
  };
}
