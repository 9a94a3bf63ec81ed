/*
 * The reference/ files as specs use them: the dependency lists with the values their release
 * builds substitute, the airgapped manifests' image lines, and the VCDKEConfig template rendered
 * the way terraform-provider-vcd renders it.
 */
import { REFERENCE_FILES, ReferenceFileName } from './reference-files';

export interface DependencyListFile {
  readonly name: ReferenceFileName;
  readonly component: 'capvcd' | 'cpi' | 'csi';
  /** The tag `__VERSION__` stands for at release time (the file name's version); `main` for main. */
  readonly version: string;
  readonly text: string;
}

/** Every `<component>-<version>.txt.template` in reference/dependencies/. */
export const DEPENDENCY_LIST_FILES: readonly DependencyListFile[] = (Object.keys(REFERENCE_FILES) as ReferenceFileName[]).flatMap(
  (name) => {
    const match = /^reference\/dependencies\/(capvcd|cpi|csi)-(.+)\.txt\.template$/.exec(name);
    const component = match?.[1];
    const version = match?.[2];
    return component === 'capvcd' || component === 'cpi' || component === 'csi'
      ? [{ name, component, version: version ?? '', text: REFERENCE_FILES[name] }]
      : [];
  },
);

export function dependencyList(component: DependencyListFile['component'], version: string): DependencyListFile {
  const found = DEPENDENCY_LIST_FILES.find((file) => file.component === component && file.version === version);
  if (found === undefined) {
    throw new Error(`reference/dependencies has no ${component}-${version}.txt.template`);
  }
  return found;
}

/** The `image:` values of an airgapped manifest, placeholders resolved as the airgap setup does. */
export function airgapManifestImages(name: ReferenceFileName, values: { registry: string; version: string }): string[] {
  return [...REFERENCE_FILES[name].matchAll(/^\s*image:\s*(\S+)\s*$/gm)].map(([, image = '']) =>
    image.split('__REGISTRY__').join(values.registry).split('__VERSION__').join(values.version),
  );
}

const VCDKE_CONFIG_DEFAULTS: Readonly<Record<string, string>> = {
  k8s_cluster_certificates: '',
  bootstrap_vm_certificates: '',
  max_unhealthy_node_percentage: '100',
  container_registry_url: 'projects.registry.vmware.com',
};

/** reference/vcdkeconfig-v4.2.json.template with its `${…}` variables filled in, parsed. */
export function renderVcdKeConfig(values: Readonly<Record<string, string>>): unknown {
  const template = REFERENCE_FILES['reference/vcdkeconfig-v4.2.json.template'];
  const rendered = template.replace(/\$\{(\w+)\}/g, (_, key: string) => values[key] ?? VCDKE_CONFIG_DEFAULTS[key] ?? '');
  return JSON.parse(rendered);
}
