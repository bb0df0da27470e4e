import { afterAll, beforeAll } from 'vitest';

/**
 * jsdom has no layout: for the enclosing block, the table's scroller (data-testid="table-scroll", and each
 * board column's, "board-column-scroll") reports a browser window's height, so the virtualised table renders its rows.
 */
export function withTableScrollHeight(height = 700) {
  const clientHeight = Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight')!;
  beforeAll(() => {
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
      configurable: true,
      get(this: HTMLElement) {
        return this.dataset.testid === 'table-scroll' || this.dataset.testid === 'board-column-scroll' ? height : clientHeight.get!.call(this);
      },
    });
  });
  afterAll(() => {
    delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
  });
}
