/*
 * What to check: the images one CSE release needs for the TKRs the user offers, each with where
 * the fact comes from. The official CSE-level dependencies.txt is not public, so the user's own
 * file is authoritative: it can replace the built-in catalog or extend it.
 */
import { FactSource } from './codes';
import {
  ARTIFACT_SOURCE,
  COMPONENT_IMAGES,
  COMPONENT_SOURCES,
  COREDNS_IMAGE,
  CSI_SIDECARS,
  CseVersion,
  ETCD_IMAGE,
  KUBERNETES_IMAGES,
  PLUGIN_INVENTORY_SOURCE_REF,
  PLUGIN_INVENTORY_TAG,
  VERSIONED_COMPONENTS,
  cseRelease,
} from './cse-releases';
import { DependencyFileReading, DependencyLine } from './dependency-file';
import {
  COMPONENT_GROUPS,
  ComponentGroup,
  PLUGIN_INVENTORY_SOURCE,
  TKG_SOURCE_PROJECT,
  VCD_SOURCE_PROJECT,
  destinationUnderBase,
  groupOf,
} from './destination-rules';
import { ImageReference, imageOf, makeImage } from './image-reference';
import { TKG_RELEASES, TKG_VERSIONS_SOURCE, TkgRelease, findTkr } from './tkg-releases';

export interface CatalogEntry {
  readonly image: ImageReference;
  readonly group: ComponentGroup;
  readonly source: FactSource;
  /** Other places that list the same image, after a merge. */
  readonly alsoListedIn?: readonly FactSource[];
  /** The user's file has this image commented out: show it as skipped, never as missing. */
  readonly skippedByUser?: true;
}

export type MergeMode = 'replace' | 'extend';

/** The catalog of one CSE release for the chosen TKRs (by TKR name); unknown TKR names add nothing. */
export function buildCatalog(
  cseVersion: CseVersion,
  tkrs: readonly string[],
  releases: readonly TkgRelease[] = TKG_RELEASES,
): CatalogEntry[] {
  const release = cseRelease(cseVersion);
  const entries: CatalogEntry[] = [];
  const add = (image: ImageReference, source: FactSource): void => {
    entries.push({ image, group: groupOf(image), source });
  };
  for (const component of VERSIONED_COMPONENTS) {
    const tag = release.tags[component];
    add(makeImage(...vcdName(COMPONENT_IMAGES[component].repository), tag), COMPONENT_SOURCES[component](tag));
  }
  const sidecars = CSI_SIDECARS.find((row) => row.csi === release.tags.csi);
  sidecars?.images.forEach((text) => add(imageOf(text), sidecars.source));
  for (const component of VERSIONED_COMPONENTS) {
    const artifact = COMPONENT_IMAGES[component].artifact;
    if (artifact !== undefined) {
      add(makeImage(...vcdName(artifact), release.tags[component]), ARTIFACT_SOURCE);
    }
  }
  for (const name of tkrs) {
    const tkr = findTkr(name, releases);
    if (tkr !== undefined) {
      tkgImages(tkr).forEach((image) => add(image, { kind: 'referenceFile', ref: `${TKG_VERSIONS_SOURCE}#${tkr.ova}` }));
    }
  }
  add(imageOf(`${PLUGIN_INVENTORY_SOURCE}:${PLUGIN_INVENTORY_TAG}`), PLUGIN_INVENTORY_SOURCE_REF);
  return sortByGroup(dedupe(entries));
}

/**
 * The images of one TKR: the four Kubernetes images at the Kubernetes version with + written _
 * (registries refuse + in tags), then etcd and CoreDNS at the tags the map gives.
 */
export function tkgImages(tkr: TkgRelease): ImageReference[] {
  const kubernetesTag = tkr.kubernetes.replace(/\+/g, '_');
  return [
    ...KUBERNETES_IMAGES.map((name) => makeImage(...tkgName(name), kubernetesTag)),
    makeImage(...tkgName(ETCD_IMAGE), tkr.etcd),
    makeImage(...tkgName(COREDNS_IMAGE), tkr.coreDns),
  ];
}

/**
 * The user's file against a catalog. `replace`: only the file's images. `extend`: the catalog,
 * then the file's other images. Either way an image listed twice is one entry, and an image the
 * user commented out is kept, marked as skipped.
 */
export function mergeCatalog(
  catalog: readonly CatalogEntry[],
  file: DependencyFileReading,
  mode: MergeMode,
  fileName = 'dependencies.txt',
): CatalogEntry[] {
  if (file.kind === 'rejected') {
    return mode === 'replace' ? [] : [...catalog];
  }
  const fromFile = (line: DependencyLine, skipped: boolean): CatalogEntry => ({
    image: line.image,
    group: groupOf(line.image),
    source: { kind: 'userFile', ref: fileName, line: line.line },
    ...(skipped ? { skippedByUser: true as const } : {}),
  });
  const listed = dedupe([...(mode === 'extend' ? catalog : []), ...file.images.map((line) => fromFile(line, false))]);
  const skipped = new Map<string, CatalogEntry>();
  for (const line of file.skippedByUser) {
    const key = keyOf(line.image);
    if (!skipped.has(key)) {
      skipped.set(key, fromFile(line, true));
    }
  }
  const marked = listed.map((entry) => {
    const skip = skipped.get(keyOf(entry.image));
    return skip === undefined
      ? entry
      : { ...entry, skippedByUser: true as const, alsoListedIn: [...(entry.alsoListedIn ?? []), skip.source] };
  });
  const known = new Set(marked.map((entry) => keyOf(entry.image)));
  const skippedOnly = [...skipped.values()].filter((entry) => !known.has(keyOf(entry.image)));
  return [...marked, ...skippedOnly];
}

/** Images are the same when they land on the same place under the base (or, unmapped, share a reference). */
export function keyOf(image: ImageReference): string {
  const destination = destinationUnderBase(image);
  return destination === undefined ? `from ${image.reference}` : `to ${destination}`;
}

function dedupe(entries: readonly CatalogEntry[]): CatalogEntry[] {
  const byKey = new Map<string, CatalogEntry>();
  for (const entry of entries) {
    const key = keyOf(entry.image);
    const first = byKey.get(key);
    byKey.set(key, first === undefined ? entry : { ...first, alsoListedIn: [...(first.alsoListedIn ?? []), entry.source] });
  }
  return [...byKey.values()];
}

function sortByGroup(entries: readonly CatalogEntry[]): CatalogEntry[] {
  return [...entries].sort((a, b) => COMPONENT_GROUPS.indexOf(a.group) - COMPONENT_GROUPS.indexOf(b.group));
}

function vcdName(repository: string): [string, string] {
  return splitName(`${VCD_SOURCE_PROJECT}/${repository}`);
}

function tkgName(name: string): [string, string] {
  return splitName(`${TKG_SOURCE_PROJECT}/${name}`);
}

function splitName(name: string): [string, string] {
  const slash = name.indexOf('/');
  return [name.slice(0, slash), name.slice(slash + 1)];
}
