// The unit every renderer returns and the one writer writes.

/** A file a report renderer produces, relative to the run's report folder. */
export interface Artifact {
  readonly path: string;
  readonly content: string;
}
