// Loaded with --import into a process the bench measures: as the process exits, writes its peak RSS (bytes) to the
// file named by BENCH_PEAK_RSS_FILE. Plain JavaScript, so measuring adds no TypeScript loader to what is measured.

import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const file = process.env.BENCH_PEAK_RSS_FILE;
// Worker threads get the same --import; the process's figure is written once, by its main thread, at the very end.
if (file && isMainThread) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS * 1024)));
