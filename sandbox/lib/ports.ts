// Port helpers for the sandbox's servers. Everything binds to 127.0.0.1 only: the sandbox must
// never be reachable from the network, and never grab a fixed port that something else owns.
import { createServer } from 'node:net';

const LOOPBACK = '127.0.0.1';

/** Asks the kernel for a free loopback port (listen on port 0, read it back, release it). */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, LOOPBACK, () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error('could not read the port the kernel picked on 127.0.0.1'));
        return;
      }
      server.close(() => resolve(address.port));
    });
  });
}

/**
 * Rejects when `port` is taken on 127.0.0.1, with a message that tells the user what to do
 * (the orchestration reads PORT from the environment).
 */
export function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(new Error(`port ${port} on 127.0.0.1 is already in use; set PORT to another port`));
      } else {
        reject(error);
      }
    });
    server.listen(port, LOOPBACK, () => server.close(() => resolve()));
  });
}

/** Whether `port` can be bound on 127.0.0.1 right now. */
export function isPortFree(port: number): Promise<boolean> {
  return assertPortFree(port).then(
    () => true,
    () => false,
  );
}
