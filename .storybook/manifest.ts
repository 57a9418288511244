/*
 * The custom-elements manifest (custom-elements.json, written by `npm run analyze`) as Storybook's
 * autodocs should read it. The manifest itself is left untouched; this adjusts a copy:
 *
 * (Tag names come from the analyzer plugin in custom-elements-manifest.config.mjs.)
 * - Public API only: private/protected/static members (internal state, `t()`, `warn()`) are
 *   dropped from the "Properties" table.
 * - Unique row names. Storybook keys the rows of every table by name, so an attribute `caption`,
 *   a slot `caption` and a part `caption` would collapse into one row (the attribute vanishes).
 *   Slots are shown as `slot="caption"` (the default slot, which the analyzer names "" and
 *   Storybook would skip, as "(default slot)") and parts as `::part(caption)`: what one writes.
 * - Types without `| undefined` / `| null`, so an optional string attribute gets a text control
 *   (Storybook gives an unknown type such as `string | undefined` a JSON editor).
 * - The description under the title: `@summary`, then the JSDoc's leading text. (The analyzer
 *   ignores a `@description` tag: the long description must be the leading text of the JSDoc.)
 */

interface Typed {
  type?: { text?: string };
}
interface Member extends Typed {
  kind: string;
  name: string;
  privacy?: string;
  static?: boolean;
}
interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  summary?: string;
  description?: string;
  members?: Member[];
  attributes?: Typed[];
  slots?: Array<{ name: string; description?: string }>;
  cssParts?: Array<{ name: string; description?: string }>;
}
interface Module {
  path: string;
  declarations?: Declaration[];
}
interface Manifest {
  modules?: Module[];
}

/** `string | undefined` → `string`; `string | null` → `string`; `undefined` alone is kept. */
function withoutNullish(type: string): string {
  const parts = type.split('|').map((t) => t.trim());
  const kept = parts.filter((t) => t !== 'undefined' && t !== 'null');
  return kept.length ? kept.join(' | ') : type;
}

export function manifestForDocs<T>(manifest: T): T {
  const copy = structuredClone(manifest) as Manifest;
  for (const mod of copy.modules ?? []) {
    const classes = (mod.declarations ?? []).filter((d) => d.kind === 'class');
    for (const decl of classes) {
      if (!decl.tagName) continue;
      decl.members = decl.members?.filter((m) => !m.static && (m.privacy ?? 'public') === 'public');
      for (const item of [...(decl.members ?? []), ...(decl.attributes ?? [])]) {
        if (item.type?.text) item.type = { ...item.type, text: withoutNullish(item.type.text) };
      }
      decl.slots = decl.slots?.map((s) => ({ ...s, name: s.name ? `slot="${s.name}"` : '(default slot)' }));
      decl.cssParts = decl.cssParts?.map((p) => ({ ...p, name: `::part(${p.name})` }));
      decl.description = [decl.summary, decl.description].filter(Boolean).join('\n\n');
    }
  }
  return copy as T;
}

/** Table categories that document styling hooks: no story arg drives them, so no control. */
const DOC_ONLY = new Set(['slots', 'css shadow parts', 'css custom properties']);

/**
 * An argTypes enhancer: rows for slots, parts and CSS custom properties are documentation, not
 * inputs. Without it each gets a "Set object" control that does nothing.
 */
export function docOnlyRowsWithoutControls(context: { argTypes: Record<string, Record<string, unknown>> }) {
  const argTypes = { ...context.argTypes };
  for (const [name, argType] of Object.entries(argTypes)) {
    const category = (argType.table as { category?: string } | undefined)?.category;
    if (category && DOC_ONLY.has(category)) argTypes[name] = { ...argType, control: false };
  }
  return argTypes;
}
