// The folder rules of docs/architecture.md#layers are kept by ESLint: each case lints one import
// line as if it were written in the given file, and expects the boundary rule to fire or not.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

async function boundaryErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const used = [imported];\n`, { filePath: file });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

const refused: readonly (readonly [string, string, string, RegExp])[] = [
  [
    'a domain file imports Angular',
    'src/app/registry/domain/new-rule.ts',
    "import { Injectable as imported } from '@angular/core';",
    /domain\/ file is pure/,
  ],
  [
    'a domain file imports rxjs',
    'src/app/dependencies/domain/sub/deep.ts',
    "import { of as imported } from 'rxjs';",
    /domain\/ file is pure/,
  ],
  [
    'a domain file imports Clarity',
    'src/app/certificates/domain/x.ts',
    "import { ClrAlertModule as imported } from '@clr/angular';",
    /domain\/ file is pure/,
  ],
  [
    'a domain file imports its data/',
    'src/app/registry/domain/x.ts',
    "import { imported } from '../data/registry-http';",
    /domain\/ file is pure/,
  ],
  [
    'a domain file imports a ui/',
    'src/app/registry/domain/x.ts',
    "import { imported } from '../ui/registry-check.component';",
    /domain\/ file is pure/,
  ],
  [
    'a domain file takes another feature whole',
    'src/app/readiness/domain/x.ts',
    "import { imported } from '../../registry';",
    /domain\/ file is pure/,
  ],
  [
    'a feature reaches past an index.ts',
    'src/app/tenant/page.ts',
    "import { imported } from '../registry/ui/registry-check.component';",
    /index\.ts/,
  ],
  [
    'a feature reaches past a domain/index.ts',
    'src/app/organizations/ui/x.ts',
    "import { imported } from '../../registry/domain/registry-url';",
    /index\.ts/,
  ],
  [
    'the app shell reaches into a feature',
    'src/app/shell.ts',
    "import { imported } from './dependencies/data/dependency-check-runner';",
    /index\.ts/,
  ],
  [
    'shared/ imports a feature',
    'src/app/shared/ui/x.ts',
    "import { imported } from '../../registry/domain';",
    /shared\/ imports no feature/,
  ],
  [
    'a shared domain imports a feature',
    'src/app/shared/status-store/domain/x.ts',
    "import { imported } from '../../../dependencies/domain';",
    /shared\/ imports no feature/,
  ],
  [
    'production code imports Angular testing',
    'src/app/registry/ui/x.ts',
    "import { TestBed as imported } from '@angular/core/testing';",
    /testing modules/,
  ],
];

const allowed: readonly (readonly [string, string, string])[] = [
  ['a feature enters another through its index.ts', 'src/app/tenant/page.ts', "import { imported } from '../registry';"],
  [
    'a domain file takes another feature’s domain/',
    'src/app/readiness/domain/x.ts',
    "import { imported } from '../../dependencies/domain';",
  ],
  ['a domain file reads its own domain', 'src/app/registry/domain/x.ts', "import { imported } from './registry-url';"],
  ['a ui file reads its own data/', 'src/app/registry/ui/x.ts', "import { imported } from '../data/registry-http';"],
  [
    'a domain file reads a reference data file',
    'src/app/dependencies/domain/x.ts',
    "import imported from '../../../../reference/tkg_versions.json';",
  ],
  ['shared/ uses the host contract', 'src/app/shared/ui/x.ts', "import { imported } from '../../vcd';"],
  [
    'a spec reaches inside another module',
    'src/app/tenant/page.spec.ts',
    "import { imported } from '../registry/testing/fake-vcd-extensibility';",
  ],
];

describe('lint keeps the folder boundaries', () => {
  for (const [what, file, source, expected] of refused) {
    it(`refuses: ${what}`, async () => {
      const errors = await boundaryErrors(file, source);
      assert.ok(
        errors.some((message) => expected.test(message)),
        `${file}: ${source} → ${JSON.stringify(errors)}`,
      );
    });
  }
  for (const [what, file, source] of allowed) {
    it(`allows: ${what}`, async () => {
      assert.deepEqual(await boundaryErrors(file, source), []);
    });
  }
});
