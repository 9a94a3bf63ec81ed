import assert from 'node:assert/strict';
import { test } from 'node:test';
import vm from 'node:vm';
import { ownerOf } from './bundle-weight.mjs';
import { collapseTemplate, minifyBundle } from './minify-bundle.mjs';

test('a template loses its line breaks and indentation, each run becoming one space', () => {
  assert.equal(
    collapseTemplate('\n    <p data-test="x">\n      {{ \'a.b\' | translate }}\n    </p>\n'),
    ' <p data-test="x"> {{ \'a.b\' | translate }} </p> ',
  );
});

test('spaces within a line are kept as written', () => {
  assert.equal(collapseTemplate('<b>a  b</b> <i>c</i>'), '<b>a  b</b> <i>c</i>');
});

test('<pre> and <textarea> keep their whitespace, the rest is collapsed', () => {
  const template = '<div>\n  <pre data-test="t">{{ text }}\n   indented\n</pre>\n  <textarea rows="2">\n  kept\n</textarea>\n</div>';
  assert.equal(
    collapseTemplate(template),
    '<div> <pre data-test="t">{{ text }}\n   indented\n</pre> <textarea rows="2">\n  kept\n</textarea> </div>',
  );
});

test('the bundle still runs, its templates collapsed, and the source map still names the sources', async () => {
  const code = [
    'define("M", [], function () {',
    '  var component = { selector: "x-a", template: "\\n    <h1>\\n      {{ title }}\\n    </h1>\\n" };',
    '  function longParameterName(firstArgument, secondArgument) { return firstArgument + secondArgument; }',
    '  return { component: component, sum: longParameterName(2, 3) };',
    '});',
  ].join('\n');
  const map = {
    version: 3,
    sources: ['webpack:///./src/app/a.component.ts'],
    names: [],
    // every line maps to the same source line, column 0
    mappings: 'AAAA;AAAA;AAAA;AAAA;AAAA',
  };
  const { code: out, map: outMap, templates } = await minifyBundle(code, map);
  assert.equal(templates, 1);
  assert.ok(out.length < code.length);
  let defined;
  vm.runInNewContext(out, { define: (_name, _deps, factory) => (defined = factory()) });
  assert.equal(defined.component.template, ' <h1> {{ title }} </h1> ');
  assert.equal(defined.sum, 5);
  // Still attributed to the plug-in's own file when check-bundle weighs the bundle.
  assert.deepEqual(outMap.sources.map(ownerOf), ['plug-in: (root)']);
  assert.ok(outMap.mappings.length > 0);
});

test("the plug-in's stylesheets are minified, a library's string of the same shape is left as it is", async () => {
  const css =
    '\n  .toolbar {\n    display: flex;\n    gap: 0.6rem;\n  }\n  :host ::ng-deep progress::-webkit-progress-value {\n    transition: none;\n  }\n';
  const code = [
    'define("M", [], function () {',
    '  var own = []; var library = [];',
    `  own.push([{ id: 1 }.id, ${JSON.stringify(css)}, ""]);`,
    `  library.push([{ id: 2 }.id, ${JSON.stringify(css)}, ""]);`,
    '  return { own: own[0][1], library: library[0][1] };',
    '});',
  ].join('\n');
  const map = {
    version: 3,
    sources: ['webpack:///./src/app/clusters/ui/clusters-tab.component.ts?06dc', 'webpack:///./node_modules/some-library/index.js'],
    names: [],
    // lines 1–3 map to the plug-in's file, line 4 (the library's push) and after to the library
    mappings: 'AAAA;AAAA;AAAA;ACAA;AAAA;AAAA',
  };
  const { code: out } = await minifyBundle(code, map);
  let defined;
  vm.runInNewContext(out, { define: (_name, _deps, factory) => (defined = factory()) });
  assert.equal(defined.own, '.toolbar{display:flex;gap:.6rem}:host ::ng-deep progress::-webkit-progress-value{transition:none}');
  assert.equal(defined.library, css);
});
