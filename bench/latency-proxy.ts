// A TCP-level latency proxy on loopback: every chunk is held for half the round trip in each
// direction, so a request/response exchange costs one RTT and a TLS 1.3 handshake one more —
// what a registry a few hundred kilometres away costs. TLS passes through untouched (the client
// still verifies the registry's certificate). It listens before its target exists (the registry
// must name the proxy as its token realm when it starts); setTarget() connects it.
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface LatencyProxy {
  readonly port: number;
  readonly rttMs: number;
  /** TCP connections accepted so far (each one a TLS handshake for an HTTPS client). */
  readonly connections: number;
  setTarget(port: number): void;
  close(): Promise<void>;
}

export async function startLatencyProxy(rttMs: number): Promise<LatencyProxy> {
  const oneWayMs = rttMs / 2;
  const sockets = new Set<Socket>();
  let targetPort: number | undefined;
  let connections = 0;

  const forward = (from: Socket, to: Socket): void => {
    // Timers of the same duration fire in the order they were set: the byte order is kept.
    from.on('data', (chunk: Buffer) => {
      setTimeout(() => {
        if (!to.destroyed) to.write(chunk);
      }, oneWayMs);
    });
    from.on('end', () => setTimeout(() => to.end(), oneWayMs));
  };

  const server: Server = createServer((client) => {
    connections += 1;
    if (targetPort === undefined) {
      client.destroy();
      return;
    }
    const upstream = connect(targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.setNoDelay(true);
      socket.on('close', () => sockets.delete(socket));
      // A reset on one side resets the other, after the same delay as data would take.
      socket.on('error', () => setTimeout(() => (socket === client ? upstream : client).destroy(), oneWayMs));
    }
    client.on('close', () => setTimeout(() => upstream.destroy(), oneWayMs));
    upstream.on('close', () => setTimeout(() => client.destroy(), oneWayMs));
    forward(client, upstream);
    forward(upstream, client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    rttMs,
    get connections() {
      return connections;
    },
    setTarget(p: number) {
      targetPort = p;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
