import { shellQuote } from './printable-references';
import { TransferImage, transferScript } from './transfer-script';

const CAPVCD: TransferImage = {
  source: 'projects.registry.vmware.com/vmware-cloud-director/cluster-api-provider-cloud-director:v1.3.0',
  destination: 'harbor.corp.local/cse/vmware-cloud-director/cluster-api-provider-cloud-director:v1.3.0',
};
const ATTACHER: TransferImage = {
  source: 'registry.k8s.io/sig-storage/csi-attacher:v3.2.1',
  destination: 'harbor.corp.local/cse/vmware-cloud-director/sig-storage/csi-attacher:v3.2.1',
};

function linesOf(text: string, start: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith(start));
}

describe('shellQuote', () => {
  const rows: readonly (readonly [string, string])[] = [
    ['harbor.corp.local', "'harbor.corp.local'"],
    ['', "''"],
    ["it's", "'it'\\''s'"],
    ['$(rm -rf /) `x` "y" \\ ; & |', '\'$(rm -rf /) `x` "y" \\ ; & |\''],
    ['line\nbreak', "'line\nbreak'"],
  ];
  for (const [value, quoted] of rows) {
    it(`quotes ${JSON.stringify(value)} as ${quoted}`, () => {
      expect(shellQuote(value)).toBe(quoted);
    });
  }
});

