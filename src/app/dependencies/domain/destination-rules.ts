/*
 * Where each source image must sit in the local registry (docs/domain.md#destination-paths): CSE derives three paths
 * from containerRegistryUrl and the airgapped CPI/CSI manifests expect the sidecars under the VCD
 * one. The rules are data, tried in order; an image no rule claims is reported, never guessed.
 */
import { ImageReference, imageName, makeImage } from './image-reference';

export const COMPONENT_GROUPS = [
  'capvcd',
  'cpi',
  'csi',
  'csiSidecars',
  'rdeProjector',
  'airgapArtifacts',
  'tkg',
  'tanzuCli',
  'other',
] as const;
export type ComponentGroup = (typeof COMPONENT_GROUPS)[number];

export interface DestinationRule {
  /** A source registry host and path prefix, matched on whole path segments. */
  readonly match: string;
  /** What replaces match under the base. */
  readonly destinationPrefix: string;
  readonly group: ComponentGroup;
}

export const VCD_SOURCE_PROJECT = 'projects.registry.vmware.com/vmware-cloud-director';
export const VCD_DESTINATION = 'vmware-cloud-director';
export const TKG_SOURCE_PROJECT = 'projects.registry.vmware.com/tkg';
export const TKG_DESTINATION = 'tkg';
export const PLUGIN_INVENTORY_SOURCE = 'projects.registry.vmware.com/tanzu_cli/plugins/plugin-inventory';
export const PLUGIN_INVENTORY_DESTINATION = 'tanzu_cli/plugins/plugin-inventory';

/** The VCD repositories whose component group the UI shows; any other VCD image is `other`. */
export const VCD_REPOSITORY_GROUPS: readonly { readonly repository: string; readonly group: ComponentGroup }[] = [
  { repository: 'cluster-api-provider-cloud-director', group: 'capvcd' },
  { repository: 'cloud-provider-for-cloud-director', group: 'cpi' },
  { repository: 'cloud-director-named-disk-csi-driver', group: 'csi' },
  { repository: 'rde-projector', group: 'rdeProjector' },
  { repository: 'capvcd-manifest-airgapped', group: 'airgapArtifacts' },
  { repository: 'cpi-crs-airgapped', group: 'airgapArtifacts' },
  { repository: 'csi-crs-airgapped', group: 'airgapArtifacts' },
];

/*
 * Since CAPVCD #578 the main-branch templates carry the project in the repository field
 * (`__REGISTRY__ vmware-cloud-director/cluster-api-provider-cloud-director`), so with __REGISTRY__
 * standing for the project it appears twice. The destination drops the leading
 * vmware-cloud-director/ of the repository either way (docs/domain.md#destination-paths).
 */
const VCD_SOURCES = [`${VCD_SOURCE_PROJECT}/${VCD_DESTINATION}`, VCD_SOURCE_PROJECT];

export const DESTINATION_RULES: readonly DestinationRule[] = [
  ...VCD_SOURCES.flatMap((source) =>
    VCD_REPOSITORY_GROUPS.map(({ repository, group }) => ({
      match: `${source}/${repository}`,
      destinationPrefix: `${VCD_DESTINATION}/${repository}`,
      group,
    })),
  ),
  ...VCD_SOURCES.map((source) => ({ match: source, destinationPrefix: VCD_DESTINATION, group: 'other' as const })),
  { match: 'registry.k8s.io/sig-storage', destinationPrefix: `${VCD_DESTINATION}/sig-storage`, group: 'csiSidecars' },
  { match: TKG_SOURCE_PROJECT, destinationPrefix: TKG_DESTINATION, group: 'tkg' },
  { match: PLUGIN_INVENTORY_SOURCE, destinationPrefix: PLUGIN_INVENTORY_DESTINATION, group: 'tanzuCli' },
];

export type Destination =
  | {
      readonly kind: 'mapped';
      readonly group: ComponentGroup;
      /** The image under the base: registry is the base's host, repository includes the base's path. */
      readonly image: ImageReference;
      /** The repository below the base, e.g. vmware-cloud-director/sig-storage/csi-attacher. */
      readonly pathUnderBase: string;
    }
  | { readonly kind: 'unmapped'; readonly code: 'unmapped' };

/** The first rule whose match is the image's name or a parent path of it. */
export function findDestinationRule(
  image: Pick<ImageReference, 'registry' | 'repository'>,
  rules: readonly DestinationRule[] = DESTINATION_RULES,
): DestinationRule | undefined {
  const name = imageName(image);
  return rules.find(({ match }) => name === match || name.startsWith(`${match}/`));
}

/**
 * The image's place under base (a valid containerRegistryUrl: host[:port][/path]), keeping its
 * tag and digest.
 */
export function destinationOf(image: ImageReference, base: string, rules: readonly DestinationRule[] = DESTINATION_RULES): Destination {
  const rule = findDestinationRule(image, rules);
  if (rule === undefined) {
    return { kind: 'unmapped', code: 'unmapped' };
  }
  const pathUnderBase = `${rule.destinationPrefix}${imageName(image).slice(rule.match.length)}`;
  const slash = base.indexOf('/');
  const registry = slash < 0 ? base : base.slice(0, slash);
  const basePath = slash < 0 ? '' : `${base.slice(slash + 1)}/`;
  return {
    kind: 'mapped',
    group: rule.group,
    image: makeImage(registry, `${basePath}${pathUnderBase}`, image.tag, image.digest),
    pathUnderBase,
  };
}

/** The image's place below the base, with its tag or digest (vmware-cloud-director/sig-storage/csi-attacher:v3.2.1). */
export function destinationUnderBase(image: ImageReference, rules: readonly DestinationRule[] = DESTINATION_RULES): string | undefined {
  const destination = destinationOf(image, 'base', rules);
  return destination.kind === 'mapped' ? destination.image.reference.slice('base/'.length) : undefined;
}

/** The group the UI files an image under; images no rule claims go to `other`. */
export function groupOf(image: Pick<ImageReference, 'registry' | 'repository'>): ComponentGroup {
  return findDestinationRule(image)?.group ?? 'other';
}
