// Door of the newman seam: the one place that loads newman, adapts postman-runtime and changes a thread's globals for
// it. The rest of the harness runs newman through `runNewman` in a thread prepared by `prepareNewmanThread`.

export {
  ASSUMPTIONS,
  newmanSeamReport,
  type Adaptation,
  type Assumption,
  type NewmanSeamReport,
} from './assumptions.ts';
export { runNewman, type NewmanRunRequest, type RunOutput } from './newman-run.ts';
export { HARNESS_HEAP_MB, prepareNewmanThread, type PrepareOptions } from './prepare-newman-thread.ts';