describe('transferScript', () => {
  describe('with skopeo', () => {
    const script = transferScript({ images: [CAPVCD, ATTACHER], tool: 'skopeo', sourceRegistry: 'projects.packages.broadcom.com' });

    it('puts the source registry, the CA file and the archive folder at the top, overridable from the environment', () => {
      expect(script.text).toContain("SOURCE_REGISTRY=${SOURCE_REGISTRY:-'projects.packages.broadcom.com'}");
      expect(script.text).toContain("CA_CERT=${CA_CERT:-'./registry-ca.crt'}");
      expect(script.text).toContain("ARCHIVE_DIR=${ARCHIVE_DIR:-'./cse-airgap-images'}");
    });

    it('makes every other source host a parameter too, so that a mirror can stand in for it', () => {
      expect(script.text).toContain("REGISTRY_K8S_IO=${REGISTRY_K8S_IO:-'registry.k8s.io'}");
    });

    it('exports each image from the source registry parameter, or from its own registry, into a dir: archive', () => {
      expect(linesOf(script.text, 'export_image ')).toEqual([
        `export_image "$SOURCE_REGISTRY"/'vmware-cloud-director/cluster-api-provider-cloud-director:v1.3.0' '001-cluster-api-provider-cloud-director-v1.3.0'`,
        `export_image "$REGISTRY_K8S_IO"/'sig-storage/csi-attacher:v3.2.1' '002-csi-attacher-v3.2.1'`,
      ]);
      expect(script.text).toContain('skopeo copy --all "docker://$1" "dir:$ARCHIVE_DIR/$2"');
    });

    it('imports each archive to its destination, trusting the CA through a certificate folder', () => {
      expect(linesOf(script.text, 'import_image ')).toEqual([
        `import_image '001-cluster-api-provider-cloud-director-v1.3.0' '${CAPVCD.destination}'`,
        `import_image '002-csi-attacher-v3.2.1' '${ATTACHER.destination}'`,
      ]);
      expect(script.text).toContain('skopeo copy --all --dest-cert-dir "$CA_DIR" "dir:$ARCHIVE_DIR/$1" "docker://$2"');
      expect(script.text).toContain('cp "$CA_CERT" "$CA_DIR/ca.crt"');
    });

    it('runs one half per argument and stops on the first error', () => {
      expect(script.text.startsWith('#!/bin/sh\n')).toBeTrue();
      expect(script.text).toContain('set -eu');
      expect(script.text).toContain('  export) export_all ;;');
      expect(script.text).toContain('  import) import_all ;;');
      expect(script).toEqual(jasmine.objectContaining({ count: 2, refused: [], sourceRegistry: 'projects.packages.broadcom.com' }));
    });
  });

  describe('with imgpkg', () => {
    const script = transferScript({
      images: [CAPVCD],
      tool: 'imgpkg',
      sourceRegistry: 'projects.registry.vmware.com',
      caCertPath: "/etc/ssl/harbor ca's.crt",
    });

    it('writes a tar per image and pushes it to the destination repository with the CA', () => {
      expect(script.text).toContain('imgpkg copy -i "$1" --to-tar "$ARCHIVE_DIR/$2.tar"');
      expect(script.text).toContain('imgpkg copy --tar "$ARCHIVE_DIR/$1.tar" --to-repo "$2" --registry-ca-cert-path "$CA_CERT"');
      expect(linesOf(script.text, 'import_image ')).toEqual([
        `import_image '001-cluster-api-provider-cloud-director-v1.3.0' 'harbor.corp.local/cse/vmware-cloud-director/cluster-api-provider-cloud-director'`,
      ]);
    });

    it('quotes a CA path holding a quote and spaces', () => {
      expect(script.text).toContain(`CA_CERT=\${CA_CERT:-'/etc/ssl/harbor ca'\\''s.crt'}`);
    });
  });

  describe('when a reference does not parse again', () => {
    const hostile: TransferImage = { source: "projects.registry.vmware.com/x:v1'; rm -rf ~; '", destination: 'harbor.corp.local/cse/x:v1' };
    const badDestination: TransferImage = { source: 'registry.k8s.io/a:v1', destination: 'harbor.corp.local/cse/$(id):v1' };
    const script = transferScript({
      images: [hostile, CAPVCD, badDestination],
      tool: 'skopeo',
      sourceRegistry: 'projects.registry.vmware.com',
    });

    it('leaves it out and says which one and why', () => {
      expect(script.count).toBe(1);
      expect(script.refused).toEqual([
        { position: 1, side: 'source', code: 'invalidTag' },
        { position: 3, side: 'destination', code: 'invalidReference' },
      ]);
      expect(script.text).not.toContain('rm -rf ~');
      expect(script.text).not.toContain('$(id)');
    });
  });

  it('falls back to the documented registry when the source setting is not a host', () => {
    const script = transferScript({ images: [CAPVCD], tool: 'skopeo', sourceRegistry: 'https://evil/$(x)' });
    expect(script.sourceRegistry).toBe('projects.registry.vmware.com');
    expect(script.text).toContain("SOURCE_REGISTRY=${SOURCE_REGISTRY:-'projects.registry.vmware.com'}");
  });

  it('names a digest-only destination by the first twelve digits', () => {
    const digest = `sha256:${'ab'.repeat(32)}`;
    const script = transferScript({
      images: [{ source: `registry.k8s.io/a@${digest}`, destination: `harbor.corp.local/cse/vmware-cloud-director/a@${digest}` }],
      tool: 'skopeo',
      sourceRegistry: 'projects.registry.vmware.com',
    });
    expect(linesOf(script.text, 'export_image ')).toEqual([`export_image "$REGISTRY_K8S_IO"/'a@${digest}' '001-a-abababababab'`]);
  });

  it('names a variable for a host that starts with a digit', () => {
    const script = transferScript({
      images: [{ source: '10.0.0.5:5000/a:v1', destination: 'harbor.corp.local/cse/vmware-cloud-director/a:v1' }],
      tool: 'skopeo',
      sourceRegistry: 'projects.registry.vmware.com',
    });
    expect(script.text).toContain("REGISTRY_10_0_0_5_5000=${REGISTRY_10_0_0_5_5000:-'10.0.0.5:5000'}");
    expect(linesOf(script.text, 'export_image ')).toEqual([`export_image "$REGISTRY_10_0_0_5_5000"/'a:v1' '001-a-v1'`]);
  });
});
