import type { SyncedTable } from '../../storage/model/entities';
import { TransportError, type PullPage, type PushDoc, type Transport } from '../../sync/transport';
import type { InMemoryServer } from './server';

type Message =
  /** `echo`: a copy the network made of a request; the server runs it again, nobody hears the answer. */
  | { kind: 'request'; replica: number; epoch: number; run: () => unknown; respond: (ok: boolean, value: unknown) => void; echo?: boolean }
  | { kind: 'response'; replica: number; epoch: number; ok: boolean; value: unknown; respond: (ok: boolean, value: unknown) => void };

/**
 * The network between replicas and the server. Nothing moves until the simulation delivers a
 * message, in whatever order it picks: requests and responses get reordered, a partition fails
 * everything in flight for that replica (a push the server applied may never be acknowledged), and
 * a crash drops the replica's in-flight messages for good.
 */
export class SimNetwork {
  readonly queue: Message[] = [];
  private partitioned = new Set<number>();
  private epochs = new Map<number, number>();
  /** In heal mode every request is answered at once, in order. */
  immediate = false;
  blocked = new Map<number, number>();
  trace: (line: string) => void = () => {};

  constructor(readonly server: InMemoryServer) {}

  epoch(replica: number) {
    return this.epochs.get(replica) ?? 0;
  }

  isPartitioned(replica: number) {
    return this.partitioned.has(replica);
  }

  send(replica: number, run: () => unknown): Promise<unknown> {
    if (this.partitioned.has(replica)) return Promise.reject(new TransportError('offline', 'partitioned'));
    return new Promise((resolve, reject) => {
      const respond = (ok: boolean, value: unknown) => {
        this.blocked.set(replica, (this.blocked.get(replica) ?? 1) - 1);
        if (ok) resolve(value);
        else reject(value);
      };
      this.blocked.set(replica, (this.blocked.get(replica) ?? 0) + 1);
      const msg: Message = { kind: 'request', replica, epoch: this.epoch(replica), run, respond };
      if (this.immediate) this.process(msg);
      else this.queue.push(msg);
    });
  }

  private process(msg: Extract<Message, { kind: 'request' }>) {
    this.trace(`network: r${msg.replica}'s request reaches the server${msg.echo ? ' (a copy)' : ''}`);
    if (msg.echo) {
      try {
        msg.run();
      } catch {
        // A refused duplicate changes nothing, and its answer goes nowhere.
      }
      return;
    }
    let response: Message;
    try {
      response = { ...msg, kind: 'response', ok: true, value: msg.run() };
    } catch (e) {
      response = { ...msg, kind: 'response', ok: false, value: new TransportError('refused', (e as Error).message) };
    }
    if (this.immediate) this.deliverResponse(response);
    else this.queue.push(response);
  }

  private deliverResponse(msg: Extract<Message, { kind: 'response' }>) {
    if (msg.epoch !== this.epoch(msg.replica)) return; // the replica crashed since: nobody listens
    this.trace(`network: r${msg.replica} gets its answer (${msg.ok ? 'ok' : 'failed'})`);
    msg.respond(msg.ok, msg.value);
  }

  /** Delivers the message at `index` of the queue. */
  deliver(index: number) {
    const [msg] = this.queue.splice(index, 1);
    if (!msg) return;
    if (msg.kind === 'request') this.process(msg);
    else this.deliverResponse(msg);
  }

  /**
   * The network delivers a request twice: a copy of the one at `index` joins the queue and reaches
   * the server whenever it is picked, maybe long after newer pushes (a stale, repeated push).
   */
  duplicate(index: number) {
    const msg = this.queue[index];
    if (msg?.kind === 'request') this.queue.push({ ...msg, echo: true });
  }

  partition(replica: number) {
    this.partitioned.add(replica);
    this.failInFlight(replica, (m) => m.epoch === this.epoch(replica) && m.respond(false, new TransportError('offline', 'connection lost')));
  }

  heal(replica: number) {
    this.partitioned.delete(replica);
  }

  /** The replica's process died: whatever it was waiting for will never reach it. */
  crash(replica: number) {
    this.failInFlight(replica, () => undefined);
    this.blocked.set(replica, 0);
    this.epochs.set(replica, this.epoch(replica) + 1);
  }

  /** Echoes stay: a copy already on its way reaches the server whatever became of its sender. */
  private failInFlight(replica: number, settle: (m: Message) => void) {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const m = this.queue[i]!;
      if (m.replica !== replica || (m.kind === 'request' && m.echo)) continue;
      this.queue.splice(i, 1);
      settle(m);
    }
  }

  transport(replica: number): Transport {
    const server = this.server;
    return {
      push: (docs: readonly PushDoc[]) => this.send(replica, () => server.push(docs)) as Promise<void>,
      pull: (table: SyncedTable, after: number | null, limit: number) => this.send(replica, () => server.pull(table, after, limit)) as Promise<PullPage>,
      count: (table: SyncedTable) => this.send(replica, () => server.count(table)) as Promise<number>,
    };
  }
}
