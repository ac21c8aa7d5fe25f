// E's baseline: a bare node:http server answering every request with the mock's SUCCESS body, nothing else.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const body = JSON.stringify({
  data: [
    {
      code: 'SUCCESS',
      details: {
        Modified_Time: '2026-11-24T10:00:00+00:00',
        Modified_By: { name: 'Patricia Boyle', id: '3652397000000235011' },
        Created_Time: '2021-05-02T11:17:33+00:00',
        id: '3652397000000412001',
        Created_By: { name: 'Patricia Boyle', id: '3652397000000235011' },
      },
      message: 'record updated',
      status: 'success',
    },
  ],
});
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () =>
    res
      .writeHead(200, { 'Content-Type': 'application/json;charset=utf-8', 'Content-Length': Buffer.byteLength(body) })
      .end(body),
  );
});
// A free port unless one is given; the URL is printed for the bench to read.
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () =>
  process.stdout.write(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}\n`),
);
process.once('SIGTERM', () => server.close(() => process.exit(0)));
