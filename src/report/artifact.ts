// The unit every renderer returns and the one writer writes.

/** A file a report renderer produces, relative to the run's report folder. */
export interface Artifact {
  readonly path: string;
  /** The whole text (for a report built in pieces, joined only when asked: the writer never asks). */
  readonly content: string;
  /**
   * The same text in pieces, each a whole unit of the report (a case's row, a verdict's JSON), so that the writer
   * redacts and writes a large report without holding it whole: at 10,000 cases summary.json is tens of MB.
   */
  readonly pieces?: () => Iterable<string>;
}

/** An artifact written piece by piece; `content` joins the pieces only when read. */
export function piecedArtifact(path: string, pieces: () => Iterable<string>): Artifact {
  return {
    path,
    pieces,
    get content(): string {
      return [...pieces()].join('');
    },
  };
}
