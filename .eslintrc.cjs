// One lint config for the plug-in (angular-eslint), the sandbox, the e2e tests and the scripts.
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
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              {
                group: ['@angular/*/testing'],
                message: 'Production code must not import Angular testing modules (the host does not provide them).',
              },
              { group: ['@angular/core/rxjs-interop'], message: 'Not a documented VCD shared module; use shared/rx/until-destroyed.' },
            ],
          },
        ],
      },
    },
    {
      files: ['src/**/*.spec.ts', 'src/**/testing/**/*.ts'],
      rules: { 'no-restricted-imports': 'off' },
    },
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
