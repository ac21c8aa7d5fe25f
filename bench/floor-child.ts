// C as a command: load the catalog and the compiled validators, send every case with fetch, check each answer, exit.
// Started like the harness (plain Node on a pre-built bundle), so A and C differ only in what they do.

import { prepareFloor, runFloor } from './floor.ts';

const variables = JSON.parse(process.argv[2] ?? '{}') as Record<string, string>;
const requests = await prepareFloor(process.cwd(), variables);
const failed: string[] = [];
const failures = await runFloor(requests, Number(process.argv[3] ?? 4), failed);
if (failures > 0) {
  process.stderr.write(
    `the floor saw ${failures} findings: the mock and the catalog disagree (${failed.join('; ')})\n`,
  );
  process.exit(1);
}
