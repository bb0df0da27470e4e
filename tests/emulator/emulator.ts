import { createRequire } from 'node:module';
import type { FirestoreState } from '@firestore-emulator/server';

/**
 * A Firestore protocol server for tests: `@firestore-emulator/server` from npm, bound to
 * 127.0.0.1 on a free port, completed with what the firebase web SDK needs and it lacks
 * (ARCHITECTURE §4):
 *  - the `Write` stream (plain writes and batches), answering each write with its server-timestamp
 *    transform results, on top of the package's own commit path (`state.writeV1Document`);
 *  - a `Listen` stream that serves every target the SDK multiplexes over one stream (the package
 *    reads only the first request) and sends changes as diffs, coalesced per commit;
 *  - transaction commits that check `update_time` preconditions and accept the `verify` writes the
 *    SDK sends for documents a transaction read but did not change (the package's protos predate
 *    `verify`, so they decode as writes without an operation, and it throws on them).
 */
const here = createRequire(import.meta.url);
const pkg = createRequire(here.resolve('@firestore-emulator/server'));
// The package's own grpc-js and generated messages, so the service definition and server match.
const grpc = pkg('@grpc/grpc-js') as typeof import('@grpc/grpc-js');
const { FirestoreServiceV1Impl } = pkg('./server/FirestoreServiceV1Impl/index.js') as { FirestoreServiceV1Impl: ServiceClass };
const { FirestoreState: StateClass, TimestampFromDate } = pkg('./index.js') as { FirestoreState: new () => FirestoreState; TimestampFromDate: (d: Date) => ProtoMessage };
const messages = pkg('@firestore-emulator/proto/dist/google/firestore/v1/firestore.js') as Record<string, { fromObject(o: object): ProtoMessage }>;

type ProtoMessage = { toObject(): Record<string, unknown> } & Record<string, unknown>;
type ServiceClass = (new (state: FirestoreState) => Record<string, unknown>) & { definition: object };
type Duplex = {
  on(event: string, fn: (arg: never) => void): void;
  write(msg: unknown): void;
  end(): void;
  emit(event: string, arg: unknown): void;
};

const TARGET = { NO_CHANGE: 0, ADD: 1, REMOVE: 2, CURRENT: 3 } as const;

export type Emulator = { port: number; state: FirestoreState; stop(): void };

export async function startEmulator(): Promise<Emulator> {
  const state = new StateClass();
  // One listener per event for every listening client: a test file runs more than Node's default 10.
  (state.emitter as { setMaxListeners?: (n: number) => void }).setMaxListeners?.(0);
  const service = new FirestoreServiceV1Impl(state);
  service.Write = (call: Duplex) => writeStream(state, call);
  service.Listen = (call: Duplex) => listenStream(state, call);
  service.Commit = (call: { request: { writes: WriteLike[] } }, callback: (err: unknown, res?: unknown) => void) => commit(state, call.request.writes, callback);
  const server = new grpc.Server();
  server.addService(FirestoreServiceV1Impl.definition as never, service as never);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
  );
  return { port, state, stop: () => server.forceShutdown() };
}

type WriteLike = {
  update_transforms: { field_path: string; has_set_to_server_value: boolean }[];
  has_update: boolean;
  update: { name: string };
  has_delete: boolean;
  has_transform: boolean;
  has_current_document: boolean;
  current_document: { has_update_time: boolean; update_time: { seconds: number; nanos: number } };
};

/** Optimistic concurrency as Firestore does it: a document changed since the transaction read it aborts the commit (the SDK retries). */
function checkPrecondition(state: FirestoreState, w: WriteLike) {
  if (!w.has_current_document || !w.current_document.has_update_time) return;
  if (!w.has_update) return;
  const doc = state.getDocument(w.update.name) as unknown as { metadata: { hasExist: boolean; updatedAt: Date | null } };
  const want = Number(w.current_document.update_time.seconds) * 1000 + Math.floor(w.current_document.update_time.nanos / 1e6);
  if (!doc.metadata.hasExist || doc.metadata.updatedAt?.getTime() !== want) {
    throw Object.assign(new Error('the document changed since the transaction read it'), { code: grpc.status.ABORTED });
  }
}

function commit(state: FirestoreState, writes: WriteLike[], callback: (err: unknown, res?: unknown) => void) {
  const date = new Date();
  try {
    for (const w of writes) checkPrecondition(state, w);
    const isVerify = (w: WriteLike) => !w.has_update && !w.has_delete && !w.has_transform;
    const results = writes.map((w) =>
      isVerify(w) ? { update_time: TimestampFromDate(date).toObject() } : { ...state.writeV1Document(date, w as never).toObject(), transform_results: transformResults(state, w, date) },
    );
    callback(null, messages.CommitResponse!.fromObject({ commit_time: TimestampFromDate(date).toObject(), write_results: results }));
  } catch (e) {
    callback({ code: (e as { code?: number }).code ?? grpc.status.INTERNAL, message: (e as Error).message });
  }
}

