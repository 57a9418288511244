/**
 * custom-elements-manifest analyzer config (picked up by `cem analyze`).
 * Elements are registered with `defineElement('news-x', NewsX)` (src/internal/define.ts), which the
 * analyzer does not understand: without this plugin the classes have no `tagName` (Storybook
 * autodocs, IDEs and other manifest readers then cannot find `<news-x>`), and the
 * `customElements.define(tag, ctor)` inside defineElement is listed as a bogus element "tag".
 */
function defineElementPlugin() {
  /** [module path of the define call, tag, class name] */
  const calls = [];
  return {
    name: 'news-elements:define-element',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node)) return;
      if (!ts.isIdentifier(node.expression) || node.expression.text !== 'defineElement') return;
      const [tag, ctor] = node.arguments;
      if (tag && ctor && ts.isStringLiteralLike(tag) && ts.isIdentifier(ctor)) {
        calls.push([moduleDoc.path, tag.text, ctor.text]);
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      const modules = customElementsManifest.modules ?? [];
      // Runs last (see below): the analyzer reads src/*.ts, npm users get dist/*.js.
      for (const mod of modules) {
        // The generic customElements.define(tag, ctor) inside defineElement is not an element.
        mod.exports = (mod.exports ?? []).filter(
          (e) => !(e.kind === 'custom-element-definition' && e.name === 'tag' && e.declaration?.name === 'ctor'),
        );
      }
      for (const [path, tag, className] of calls) {
        const owner = modules.find((m) => (m.declarations ?? []).some((d) => d.kind === 'class' && d.name === className));
        const decl = owner?.declarations.find((d) => d.kind === 'class' && d.name === className);
        if (!owner || !decl) continue;
        decl.tagName = tag;
        decl.customElement = true;
        const defineModule = modules.find((m) => m.path === path);
        defineModule?.exports?.push({
          kind: 'custom-element-definition',
          name: tag,
          declaration: { name: className, module: owner.path },
        });
      }
    },
  };
}

/**
 * The package publishes dist/, not src/: point every module path of the manifest at the published
 * JavaScript (`src/components/x/x.ts` → `dist/components/x/x.js`), so tools can resolve them.
 */
function publishedPathsPlugin() {
  const rewrite = (node) => {
    if (Array.isArray(node)) return node.forEach(rewrite);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'path' || key === 'module') && typeof value === 'string' && /^\/?src\/.*\.[jt]s$/.test(value)) {
        node[key] = value.replace(/^(\/?)src\//, '$1dist/').replace(/\.ts$/, '.js');
      } else rewrite(value);
    }
  };
  return {
    name: 'news-elements:published-paths',
    packageLinkPhase({ customElementsManifest }) {
      rewrite(customElementsManifest);
    },
  };
}

export default {
  plugins: [defineElementPlugin(), publishedPathsPlugin()],
};
