/* `tsx sandbox/ensure-system-packages.ts`: installs (as root on Debian) or names what the tests need. */
import { ensureSystemPackages } from './lib/system-packages.js';

const NEEDED = [
  { binary: 'chromium', debianPackage: 'chromium' },
  { binary: 'docker-registry', debianPackage: 'docker-registry' },
  { binary: 'openssl', debianPackage: 'openssl' },
  // The transfer-script test runs the generated skopeo script against two registries.
  { binary: 'skopeo', debianPackage: 'skopeo' },
];

ensureSystemPackages(NEEDED).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
