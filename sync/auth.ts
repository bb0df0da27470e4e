import type { FirebaseApp } from 'firebase/app';
import { getAuth, GoogleAuthProvider, onAuthStateChanged, signInWithCredential, signOut, type Auth, type User } from 'firebase/auth/web-extension';
import { browser } from 'wxt/browser';

/**
 * Google sign-in for an extension: the Google token comes from the browser's identity API (no
 * popup pages or remote scripts, which MV3 forbids), then Firebase signs in with it. The session
 * is kept in the extension origin's IndexedDB, so the sync host sees a sign-in made on a page.
 */
export function authFor(app: FirebaseApp): Auth {
  return getAuth(app);
}

async function googleAccessToken(clientId: string | undefined): Promise<string> {
  if (!import.meta.env.FIREFOX) {
    const result = await (browser.identity as unknown as { getAuthToken(o: { interactive: boolean }): Promise<{ token?: string } | string> }).getAuthToken({ interactive: true });
    const token = typeof result === 'string' ? result : result.token;
    if (!token) throw new Error('Google did not return a sign-in token');
    return token;
  }
  // Firefox has no getAuthToken: the OAuth flow runs in the browser's own sign-in window.
  if (!clientId) throw new Error('WXT_GOOGLE_OAUTH_CLIENT_ID is not set for this build');
  const redirect = browser.identity.getRedirectURL();
  const url = `https://accounts.google.com/o/oauth2/v2/auth?${new URLSearchParams({ client_id: clientId, response_type: 'token', redirect_uri: redirect, scope: 'openid email profile' })}`;
  const back = await browser.identity.launchWebAuthFlow({ url, interactive: true });
  if (!back) throw new Error('Google sign-in was closed');
  const token = new URLSearchParams(new URL(back).hash.slice(1)).get('access_token');
  if (!token) throw new Error('Google did not return a sign-in token');
  return token;
}

export async function signInWithGoogle(auth: Auth, clientId?: string): Promise<User> {
  const token = await googleAccessToken(clientId);
  const { user } = await signInWithCredential(auth, GoogleAuthProvider.credential(null, token));
  return user;
}

export function signOutEverywhere(auth: Auth): Promise<void> {
  return signOut(auth);
}

export function watchUser(auth: Auth, onUser: (user: User | null) => void): () => void {
  return onAuthStateChanged(auth, onUser);
}
