import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A loopback port nothing listens on: bound by us a moment ago, then released. Unlike a fixed
 * low port (fetch blocks 1, 9 and other "bad ports" before connecting), this one really refuses.
 */
export async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
