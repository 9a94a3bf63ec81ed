/*
 * One POSIX shell script that carries exactly the missing images across the air gap, in two
 * halves: `export` on a machine that reaches the source registry writes one archive per image,
 * `import` on the airgapped side pushes them into the local registry, trusting its CA. imgpkg or
 * skopeo. Every reference is parsed again before it is written and every value is single-quoted:
 * nothing from a registry, a file or the user reaches the shell unquoted. The source registry (and
 * any other source host, e.g. registry.k8s.io, so that a mirror can stand in for it), the CA file
 * and the archive folder are parameters at the top. Pure string building.
 */
import { ImageReference, ReferenceProblemCode, parseImageReference } from './image-reference';
import { shellQuote } from './printable-references';
import { DOCUMENTED_SOURCE_REGISTRY, validateSourceRegistry } from './source-registry';

export type TransferTool = 'imgpkg' | 'skopeo';
export const TRANSFER_TOOLS: readonly TransferTool[] = ['skopeo', 'imgpkg'];

export interface TransferImage {
  /** The documented source reference (the catalog's, or the user's file's). */
  readonly source: string;
  /** Where CSE pulls it: <base>/<path>:<tag>. */
  readonly destination: string;
}

export interface TransferScriptInput {
  readonly images: readonly TransferImage[];
  readonly tool: TransferTool;
  /** Where images of the documented registry are pulled from (host[:port]). */
  readonly sourceRegistry: string;
  readonly caCertPath?: string;
  readonly archiveDir?: string;
}

export interface RefusedImage {
  /** 1-based position in the input. */
  readonly position: number;
  readonly side: 'source' | 'destination';
  readonly code: ReferenceProblemCode;
}

export interface TransferScript {
  readonly text: string;
  /** Images written into the script. */
  readonly count: number;
  readonly refused: readonly RefusedImage[];
  /** The source registry the script defaults to (the documented one when the given one is invalid). */
  readonly sourceRegistry: string;
}

export const DEFAULT_CA_CERT_PATH = './registry-ca.crt';
export const DEFAULT_ARCHIVE_DIR = './cse-airgap-images';
export const TRANSFER_SCRIPT_NAME = 'cse-airgap-transfer.sh';

interface Planned {
  readonly source: ImageReference;
  readonly destination: ImageReference;
  readonly archive: string;
}

export function transferScript(input: TransferScriptInput): TransferScript {
  const checked = validateSourceRegistry(input.sourceRegistry);
  const sourceRegistry = checked.valid ? checked.value : DOCUMENTED_SOURCE_REGISTRY;
  const planned: Planned[] = [];
  const refused: RefusedImage[] = [];
  input.images.forEach((image, index) => {
    const source = parseImageReference(image.source);
    const destination = parseImageReference(image.destination);
    if (!source.ok) refused.push({ position: index + 1, side: 'source', code: source.code });
    else if (!destination.ok) refused.push({ position: index + 1, side: 'destination', code: destination.code });
    else
      planned.push({ source: source.image, destination: destination.image, archive: archiveName(planned.length + 1, destination.image) });
  });
  const tool = TOOLS[input.tool];
  const lines = [
    '#!/bin/sh',
    `# CSE Airgap: copies the ${planned.length} images the last dependency check found missing, with ${input.tool}.`,
    '#   1. On a machine that reaches the source registry:   sh cse-airgap-transfer.sh export',
    '#   2. Carry the folder ARCHIVE_DIR across the air gap.',
    '#   3. On a machine that reaches the local registry, logged in with push rights',
    `#      (${tool.login}):   sh cse-airgap-transfer.sh import`,
    '# Parameters: edit them here, or set them in the environment.',
    'set -eu',
    `SOURCE_REGISTRY=\${SOURCE_REGISTRY:-${shellQuote(sourceRegistry)}}`,
    ...otherRegistries(planned).map((host) => `${variableOf(host)}=\${${variableOf(host)}:-${shellQuote(host)}}`),
    `CA_CERT=\${CA_CERT:-${shellQuote(input.caCertPath ?? DEFAULT_CA_CERT_PATH)}}`,
    `ARCHIVE_DIR=\${ARCHIVE_DIR:-${shellQuote(input.archiveDir ?? DEFAULT_ARCHIVE_DIR)}}`,
    '',
    ...tool.functions,
    '',
    'export_all() {',
    '  mkdir -p "$ARCHIVE_DIR"',
    ...planned.map((image) => `  export_image ${sourceWord(image.source)} ${shellQuote(image.archive)}`),
    '}',
    '',
    'import_all() {',
    '  if [ ! -f "$CA_CERT" ]; then echo "CA_CERT: no file at $CA_CERT" >&2; exit 2; fi',
    ...tool.importSetup,
    ...planned.map((image) => `  import_image ${shellQuote(image.archive)} ${shellQuote(tool.destination(image.destination))}`),
    '}',
    '',
    'case "${1:-}" in',
    '  export) export_all ;;',
    '  import) import_all ;;',
    '  *) echo "usage: sh $0 export|import" >&2; exit 2 ;;',
    'esac',
    '',
  ];
  return { text: lines.join('\n'), count: planned.length, refused, sourceRegistry };
}

