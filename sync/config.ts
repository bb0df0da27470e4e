import { z } from 'zod';

/**
 * Firebase settings come from build variables (README "Build variables", .env.example). Without
 * them the build is the local workspace only: nothing sync-related starts.
 */
const configSchema = z.object({
  apiKey: z.string().min(1),
  authDomain: z.string().min(1),
  projectId: z.string().min(1),
  appId: z.string().min(1),
});
export type FirebaseConfig = z.infer<typeof configSchema> & { oauthClientId?: string };

export type BuildEnv = Record<string, string | boolean | undefined>;

export function firebaseConfig(env: BuildEnv = import.meta.env as BuildEnv): FirebaseConfig | undefined {
  const parsed = configSchema.safeParse({
    apiKey: env.WXT_FIREBASE_API_KEY,
    authDomain: env.WXT_FIREBASE_AUTH_DOMAIN,
    projectId: env.WXT_FIREBASE_PROJECT_ID,
    appId: env.WXT_FIREBASE_APP_ID,
  });
  if (!parsed.success) return undefined;
  const client = env.WXT_GOOGLE_OAUTH_CLIENT_ID;
  return typeof client === 'string' && client ? { ...parsed.data, oauthClientId: client } : parsed.data;
}

type Manifest = { permissions?: string[]; oauth2?: { client_id: string; scopes: string[] } };

/**
 * The manifest additions of a build with sync (wxt.config.ts calls this from its manifest hook):
 * `identity` for Google sign-in, `offscreen` for the Chrome sync host, and the OAuth client that
 * chrome.identity.getAuthToken needs. A local-only build asks for none of them.
 */
export function addSyncManifest(manifest: Manifest, env: BuildEnv, browser: string): void {
  const config = firebaseConfig(env);
  if (!config) return;
  const permissions = new Set(manifest.permissions ?? []);
  permissions.add('identity');
  if (browser !== 'firefox') permissions.add('offscreen');
  manifest.permissions = [...permissions];
  if (config.oauthClientId && browser !== 'firefox') manifest.oauth2 = { client_id: config.oauthClientId, scopes: ['openid', 'email', 'profile'] };
}
