import { type Server, type Socket, connect, createServer } from 'node:net';

/**
 * A round-robin TCP load balancer in front of several gateway replicas, as a
 * Kubernetes Service would be: a backend that refuses connections is skipped,
 * and when a backend dies its clients' sockets close, so they reconnect.
 */
export class TcpBalancer {
  private server: Server | undefined;
  private next = 0;
  private readonly sockets = new Set<Socket>();

  /** `isReady` (default: always) leaves out a backend as a Service leaves out a pod that is not ready. */
  constructor(
    private readonly backends: { host: string; port: number }[],
    private readonly isReady: (index: number) => boolean = () => true,
  ) {}

  async start(port = 0): Promise<number> {
    this.server = createServer((client) => this.forward(client, 0));
    await new Promise<void>((resolve) => this.server?.listen(port, '127.0.0.1', () => resolve()));
    const address = this.server.address();
    if (typeof address !== 'object' || !address) throw new Error('balancer has no address');
    return address.port;
  }

  async stop(): Promise<void> {
    this.sockets.forEach((socket) => socket.destroy());
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private forward(client: Socket, attempts: number): void {
    if (attempts >= this.backends.length) {
      client.destroy();
      return;
    }
    const index = this.next++ % this.backends.length;
    const backend = this.backends[index];
    if (!backend) return;
    if (!this.isReady(index)) return this.forward(client, attempts + 1);
    client.pause();
    const upstream = connect(backend.port, backend.host);
    let connected = false;
    upstream.once('connect', () => {
      connected = true;
      this.track(client);
      this.track(upstream);
      client.pipe(upstream).pipe(client);
      client.resume();
    });
    upstream.on('error', () => {
      if (!connected) this.forward(client, attempts + 1);
    });
    client.on('error', () => upstream.destroy());
    upstream.on('close', () => {
      if (connected) client.destroy();
    });
    client.on('close', () => upstream.destroy());
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
  }
}
