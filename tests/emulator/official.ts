import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

/**
 * The official Cloud Firestore emulator (Debian package `google-cloud-cli-firestore-emulator`, a
 * jar run by Java 17), the only thing that executes firestore.rules. Started on 127.0.0.1 on a
 * free port with the project's rules; `FIRESTORE_RULES` names another rules file (used to show
 * that a test fails on an older version of the rules).
 */
export const EMULATOR_JAR = '/usr/lib/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar';
// __dirname under Vitest; bench/run.mjs bundles this as ESM and runs it from the repository root.
export const RULES_FILE = resolve(process.env.FIRESTORE_RULES ?? (typeof __dirname === 'string' ? join(__dirname, '../../firestore.rules') : 'firestore.rules'));

export type OfficialEmulator = { host: string; port: number; stop(): Promise<void> };

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** Resolves once the emulator answers HTTP on `host`, polling (no fixed sleep); rejects after `timeoutMs`. */
export async function waitForEmulator(host: string, timeoutMs = 60_000, exited?: () => string | undefined): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const why = exited?.();
    if (why) throw new Error(why);
    try {
      const res = await fetch(`http://${host}/`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`the Firestore emulator did not answer on ${host} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Spawns the emulator; `ready` settles when it answers. `heap`: the JVM's -Xmx (a shared two-core machine). */
export async function spawnEmulator({ rules = RULES_FILE, heap = '1g' }: { rules?: string; heap?: string } = {}): Promise<OfficialEmulator & { ready: Promise<void> }> {
  if (!existsSync(EMULATOR_JAR)) {
    throw new Error(`The Firestore emulator is not installed (${EMULATOR_JAR}): apt-get install google-cloud-cli-firestore-emulator default-jre-headless (.ci/run does it)`);
  }
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    'java',
    [`-Xmx${heap}`, '-Duser.language=en', '-cp', EMULATOR_JAR, 'com.google.cloud.datastore.emulator.firestore.CloudFirestore', 'start', '--host', '127.0.0.1', '--port', String(port), '--rules', rules],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  let exit: string | undefined;
  const keep = (b: Buffer) => void (output = (output + b.toString()).slice(-4_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  child.once('exit', (code, signal) => void (exit = `the Firestore emulator exited (${code ?? signal}) before it was ready:\n${output}`));
  child.once('error', (e) => void (exit = `could not start java for the Firestore emulator: ${e.message}`));
  const ready = waitForEmulator(host, 60_000, () => exit);
  ready.catch(() => child.kill('SIGKILL'));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await gone;
    clearTimeout(timer);
  };
  return { host, port, ready, stop };
}

/** Deletes every document of `projectId` (the emulator's own reset endpoint), between tests. */
export async function clearProject(host: string, projectId: string): Promise<void> {
  const res = await fetch(`http://${host}/emulator/v1/projects/${projectId}/databases/(default)/documents`, { method: 'DELETE' });
  if (!res.ok) throw new Error(`clearing ${projectId} failed: ${res.status} ${await res.text()}`);
}
