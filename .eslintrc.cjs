// One lint config for the plug-in (angular-eslint), the sandbox, the e2e tests and the scripts.

// The house's boundaries (docs/architecture.md#layers), kept by no-restricted-imports:
// - a module is a feature folder of src/app, vcd/, or one folder of shared/; another module enters it
//   through its index.ts only (importing a file inside it fails);
// - shared/ imports no feature;
// - a domain/ file imports no Angular, rxjs, Clarity or @cds, and nothing from a data/ or ui/ folder.
// Specs and testing/ folders may reach inside modules (fakes, widget objects).
const FEATURES = ['registry', 'certificates', 'dependencies', 'organizations', 'tenant', 'readiness', 'clusters'];
const HOST_RULES = [
  { group: ['@angular/*/testing'], message: 'Production code must not import Angular testing modules (the host does not provide them).' },
  { group: ['@angular/core/rxjs-interop'], message: 'Not a documented VCD shared module; use shared/rx/until-destroyed.' },
];
const DOMAIN_RULE = {
  group: ['@angular/*', 'rxjs', 'rxjs/*', '@clr/*', '@cds/*', '**/data', '**/data/*', '**/ui', '**/ui/*'],
  message: 'A domain/ file is pure TypeScript: no Angular, rxjs, Clarity, @cds, data/ or ui/ (docs/architecture.md#layers).',
};
const MAX_DEPTH = 4;
const up = (depth) => (depth === 0 ? './' : '../'.repeat(depth));
/** Globs of the files `depth` folders below `root`; with `inDomain`, only those with a domain/ folder on the way. */
function globsAt(root, depth, inDomain) {
  if (!inDomain) return [`${root}${'*/'.repeat(depth)}*.ts`];
  return Array.from({ length: depth }, (_, at) => `${root}${'*/'.repeat(at)}domain/${'*/'.repeat(depth - at - 1)}*.ts`);
}
const TESTS = ['src/**/*.spec.ts', 'src/**/testing/**'];
const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const boundaryOverrides = Array.from({ length: MAX_DEPTH + 1 }, (_, depth) => depth).flatMap((depth) => {
  const toApp = up(depth);
  const modules = {
    group: [`${toApp}*/*`, `!${toApp}shared/*`, `${toApp}shared/*/*`],
    message: 'Another module is entered through its index.ts only: import the folder, not a file inside it.',
  };
  const inFeatures = [...TESTS, 'src/app/shared/**'];
  const overrides = [{ files: globsAt('src/app/', depth, false), excludedFiles: inFeatures, rules: restrict([...HOST_RULES, modules]) }];
  if (depth >= 1) {
    overrides.push({
      files: globsAt('src/app/', depth, true),
      excludedFiles: inFeatures,
      rules: restrict([...HOST_RULES, modules, DOMAIN_RULE]),
    });
  }
  if (depth >= 2) {
    const shared = [
      ...HOST_RULES,
      { group: FEATURES.flatMap((feature) => [`${toApp}${feature}`, `${toApp}${feature}/*`]), message: 'shared/ imports no feature.' },
      {
        group: [`${up(depth - 1)}*/*`, `${toApp}vcd/*`],
        message: 'Another module is entered through its index.ts only: import the folder, not a file inside it.',
      },
    ];
    overrides.push({ files: globsAt('src/app/shared/', depth - 1, false), excludedFiles: TESTS, rules: restrict(shared) });
    if (depth >= 3) {
      overrides.push({
        files: globsAt('src/app/shared/', depth - 1, true).filter((glob) => !glob.startsWith('src/app/shared/domain/')),
        excludedFiles: TESTS,
        rules: restrict([...shared, DOMAIN_RULE]),
      });
    }
  }
  return overrides;
});

module.exports = {
  root: true,
  ignorePatterns: ['node_modules/', 'dist/', '.angular/', '.build/', '.sandbox/', 'test-results/', 'reference/'],
  overrides: [
    {
      files: ['*.ts'],
      parser: '@typescript-eslint/parser',
      parserOptions: { ecmaVersion: 2022, sourceType: 'module' },
      plugins: ['@typescript-eslint'],
      extends: ['eslint:recommended', 'plugin:@typescript-eslint/recommended'],
      rules: {
        '@typescript-eslint/no-explicit-any': 'error',
        '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
        'no-console': 'off',
      },
    },
    {
      files: ['src/**/*.ts'],
      extends: ['plugin:@angular-eslint/recommended', 'plugin:@angular-eslint/template/process-inline-templates'],
      rules: {
        '@angular-eslint/component-selector': ['error', { type: 'element', prefix: 'cse', style: 'kebab-case' }],
        '@angular-eslint/prefer-on-push-component-change-detection': 'error',
      },
    },
    ...boundaryOverrides,
    {
      files: ['src/**/*.html'],
      parser: '@angular-eslint/template-parser',
      extends: ['plugin:@angular-eslint/template/recommended', 'plugin:@angular-eslint/template/accessibility'],
    },
    {
      files: ['*.js', '*.mjs', '*.cjs'],
      parserOptions: { ecmaVersion: 2022, sourceType: 'module' },
      env: { node: true, es2022: true, browser: true },
      extends: ['eslint:recommended'],
    },
  ],
};
