/*
 * The texts that fix the gaps a check found, and the exports of its results: a dependencies.txt
 * of the missing lines in getting_started.sh's three-field format, imgpkg commands, the
 * documented getting-started-airgapped procedure, CSV and JSON. Pure string building. What goes
 * to a shell or to getting_started.sh is rebuilt from re-validated references and shell-quoted
 * (domain/printable-references.ts): rows may come from a stored result anyone could have written.
 */
import { PrintableSplit, printableImage, shellQuote, splitPrintable } from '../../domain/printable-references';
import { ABSENT_STATUSES, ResultRow } from '../../domain';

/** `<source-registry> <repository> <tag or digest>`, one line per image not in the registry, in row order. */
export function missingDependenciesFile(rows: readonly ResultRow[]): string {
  const lines = printableAbsentRows(rows).printable.flatMap((row) => {
    const image = printableImage(row.source);
    if (!image) return [];
    const { registry, repository, tag, digest } = image;
    return [`${registry} ${repository} ${digest ?? tag ?? ''}`];
  });
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

export function absentRows(rows: readonly ResultRow[]): ResultRow[] {
  return rows.filter((row) => ABSENT_STATUSES.includes(row.status) && row.destination !== '');
}

/** The absent rows whose source and destination are both valid references, and what is left out. */
export function printableAbsentRows(rows: readonly ResultRow[]): PrintableSplit<ResultRow> {
  return splitPrintable(absentRows(rows), (row) => [row.source, row.destination]);
}

export interface ImgpkgCommands {
  readonly source: string;
  /** Registry to registry, for a host that reaches both. */
  readonly direct: string;
  /** Through a tar file, for a true airgap: run the first outside, carry the file, run the second inside. */
  readonly toTar: string;
  readonly fromTar: string;
}

/** The commands for one row, every value shell-quoted; undefined when a reference is not valid. */
export function imgpkgCommands(row: ResultRow): ImgpkgCommands | undefined {
  const source = printableImage(row.source);
  const destination = printableImage(row.destination);
  if (!source || !destination) return undefined;
  const image = shellQuote(source.reference);
  const repository = shellQuote(`${destination.registry}/${destination.repository}`);
  const tar = shellQuote(tarName(destination.reference));
  return {
    source: source.reference,
    direct: `imgpkg copy -i ${image} --to-repo ${repository}`,
    toTar: `imgpkg copy -i ${image} --to-tar ${tar}`,
    fromTar: `imgpkg copy --tar ${tar} --to-repo ${repository}`,
  };
}

/** A file name from the last path segment and the tag or digest: csi-attacher-v3.2.1.tar. */
export function tarName(reference: string): string {
  const last = reference.slice(reference.lastIndexOf('/') + 1);
  return `${last.replace(/@sha256:([a-f0-9]{12})[a-f0-9]*$/, '-$1').replace(/[^A-Za-z0-9._-]+/g, '-')}.tar`;
}

/** The getting-started-airgapped image tag published for each CSE release. */
export const GETTING_STARTED_TAGS: Readonly<Record<string, string>> = { '4.2.0': 'v0.1.2', '4.2.1': 'v0.1.3', '4.2.2': 'v0.1.4' };
export const GETTING_STARTED_IMAGE = 'projects.registry.vmware.com/vmware-cloud-director/getting-started-airgapped';

export const PROCEDURE_STEPS = ['pull', 'create', 'export', 'extract', 'run'] as const;
export type ProcedureStep = (typeof PROCEDURE_STEPS)[number];

/** The documented steps for `release`, the base filled in; undefined when no image was published for it. */
export function gettingStartedProcedure(
  release: string | undefined,
  base: string,
): readonly { readonly step: ProcedureStep; readonly command: string }[] | undefined {
  const tag = release === undefined ? undefined : GETTING_STARTED_TAGS[release];
  if (tag === undefined) return undefined;
  const image = `${GETTING_STARTED_IMAGE}:${tag}`;
  const commands: Record<ProcedureStep, string> = {
    pull: `docker pull ${shellQuote(image)}`,
    create: `docker create --name getting-started-airgapped ${shellQuote(image)}`,
    export: 'docker export getting-started-airgapped -o getting-started-airgapped.tar',
    extract: 'tar -xf getting-started-airgapped.tar',
    run: `./getting_started.sh dependencies.txt ${shellQuote(base)}`,
  };
  return PROCEDURE_STEPS.map((step) => ({ step, command: commands[step] }));
}

const CSV_COLUMNS = ['status', 'destination', 'source', 'group', 'detail'] as const;

/** RFC 4180, CRLF, every row; a cell a spreadsheet would read as a formula is prefixed with '. */
export function resultsCsv(rows: readonly ResultRow[]): string {
  const lines = [
    CSV_COLUMNS.join(','),
    ...rows.map((row) => [row.status, row.destination, row.source, row.group, detailText(row)].map(csvCell).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

export function resultsJson(rows: readonly ResultRow[], context: Readonly<Record<string, unknown>>): string {
  const results = rows.map(({ status, destination, source, group, detail }) => ({
    status,
    destination,
    source,
    group,
    ...(detail ? { detail } : {}),
  }));
  return `${JSON.stringify({ ...context, results }, null, 2)}\n`;
}

/** `code key=value key=value`: machine-readable, the same in every language. */
export function detailText(row: ResultRow): string {
  if (!row.detail) return '';
  const params = Object.entries(row.detail.params ?? {}).map(([key, value]) => `${key}=${value}`);
  return [row.detail.code, ...params].join(' ');
}

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
