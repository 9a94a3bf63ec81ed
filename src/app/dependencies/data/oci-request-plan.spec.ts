import { ImageToCheck, PresenceResult } from './presence-check';
import { TagListing, decideFromListing } from './oci-request-plan';

const tagged: ImageToCheck = { id: 't', repository: 'cse/tkg/etcd', reference: 'v3.5.7_vmware.6' };
const pinned: ImageToCheck = { id: 'd', repository: 'cse/tkg/etcd', reference: `sha256:${'a'.repeat(64)}` };

describe('decideFromListing', () => {
  const cases: [string, ImageToCheck, TagListing, PresenceResult | undefined][] = [
    [
      'a listed tag is present (no digest without a HEAD)',
      tagged,
      { kind: 'tags', tags: ['v3.5.7_vmware.6'], complete: true },
      { status: 'present', image: tagged },
    ],
    [
      'an unlisted tag of a complete list is missing, with the near miss',
      tagged,
      { kind: 'tags', tags: ['v3.5.7_vmware.5', 'v3.5.7_vmware.7'], complete: true },
      { status: 'missing', image: tagged, existingTags: ['v3.5.7_vmware.5', 'v3.5.7_vmware.7'], nearMiss: 'v3.5.7_vmware.5' },
    ],
    ['an unlisted tag of a list cut at the page cap is left to a HEAD', tagged, { kind: 'tags', tags: ['v1'], complete: false }, undefined],
    [
      'a listed tag of a cut list is present',
      tagged,
      { kind: 'tags', tags: ['v3.5.7_vmware.6'], complete: false },
      { status: 'present', image: tagged },
    ],
    ['no repository: every tag is missing with it', tagged, { kind: 'noRepository' }, { status: 'repositoryMissing', image: tagged }],
    [
      'a list the registry did not answer fails the image as a HEAD would',
      tagged,
      { kind: 'failed', failure: { kind: 'timeout', seconds: 10 } },
      { status: 'error', image: tagged, failure: { kind: 'timeout', seconds: 10 } },
    ],
    ['a refused or unreadable list is left to a HEAD', tagged, { kind: 'unknown' }, undefined],
    ['a digest is never decided by a list', pinned, { kind: 'tags', tags: [], complete: true }, undefined],
  ];
  for (const [what, image, listing, expected] of cases) {
    it(what, () => expect(decideFromListing(image, listing)).toEqual(expected));
  }
});
