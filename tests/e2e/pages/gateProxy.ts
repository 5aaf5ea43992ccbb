import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { forward, readAll } from './forward';

/** One request the app sent through the gate, as the gate saw it. */
export interface GateRequest {
  method: string;
  /** Path and query, e.g. `/api/v1/developer/images/upload-url`. */
  path: string;
  /** The JSON body's `filename`, when it has one (upload-url, register). */
  filename: string | null;
  /** The server's status once answered (null while held or swallowed before the answer). */
  status: number | null;
}

/**
 * What the gate does with a request: `pass` forwards it; `hold` keeps it unsent until `release()`;
 * `swallow` forwards it (the server acts on it) but never answers the app — a crash between the
 * server's work and the client's bookkeeping; `trickle` answers the first half of the body and
 * keeps the rest until `release()` (a slow download).
 */
export type GateDecision = 'pass' | 'hold' | 'swallow' | 'trickle';

/**
 * A loopback HTTP proxy in front of pictograph-local that tests steer request by request. The app
 * is connected to the gate's URL, so every API call crosses it; signed storage URLs point at the
 * server itself, except export download links, which the gate rewrites to itself so a download can
 * be slowed. Deterministic: nothing waits on a clock, requests wait on `release()`.
 */
export class GateProxy {
  readonly requests: GateRequest[] = [];
  /** Answers for each request in arrival order; replace it at any time. */
  decide: (request: GateRequest) => GateDecision = () => 'pass';
  readonly #target: string;
  readonly #server: Server;
  readonly #sockets = new Set<Socket>();
  #held: { request: GateRequest; abandoned: () => boolean; go: () => void }[] = [];
  #swallowed = 0;
  #release: { promise: Promise<void>; resolve: () => void } = opened();

  private constructor(target: string, server: Server) {
    this.#target = target;
    this.#server = server;
  }

  static async start(target: string): Promise<GateProxy> {
    const server = createServer();
    const gate = new GateProxy(target, server);
    server.on('request', (req, res) => void gate.#handle(req, res).catch(() => res.destroy()));
    server.on('connection', (socket) => {
      gate.#sockets.add(socket);
      socket.on('close', () => gate.#sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return gate;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  /** Requests waiting for `release()` whose sender is still waiting for them. */
  get waiting(): GateRequest[] {
    return this.#held.filter((h) => !h.abandoned()).map((h) => h.request);
  }

  /** Requests held at some point and then given up by the app (it aborted or closed the socket). */
  get abandoned(): GateRequest[] {
    return this.#held.filter((h) => h.abandoned()).map((h) => h.request);
  }

  /** Requests the server answered but the app never heard about. */
  get swallowed(): number {
    return this.#swallowed;
  }

  /** Lets every held request and trickling body go on; requests whose sender left are dropped. */
  release(): void {
    const held = this.#held;
    this.#held = [];
    for (const h of held) h.go();
    this.#release.resolve();
    this.#release = opened();
  }

  async close(): Promise<void> {
    this.release();
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readAll(req);
    const request: GateRequest = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      filename: filenameOf(body),
      status: null,
    };
    this.requests.push(request);
    let gone = false;
    res.on('close', () => (gone = !res.writableFinished));
    const decision = this.decide(request);
    if (decision === 'hold') {
      await new Promise<void>((go) => this.#held.push({ request, abandoned: () => gone, go }));
      if (gone) return; // the app gave up on it: the server never hears of it
    }
    const upstream = await forward(this.#target, req, body);
    request.status = upstream.status;
    if (decision === 'swallow') {
      this.#swallowed++;
      return; // the socket stays open until the app closes it
    }
    let bytes = upstream.body;
    const headers = { ...upstream.headers };
    if (/\/exports\/[^/]+\/download$/.test(request.path.split('?')[0]!) && upstream.status === 200) {
      // The signed link points at the server; send the download through the gate instead.
      bytes = Buffer.from(bytes.toString('utf8').split(this.#target).join(this.url));
      headers['content-length'] = String(bytes.byteLength);
    }
    res.writeHead(upstream.status, headers);
    if (decision === 'trickle') {
      res.write(bytes.subarray(0, bytes.byteLength >> 1));
      await this.#release.promise;
      if (gone) return;
      res.end(bytes.subarray(bytes.byteLength >> 1));
      return;
    }
    res.end(bytes);
  }
}

function opened(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

function filenameOf(body: Buffer): string | null {
  if (body.byteLength === 0 || body.byteLength > 64 * 1024) return null;
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { filename?: unknown };
    return typeof parsed.filename === 'string' ? parsed.filename : null;
  } catch {
    return null;
  }
}
