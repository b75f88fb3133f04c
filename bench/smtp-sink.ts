// A local SMTP server in its own process (so it does not share the worker's CPU time in the benchmark): accepts
// everything, counts messages, prints the count on request.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

let received = 0;
const server = new SMTPServer({
  authOptional: true,
  hideSTARTTLS: true,
  maxClients: 64,
  onData(stream, _session, callback) {
    stream.resume();
    stream.on('end', () => {
      received++;
      callback();
    });
  },
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`port ${(server.server.address() as AddressInfo).port}\n`);
});
process.stdin.on('data', () => process.stdout.write(`received ${received}\n`));
