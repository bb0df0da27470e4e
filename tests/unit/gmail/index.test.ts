import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { deferred, FakeSdk } from './fakeSdk';

// The real InboxSDK only runs inside Gmail; the entrypoint is checked against the same fake.
const load = vi.hoisted(() => vi.fn());
vi.mock('@inboxsdk/core', () => ({ load }));

async function entrypoint() {
  vi.resetModules();
  return (await import('../../../entrypoints/gmail.content/index')).default;
}

beforeEach(() => {
  fakeBrowser.reset();
  load.mockReset();
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('gmail content script', () => {
  it('runs on Gmail at document_end', async () => {
    const script = await entrypoint();
    expect(script.matches).toEqual(['https://mail.google.com/*']);
    expect(script.runAt).toBe('document_end');
  });

  it('loads InboxSDK with the development app id by default and wires Threadline', async () => {
    const sdk = new FakeSdk();
    load.mockResolvedValue(sdk);
    const ctx = new ContentScriptContext('gmail');
    await (await entrypoint()).main(ctx);

    expect(load).toHaveBeenCalledWith(2, 'threadline-development', expect.objectContaining({ appName: 'Threadline' }));
    expect(sdk.threadHandlers).toHaveLength(1);
    ctx.abort();
    expect(sdk.threadHandlers[0]?.removed).toBe(true);
    expect(sdk.destroyed).toBe(true);
  });

  it('uses WXT_INBOXSDK_APP_ID when set', async () => {
    vi.stubEnv('WXT_INBOXSDK_APP_ID', 'sdk_threadline_0123456789');
    load.mockResolvedValue(new FakeSdk());
    await (await entrypoint()).main(new ContentScriptContext('gmail'));
    expect(load).toHaveBeenCalledWith(2, 'sdk_threadline_0123456789', expect.anything());
  });

  it('registers nothing and destroys the SDK when invalidated while InboxSDK loads', async () => {
    const sdk = new FakeSdk();
    const loading = deferred<FakeSdk>();
    load.mockReturnValue(loading.promise);
    const ctx = new ContentScriptContext('gmail');
    const running = (await entrypoint()).main(ctx);
    ctx.abort();
    loading.resolve(sdk);
    await running;

    expect(sdk.threadHandlers).toEqual([]);
    expect(sdk.destroyed).toBe(true);
  });

  it('logs and gives up when InboxSDK fails to load', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    load.mockRejectedValue(new Error('not Gmail'));
    await expect((await entrypoint()).main(new ContentScriptContext('gmail'))).resolves.toBeUndefined();
    expect(error).toHaveBeenCalled();
  });
});
