import { afterAll, beforeAll } from 'vitest';
import { launchExtension, removeProfile, type Session } from './extension';

/** The live session of a describe block; `restart()` reopens its profile as a browser restart would. */
export type SessionAccessor = (() => Session) & { restart: () => Promise<Session> };

/**
 * One Chromium with the built extension for the enclosing describe block: launched on a fresh
 * profile before its first test, closed and the profile removed after its last. Call it inside
 * `describe`; hooks registered after it run after the launch, so they can use the session.
 */
export function useExtensionSession(): SessionAccessor {
  let session: Session | undefined;
  let profile: string | undefined;

  beforeAll(async () => {
    session = await launchExtension();
    profile = session.userDataDir;
  });
  afterAll(async () => {
    await session?.close();
    if (profile) removeProfile(profile);
  });

  const current = () => {
    if (!session) throw new Error('No extension session: useExtensionSession() runs its launch in beforeAll');
    return session;
  };
  return Object.assign(current, {
    async restart() {
      await current().close();
      session = await launchExtension(profile);
      return session;
    },
  });
}
