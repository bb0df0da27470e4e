import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { inBackground, isClosedConnection } from '../../storage/queries/inBackground';

describe('background reads under a closed connection', () => {
  it('recognises a closed connection itself and wrapped, and nothing else', () => {
    expect(isClosedConnection(new Dexie.DatabaseClosedError())).toBe(true);
    expect(isClosedConnection({ name: 'OpenFailedError', inner: { name: 'VersionError' } })).toBe(true);
    expect(isClosedConnection(new Error('boom', { cause: new Dexie.DatabaseClosedError() }))).toBe(true);
    expect(isClosedConnection(new Dexie.ConstraintError())).toBe(false);
    expect(isClosedConnection(undefined)).toBe(false);
  });

  it('drops a read the closed connection failed, and keeps any other failure unhandled', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      inBackground(Promise.reject(new Dexie.DatabaseClosedError()));
      const other = new Dexie.ConstraintError();
      inBackground(Promise.reject(other));
      await vi.waitFor(() => expect(unhandled).toHaveBeenCalledTimes(1));
      expect(unhandled.mock.calls[0]![0]).toBe(other);
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});