/** "$SOURCE_REGISTRY"/'path:tag', or "$REGISTRY_K8S_IO"/'path:tag': every source host is a parameter. */
function sourceWord(image: ImageReference): string {
  const variable = image.registry === DOCUMENTED_SOURCE_REGISTRY ? 'SOURCE_REGISTRY' : variableOf(image.registry);
  return `"$${variable}"/${shellQuote(image.reference.slice(image.registry.length + 1))}`;
}

/** The other source hosts (registry.k8s.io for the CSI sidecars), in order of appearance. */
function otherRegistries(planned: readonly Planned[]): string[] {
  return [...new Set(planned.map((image) => image.source.registry).filter((host) => host !== DOCUMENTED_SOURCE_REGISTRY))];
}

/** registry.k8s.io → REGISTRY_K8S_IO: a shell variable name per host (a mirror can stand in for it). */
function variableOf(host: string): string {
  const name = host.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
  return /^[A-Z]/.test(name) ? name : `REGISTRY_${name}`;
}

/** 001-csi-attacher-v3.2.1: unique, and only characters no shell or file system treats specially. */
function archiveName(position: number, destination: ImageReference): string {
  const last = destination.repository.slice(destination.repository.lastIndexOf('/') + 1);
  const version = destination.tag ?? destination.digest?.replace(/^sha256:/, '').slice(0, 12) ?? '';
  return `${String(position).padStart(3, '0')}-${`${last}-${version}`.replace(/[^A-Za-z0-9._-]+/g, '-')}`;
}

interface ToolText {
  readonly login: string;
  readonly functions: readonly string[];
  readonly importSetup: readonly string[];
  readonly destination: (image: ImageReference) => string;
}

const TOOLS: Readonly<Record<TransferTool, ToolText>> = {
  // imgpkg copies a tag's whole index into one tar; --to-repo keeps the tag.
  imgpkg: {
    login: 'docker login',
    functions: [
      'export_image() {',
      '  echo "export $1"',
      '  imgpkg copy -i "$1" --to-tar "$ARCHIVE_DIR/$2.tar"',
      '}',
      'import_image() {',
      '  echo "import $2"',
      '  imgpkg copy --tar "$ARCHIVE_DIR/$1.tar" --to-repo "$2" --registry-ca-cert-path "$CA_CERT"',
      '}',
    ],
    importSetup: [],
    destination: (image) => `${image.registry}/${image.repository}`,
  },
  // dir: keeps manifests and blobs byte for byte (digests unchanged); --all keeps every platform.
  skopeo: {
    login: 'skopeo login',
    functions: [
      'export_image() {',
      '  echo "export $1"',
      '  skopeo copy --all "docker://$1" "dir:$ARCHIVE_DIR/$2"',
      '}',
      'import_image() {',
      '  echo "import $2"',
      '  skopeo copy --all --dest-cert-dir "$CA_DIR" "dir:$ARCHIVE_DIR/$1" "docker://$2"',
      '}',
    ],
    // skopeo reads CAs from a folder of *.crt files.
    importSetup: ['  CA_DIR=$(mktemp -d)', '  trap \'rm -rf "$CA_DIR"\' EXIT', '  cp "$CA_CERT" "$CA_DIR/ca.crt"'],
    destination: (image) => image.reference,
  },
};
