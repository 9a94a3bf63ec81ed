/*
 * From an image a node could not pull back to the dependency it is: the base the cluster was
 * created with (everything before the path CSE derives: /tkg/, /vmware-cloud-director/,
 * /tanzu_cli/plugins/), the path under that base, the source image the dependency check lists,
 * and where that image must be under the base configured now. The path rules are the
 * dependency check's own (dependencies/domain/destination-rules.ts), read backwards.
 */
import {
  ComponentGroup,
  DESTINATION_RULES,
  DestinationRule,
  ImageReference,
  destinationOf,
  makeImage,
  parseImageReference,
} from '../../dependencies/domain';

export interface ImageTarget {
  /** The reference exactly as the node asked for it. */
  readonly failing: string;
  /** host[:port]/path the cluster was created with, when the path shows it. */
  readonly clusterBase?: string;
  /** e.g. tkg/coredns — the repository below the base. */
  readonly pathUnderBase?: string;
  /** The source image, as the dependency check lists it (projects.registry.vmware.com/tkg/coredns:v1.10.1_vmware.7). */
  readonly source?: string;
  readonly group?: ComponentGroup;
  /** Where the image must be under the base configured now (absent when the path is not one CSE derives). */
  readonly expected?: string;
}

/** The paths CSE derives from containerRegistryUrl, longest first. */
const DERIVED_PREFIXES = [...new Set(DESTINATION_RULES.map((rule) => rule.destinationPrefix.split('/')[0] ?? ''))].filter(
  (prefix) => prefix !== '',
);

/** The rule that maps onto `pathUnderBase`: the longest destination prefix, then the shortest source. */
function ruleFor(pathUnderBase: string): DestinationRule | undefined {
  let best: DestinationRule | undefined;
  for (const rule of DESTINATION_RULES) {
    const fits = pathUnderBase === rule.destinationPrefix || pathUnderBase.startsWith(`${rule.destinationPrefix}/`);
    if (!fits) continue;
    if (
      !best ||
      rule.destinationPrefix.length > best.destinationPrefix.length ||
      (rule.destinationPrefix.length === best.destinationPrefix.length && rule.match.length < best.match.length)
    ) {
      best = rule;
    }
  }
  return best;
}

function withVersion(name: string, image: ImageReference): string {
  return `${name}${image.tag === undefined ? '' : `:${image.tag}`}${image.digest === undefined ? '' : `@${image.digest}`}`;
}

/** `currentBase` is the containerRegistryUrl in force now (host[:port][/path]), when known. */
export function imageTarget(failing: string, currentBase?: string): ImageTarget {
  const parsed = parseImageReference(failing);
  if (!parsed.ok) return { failing };
  const image = parsed.image;
  const segments = image.repository.split('/');
  // The last such segment: a base whose own path holds 'tkg' (harbor/tkg/tkg/coredns) still reads right.
  let at = -1;
  segments.forEach((segment, index) => {
    if (DERIVED_PREFIXES.includes(segment)) at = index;
  });
  if (at < 0) return { failing };
  const clusterBase = [image.registry, ...segments.slice(0, at)].join('/');
  const pathUnderBase = segments.slice(at).join('/');
  const rule = ruleFor(pathUnderBase);
  if (!rule) return { failing, clusterBase, pathUnderBase };
  const sourceName = `${rule.match}${pathUnderBase.slice(rule.destinationPrefix.length)}`;
  const slash = sourceName.indexOf('/');
  const source = makeImage(sourceName.slice(0, slash), sourceName.slice(slash + 1), image.tag, image.digest);
  const destination = currentBase ? destinationOf(source, currentBase) : undefined;
  return {
    failing,
    clusterBase,
    pathUnderBase,
    source: withVersion(sourceName, image),
    group: rule.group,
    ...(destination?.kind === 'mapped' ? { expected: destination.image.reference } : {}),
  };
}
