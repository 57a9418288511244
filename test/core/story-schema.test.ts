import { expect } from '@open-wc/testing';
import {
  STORY_COMMENTS_FIELDS,
  STORY_FIELDS,
  STORY_IMAGE_FIELDS,
  STORY_IS_PART_OF_FIELDS,
  STORY_PUBLISHER_FIELDS,
  STORY_REQUIRED_FIELDS,
  storyFromJson,
} from '../../src/core/story/json.js';
import { CREDIT_ROLES } from '../../src/core/credits.js';
import { referenceStoryJson, storySchema } from './story-fixtures.js';

type Schema = Record<string, unknown>;

/**
 * A validator for the few JSON Schema keywords schema/story-v1.schema.json uses (no dependency):
 * type, const, enum, required, properties, additionalProperties, items, minLength, minimum,
 * pattern and local $ref. `format` and `description` are annotations. Returns the error paths.
 */
function validate(schema: Schema, value: unknown, root: Schema, path = '$'): string[] {
  if (typeof schema.$ref === 'string') {
    const target = schema.$ref.replace(/^#\//, '').split('/').reduce<unknown>((node, key) => (node as Schema)[key], root);
    return validate(target as Schema, value, root, path);
  }
  const errors: string[] = [];
  const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v);
  if (schema.type !== undefined) {
    const types = ([] as unknown[]).concat(schema.type);
    const actual = typeOf(value);
    if (!types.includes(actual) && !(actual === 'integer' && types.includes('number'))) return [`${path}: type`];
  }
  if ('const' in schema && JSON.stringify(schema.const) !== JSON.stringify(value)) errors.push(`${path}: const`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) errors.push(`${path}: enum`);
  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' && value.length < schema.minLength) errors.push(`${path}: minLength`);
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) errors.push(`${path}: pattern`);
  }
  if (typeof value === 'number' && typeof schema.minimum === 'number' && value < schema.minimum) errors.push(`${path}: minimum`);
  if (Array.isArray(value) && schema.items) value.forEach((item, i) => errors.push(...validate(schema.items as Schema, item, root, `${path}[${i}]`)));
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const key of (schema.required as string[] | undefined) ?? []) if (!(key in object)) errors.push(`${path}.${key}: required`);
    for (const [key, member] of Object.entries(object)) {
      if (properties[key]) errors.push(...validate(properties[key], member, root, `${path}.${key}`));
      else if (schema.additionalProperties === false) errors.push(`${path}.${key}: additionalProperties`);
    }
  }
  return errors;
}

const props = (schema: Schema) => Object.keys(schema.properties as Schema);
const def = (schema: Schema, name: string) => (schema.$defs as Record<string, Schema>)[name] as Schema;

describe('schema/story-v1.schema.json', () => {
  it('is draft 2020-12 and describes every member', async () => {
    const schema = await storySchema();
    expect(schema.$schema).to.equal('https://json-schema.org/draft/2020-12/schema');
    const described = (node: Schema): string[] =>
      Object.entries((node.properties ?? {}) as Record<string, Schema>)
        .filter(([key, member]) => key !== '$schema' && !member.$ref && !member.description)
        .map(([key]) => key);
    expect(described(schema)).to.deep.equal([]);
    for (const name of Object.keys(schema.$defs as Schema)) {
      expect(def(schema, name).description, name).to.be.a('string');
      expect(described(def(schema, name)), name).to.deep.equal([]);
    }
  });

  it('has exactly the model fields, and the adapter\'s required fields', async () => {
    const schema = await storySchema();
    expect(props(schema).sort()).to.deep.equal(['$schema', 'type', ...STORY_FIELDS].sort());
    expect(schema.required).to.deep.equal([...STORY_REQUIRED_FIELDS]);
    expect(props(def(schema, 'image')).sort()).to.deep.equal([...STORY_IMAGE_FIELDS].sort());
    expect(props(def(schema, 'publisher')).sort()).to.deep.equal([...STORY_PUBLISHER_FIELDS].sort());
    expect(props(def(schema, 'comments')).sort()).to.deep.equal([...STORY_COMMENTS_FIELDS].sort());
    expect(props(def(schema, 'isPartOf')).sort()).to.deep.equal([...STORY_IS_PART_OF_FIELDS].sort());
    expect((def(schema, 'credit').properties as Record<string, Schema>).role?.enum).to.deep.equal([...CREDIT_ROLES]);
  });

  it('checks with a validator that does catch errors', async () => {
    const schema = await storySchema();
    expect(validate(schema, { type: 'news-story' }, schema)).to.include('$.headline: required');
  });

  /** [what, change to the reference story]: all must be valid for both, or invalid for both. */
  const cases: Array<[string, (story: Record<string, unknown>) => void]> = [
    ['the reference story', () => {}],
    ['without optional members', (s) => { for (const key of Object.keys(s)) if (!(STORY_REQUIRED_FIELDS as readonly string[]).includes(key)) delete s[key]; }],
    ['no headline', (s) => delete s.headline],
    ['version 2', (s) => (s.version = 2)],
    ['another type', (s) => (s.type = 'article')],
    ['a relative url', (s) => (s.url = '/demo/index.html')],
    ['a javascript: url', (s) => (s.url = 'javascript:alert(1)')],
    ['no publisher', (s) => delete s.publisher],
    ['an unknown member', (s) => (s.headlnie = 'x')],
    ['a date that is not ISO 8601', (s) => (s.published = 'April 8, 2024')],
    ['a javascript: image', (s) => ((s.image as Record<string, unknown>).src = 'javascript:alert(1)')],
    ['an image width as text', (s) => ((s.image as Record<string, unknown>).width = '1200')],
    ['an unknown direction', (s) => (s.dir = 'up')],
    ['credits that are an object', (s) => (s.credits = { name: 'A' })],
    ['a credit without a name', (s) => (s.credits = [{ role: 'editing' }])],
    ['a credit with an unknown role', (s) => (s.credits = [{ name: 'A', role: 'lettering' }])],
    ['comments in another format', (s) => ((s.comments as Record<string, unknown>).format = 'disqus')],
    ['a related item without a url', (s) => (s.related = [{ headline: 'R' }])],
  ];
  for (const [name, change] of cases) {
    it(`agrees with the adapter on ${name}`, async () => {
      const schema = await storySchema();
      const story = await referenceStoryJson();
      change(story);
      const errors = validate(schema, story, schema);
      const result = storyFromJson(story);
      const adapterFine = result.story !== null && result.problems.length === 0;
      expect(errors.length === 0, `schema: ${errors.join(', ')} / adapter: ${JSON.stringify(result.problems)}`).to.equal(adapterFine);
    });
  }
});