function writeStream(state: FirestoreState, call: Duplex) {
  const streamId = `stream-${Math.random().toString(36).slice(2)}`;
  let n = 0;
  call.on('data', (req: { writes: WriteLike[] }) => {
    const token = Buffer.from(String(++n));
    if (req.writes.length === 0) {
      call.write(messages.WriteResponse!.fromObject({ stream_id: streamId, stream_token: token }));
      return;
    }
    const date = new Date();
    try {
      const results = req.writes.map((w) => ({ ...state.writeV1Document(date, w as never).toObject(), transform_results: transformResults(state, w, date) }));
      call.write(messages.WriteResponse!.fromObject({ stream_id: streamId, stream_token: token, commit_time: TimestampFromDate(date).toObject(), write_results: results }));
    } catch (e) {
      call.emit('error', { code: (e as { code?: number }).code ?? grpc.status.INTERNAL, message: (e as Error).message });
    }
  });
  call.on('end', () => call.end());
}

/** What the real server returns for each field transform: the commit time, or the field's new value. */
function transformResults(state: FirestoreState, write: WriteLike, date: Date) {
  return write.update_transforms.map((t) => {
    if (t.has_set_to_server_value) return { timestamp_value: TimestampFromDate(date).toObject() };
    const field = state.getDocument(write.update.name).getField(t.field_path);
    return field ? field.toV1ValueObject() : { null_value: 0 };
  });
}

type Target = { id: number; query?: { parent: string; structured_query: unknown }; documents?: string[]; known: Map<string, string> };
type DocLike = { getPath(): string; toV1DocumentObject(): { name: string; update_time: unknown } };

function listenStream(state: FirestoreState, call: Duplex) {
  const targets = new Map<number, Target>();
  let scheduled = false;
  const send = (o: object) => call.write(messages.ListenResponse!.fromObject(o));
  const readTime = () => TimestampFromDate(new Date()).toObject();
  const flush = () => {
    scheduled = false;
    for (const t of targets.values()) sendDiff(state, t, send);
    send({ target_change: { target_change_type: TARGET.NO_CHANGE, target_ids: [], read_time: readTime() } });
  };
  // One commit fires one event per document: answer once per turn, as one consistent snapshot.
  const onChange = () => {
    if (!scheduled && targets.size) {
      scheduled = true;
      setImmediate(flush);
    }
  };
  const events = ['create-document', 'update-document', 'delete-document'] as const;
  for (const e of events) state.emitter.on(e, onChange);
  const close = () => events.forEach((e) => state.emitter.off(e, onChange));
  call.on('data', (req: ListenReq) => {
    if (req.has_add_target) {
      const t: Target = { id: req.add_target.target_id, known: new Map() };
      if (req.add_target.has_query) t.query = req.add_target.query;
      else t.documents = req.add_target.documents.documents;
      targets.set(t.id, t);
      send({ target_change: { target_change_type: TARGET.ADD, target_ids: [t.id] } });
      sendDiff(state, t, send);
      send({ target_change: { target_change_type: TARGET.CURRENT, target_ids: [t.id], read_time: readTime() } });
      send({ target_change: { target_change_type: TARGET.NO_CHANGE, target_ids: [], read_time: readTime() } });
    }
    if (req.has_remove_target) {
      targets.delete(req.remove_target);
      send({ target_change: { target_change_type: TARGET.REMOVE, target_ids: [req.remove_target] } });
    }
  });
  call.on('end', () => {
    close();
    call.end();
  });
  call.on('cancelled', close);
  call.on('error', close);
}

type ListenReq = {
  has_add_target: boolean;
  add_target: { target_id: number; has_query: boolean; query: { parent: string; structured_query: unknown }; documents: { documents: string[] } };
  has_remove_target: boolean;
  remove_target: number;
};

function matching(state: FirestoreState, t: Target): DocLike[] {
  if (t.query) return state.v1Query(t.query.parent, t.query.structured_query as never) as unknown as DocLike[];
  return (t.documents ?? [])
    .map((path) => state.getDocument(path) as unknown as DocLike & { metadata: { hasExist: boolean } })
    .filter((d) => d.metadata.hasExist);
}

/** Sends the documents that entered or changed in the target's results, and removes those that left. */
function sendDiff(state: FirestoreState, t: Target, send: (o: object) => void) {
  const now = new Map<string, string>();
  for (const doc of matching(state, t)) {
    const obj = doc.toV1DocumentObject();
    const version = JSON.stringify(obj.update_time);
    now.set(obj.name, version);
    if (t.known.get(obj.name) !== version) send({ document_change: { document: obj, target_ids: [t.id] } });
  }
  for (const name of t.known.keys()) {
    if (!now.has(name)) send({ document_remove: { document: name, removed_target_ids: [t.id] } });
  }
  t.known = now;
}
