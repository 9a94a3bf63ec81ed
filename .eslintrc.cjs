// One lint config for the plug-in (angular-eslint), the sandbox, the e2e tests and the scripts.

// The house's boundaries (docs/architecture.md#layers), kept by no-restricted-imports:
// - a module is a feature folder of src/app, vcd/, or one folder of shared/; another module is
//   entered through its index.ts, or through its domain/index.ts for the pure part (importing a
//   file inside it fails);
// - shared/ imports no feature;
// - a domain/ file imports no Angular, rxjs, Clarity or @cds, nothing from a data/ or ui/ folder,
//   and of another feature only its domain/.
// Specs and testing/ folders may reach inside modules (fakes, widget objects).
const FEATURES = ['registry', 'certificates', 'dependencies', 'organizations', 'tenant', 'readiness', 'clusters'];
const SHARED = ['shared/cse-config', 'shared/status-store', 'shared/session-state', 'shared/rx', 'shared/ui', 'shared/i18n'];
const MODULES = [...FEATURES, ...SHARED, 'vcd'];
const HOST_RULES = [
  { group: ['@angular/*/testing'], message: 'Production code must not import Angular testing modules (the host does not provide them).' },
  { group: ['@angular/core/rxjs-interop'], message: 'Not a documented VCD shared module; use shared/rx/until-destroyed.' },
];
const LAYERS = ['@angular/*', 'rxjs', 'rxjs/*', '@clr/*', '@cds/*', '**/data', '**/data/*', '**/ui', '**/ui/*'];
const MAX_DEPTH = 5;
const up = (depth) => (depth === 0 ? './' : '../'.repeat(depth));
/** Globs of the files `depth` folders below src/app; with `inDomain`, only those with a domain/ folder on the way. */
function globsAt(depth, inDomain) {
  if (!inDomain) return [`src/app/${'*/'.repeat(depth)}*.ts`];
  return Array.from({ length: depth }, (_, at) => `src/app/${'*/'.repeat(at)}domain/${'*/'.repeat(depth - at - 1)}*.ts`);
}
const TESTS = ['src/**/*.spec.ts', 'src/**/testing/**'];
const restrict = (patterns, paths = []) => ({ 'no-restricted-imports': ['error', { patterns, paths }] });
const boundaryOverrides = Array.from({ length: MAX_DEPTH + 1 }, (_, depth) => depth).flatMap((depth) => {
  const app = up(depth);
  const modules = {
    group: MODULES.flatMap((module) => [`${app}${module}/*`, `!${app}${module}/domain`, `${app}${module}/domain/*`]),
    message: 'Another module is entered through its index.ts (or domain/index.ts): import the folder, not a file inside it.',
  };
  const domainMessage =
    'A domain/ file is pure TypeScript: no Angular, rxjs, Clarity, @cds, data/ or ui/, and of another module only its domain/ (docs/architecture.md#layers).';
  const domain = { group: LAYERS, message: domainMessage };
  // A module's index.ts carries its services and components: a domain/ file takes the module's domain/ instead.
  const moduleRoots = MODULES.filter((module) => module !== 'vcd').map((module) => ({ name: `${app}${module}`, message: domainMessage }));
  const noFeature = {
    group: FEATURES.flatMap((feature) => [`${app}${feature}`, `${app}${feature}/*`]),
    message: 'shared/ imports no feature (docs/architecture.md#layers).',
  };
  return [
    { files: globsAt(depth, false), excludedFiles: TESTS, rules: restrict([...HOST_RULES, modules]) },
    ...(depth >= 1
      ? [{ files: globsAt(depth, true), excludedFiles: TESTS, rules: restrict([...HOST_RULES, modules, domain], moduleRoots) }]
      : []),
    ...(depth >= 2
      ? [
          {
            files: [`src/app/shared/${'*/'.repeat(depth - 1)}*.ts`],
            excludedFiles: TESTS,
            rules: restrict([...HOST_RULES, modules, noFeature]),
          },
          ...(depth >= 3
            ? [
                {
                  files: globsAt(depth, true)
                    .filter((glob) => !/^src\/app\/(\*\/)?domain\//.test(glob))
                    .map((glob) => glob.replace('src/app/*/', 'src/app/shared/')),
                  excludedFiles: TESTS,
                  rules: restrict([...HOST_RULES, modules, domain, noFeature], moduleRoots),
                },
              ]
            : []),
        ]
      : []),
  ];
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
