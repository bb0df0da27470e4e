/**
 * An extension page framed into Gmail. The data lives in the extension's origin (IndexedDB), so
 * Threadline's UI runs there and Gmail's page only ever holds this empty iframe element.
 */
export type Frame = {
  el: HTMLIFrameElement;
  /** Resolves once the framed page has run its scripts and can receive messages. */
  loaded: Promise<void>;
};

export function createFrame(src: string, title: string, height: string): Frame {
  const el = document.createElement('iframe');
  el.title = title;
  // Styles set one by one: Gmail-controlled CSS must not be able to collapse or overlay the frame.
  el.style.setProperty('display', 'block', 'important');
  el.style.setProperty('width', '100%', 'important');
  el.style.setProperty('height', height, 'important');
  el.style.setProperty('border', '0', 'important');
  const loaded = new Promise<void>((resolve) => el.addEventListener('load', () => resolve(), { once: true }));
  el.src = src;
  return { el, loaded };
}
