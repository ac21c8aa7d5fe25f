// Types of newman-bundle.mjs (plain JavaScript, run by the launcher before any TypeScript loads).

/** Where the bundle lives, under the project root; it exports `{ newman, Runner }`. */
export declare const NEWMAN_BUNDLE: string;
/** Builds the bundle when package-lock.json is newer than it; else leaves it. */
export declare function ensureNewmanBundle(root: string): Promise<void>;
/** The text with every non-ASCII character written as a \u escape. */
export declare function asciiOnly(text: string): string;
