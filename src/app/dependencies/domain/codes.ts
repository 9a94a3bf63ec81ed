/*
 * Every code the dependencies domain reports, and where its message lives in i18n.json. The UI
 * translates the code; nothing here is English.
 */

/** Why one line of a dependencies.txt was not understood; the parser goes on with the next line. */
export const LINE_PROBLEM_CODES = [
  'nonPrintable',
  'urlLike',
  'shellMetacharacters',
  'tooManyFields',
  'tooFewFields',
  'unresolvedPlaceholder',
  'invalidReference',
  'invalidTag',
  'invalidDigest',
] as const;
export type LineProblemCode = (typeof LINE_PROBLEM_CODES)[number];

/** Why a whole file was refused before any line was read. */
export const FILE_REJECTION_CODES = ['tooLarge', 'binary', 'tooManyLines'] as const;
export type FileRejectionCode = (typeof FILE_REJECTION_CODES)[number];

/** What the catalog side tells the user: version preselection and path mapping. */
export const CATALOG_WARNING_CODES = ['mismatch', 'ambiguous', 'noMatch', 'noVersions', 'unmapped'] as const;
export type CatalogWarningCode = (typeof CATALOG_WARNING_CODES)[number];

export type MessageParams = Readonly<Record<string, string | number>>;

/** dependencies.parse.<code> for parser codes, dependencies.catalog.<code> for the others. */
export function dependencyMessageKey(code: LineProblemCode | FileRejectionCode | CatalogWarningCode): string {
  const isCatalog = (CATALOG_WARNING_CODES as readonly string[]).includes(code);
  return `dependencies.${isCatalog ? 'catalog' : 'parse'}.${code}`;
}

/**
 * Where a fact comes from, shown next to every catalog entry: a file in reference/, a table of
 * docs/domain.md, a public upstream file, an inference we could not verify, or the user's own file.
 */
export interface FactSource {
  readonly kind: 'referenceFile' | 'designTable' | 'upstream' | 'inferred' | 'userFile';
  /** A repository path or URL (with an anchor when useful), or the name of the user's file. */
  readonly ref: string;
  /** The 1-based line in the user's file. */
  readonly line?: number;
}
