// Integration tests serve the admin app on a free port of loopback and talk to it over real HTTP.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

export async function listenOnFreePort(app: Express): Promise<{ server: Server; base: string }> {
  const server = app.listen(0);
  await new Promise((resolve) => server.once('listening', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
