// @ts-check
const eslint = require('@eslint/js');
const tseslint = require('typescript-eslint');
const angular = require('angular-eslint');

module.exports = tseslint.config(
  {
    ignores: ['dist/', 'coverage/', '.angular/', '.data/', 'test-results/', 'playwright-report/'],
  },
  {
    files: ['**/*.ts'],
    extends: [
      eslint.configs.recommended,
      ...tseslint.configs.strict,
      ...tseslint.configs.stylistic,
    ],
    rules: {
      // PHI and tokens must never reach the console; servers log through their own loggers.
      'no-console': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    extends: [...angular.configs.tsRecommended],
    processor: angular.processInlineTemplates,
    rules: {
      // FHIR data is untrusted: it is rendered as text through Angular bindings, never as markup.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'MemberExpression[property.name=/^(innerHTML|outerHTML)$/]',
          message: 'Render FHIR data as text through template bindings, not innerHTML/outerHTML.',
        },
        {
          selector: 'CallExpression[callee.property.name=/^bypassSecurityTrust/]',
          message: 'Do not bypass Angular sanitization: FHIR data is untrusted.',
        },
      ],
      '@angular-eslint/directive-selector': [
        'error',
        { type: 'attribute', prefix: 'app', style: 'camelCase' },
      ],
      '@angular-eslint/component-selector': [
        'error',
        { type: 'element', prefix: 'app', style: 'kebab-case' },
      ],
    },
  },
  {
    // The app must not bundle fixtures or test doubles: only specs (and the helpers themselves) use src/testing/.
    files: ['src/app/**/*.ts', 'src/main.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/testing/*'], message: 'src/testing/ is for specs only.' },
            // The schema check runs in specs; the app validates config.json with validate-config.ts.
            {
              group: ['ajv', 'ajv/*'],
              message: 'Ajv is for specs and tools, never the app bundle.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.html'],
    extends: [...angular.configs.templateRecommended, ...angular.configs.templateAccessibility],
    rules: {
      // The template side of the same rule: [innerHTML]/[outerHTML] bindings would render FHIR data as markup.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'BoundAttribute[name=/^(innerHTML|outerHTML|srcdoc)$/i]',
          message: 'Render FHIR data as text with {{ }} interpolation, not as markup.',
        },
      ],
    },
  },
  {
    files: ['**/*.js'],
    extends: [eslint.configs.recommended],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
      },
    },
  },
);
