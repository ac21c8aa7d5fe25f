// What the seam's adaptations assume of newman, postman-runtime and postman-sandbox internals, each named as the
// sentence an upgrade would make true; which of them this thread has seen hold or break, and which adaptations are on.
//
// Why: every adaptation reaches into code that is not a public interface. One that no longer fits must be reported by
// name (the seam's test fails with it) and switched off, leaving runs as plain newman would do them, never broken.

/** Each assumption, as what has happened when it breaks, and what runs do then. */
export const ASSUMPTIONS = {
  bundle: {
    internal: 'the newman bundle no longer loads as { newman, Runner, rcFile }',
    otherwise: 'newman loads from node_modules (a slower start)',
  },
  runnerExported: {
    internal: 'postman-runtime no longer exports Runner',
    otherwise: 'every run boots its script sandbox, as plain newman does',
  },
  runnerRun: {
    internal: 'postman-runtime Runner.prototype.run is gone',
    otherwise: 'every run boots its script sandbox, as plain newman does',
  },
  runnerSignature: {
    internal: 'postman-runtime Runner.prototype.run no longer takes (collection, options, callback)',
    otherwise: 'every run boots its script sandbox, as plain newman does',
  },
  sameRunner: {
    internal: "newman no longer runs on postman-runtime's exported Runner (its run was not called)",
    otherwise: 'every run boots its script sandbox, as plain newman does',
  },
  externalHost: {
    internal: "postman-runtime no longer takes options.host = { external: true, instance } as the run's host",
    otherwise: 'every run boots its script sandbox, as plain newman does',
  },
  startHost: {
    internal: "newman's start event no longer carries the run's script sandbox as run.host with dispose()",
    otherwise: 'sandboxes are left to the garbage collector (memory grows over long runs)',
  },
  runAbort: {
    internal: "newman's start event no longer carries the run as run with abort()",
    otherwise: 'an interrupt lets the newman runs in flight send all their remaining requests',
  },
  itemEvents: {
    internal: "newman's request and item events no longer carry args.item.id",
    otherwise: 'exchanges cannot be matched to their cases',
  },
  zeroDelayYields: {
    internal: 'postman-runtime no longer yields with the global setTimeout(fn, 0)',
    otherwise: 'the zero-delay timer substitution does nothing',
  },
  rcFileLoader: {
    internal: "newman no longer reads its rc files through newman/lib/config/rc-file's load(callback)",
    otherwise:
      "newman merges /etc/postman/newmanrc, ~/.postman/newmanrc and ./.newmanrc into every run's options, if they exist",
  },
  sandboxBoot: {
    internal: "postman-sandbox no longer boots its context with node:vm's runInContext of a large script",
    otherwise: 'the sandbox boot code cache does nothing',
  },
} as const;

export type Assumption = keyof typeof ASSUMPTIONS;

/** The adaptations the seam makes, by name. */
export type Adaptation =
  | 'zero-delay timers'
  | 'sandbox boot cache'
  | 'newman bundle'
  | 'script-free runs'
  | 'no rc files';

/** What this thread's seam has done and seen so far. */
export interface NewmanSeamReport {
  readonly adaptations: readonly Adaptation[];
  /** Each broken assumption: "<internal> (<what runs do instead>)". */
  readonly broken: readonly string[];
  /** Assumptions no run has shown to hold or break yet (a run with scripts shows the sandbox ones). */
  readonly unconfirmed: readonly Assumption[];
}

const adaptations = new Set<Adaptation>();
const confirmed = new Set<Assumption>();
const brokenDetail = new Map<Assumption, string>();

export function adapted(adaptation: Adaptation): void {
  adaptations.add(adaptation);
}

export function isAdapted(adaptation: Adaptation): boolean {
  return adaptations.has(adaptation);
}

/** Records what was seen of an assumption; a break outlasts any confirmation (it is what a reader must see). */
export function observed(assumption: Assumption, holds: boolean, detail?: string): void {
  if (holds) confirmed.add(assumption);
  else if (!brokenDetail.has(assumption)) brokenDetail.set(assumption, detail ?? '');
}

export function newmanSeamReport(): NewmanSeamReport {
  const broken = [...brokenDetail].map(
    ([name, detail]) => `${ASSUMPTIONS[name].internal}${detail ? `: ${detail}` : ''} (${ASSUMPTIONS[name].otherwise})`,
  );
  const names = Object.keys(ASSUMPTIONS) as Assumption[];
  return {
    adaptations: [...adaptations],
    broken,
    unconfirmed: names.filter((name) => !confirmed.has(name) && !brokenDetail.has(name)),
  };
}

/** The first assumption about the runtime's Runner that does not hold, checked before it is patched; undefined if all do. */
export function brokenRunnerAssumption(runner: unknown): Assumption | undefined {
  if (typeof runner !== 'function') return 'runnerExported';
  const run: unknown = (runner.prototype as Record<PropertyKey, unknown> | undefined)?.['run'];
  if (typeof run !== 'function') return 'runnerRun';
  return run.length === 3 ? undefined : 'runnerSignature';
}
