/**
 * Credits of a story ("Additional reporting by … in Dushanbe; Writing by …"): validation, grouping
 * and the localized byline, as data. Pure: no DOM, safe to import on a server. `<news-byline>`
 * renders the segments `bylineGroups` returns, and `formatCreditsText` joins the same segments, so
 * the element and a server-rendered byline read exactly alike.
 */
import { listParts, safeHttpUrl } from './format.js';
import { isRecord, readJsonInput } from './values.js';
import { translate, translateParts, type MessageKey } from './localize.js';

/** The roles the byline knows, in the order their groups are shown. */
export const CREDIT_ROLES = ['author', 'reporting', 'additional-reporting', 'writing', 'editing', 'photography'] as const;

export type CreditRole = (typeof CREDIT_ROLES)[number];

/** One person credited. `role` defaults to `author`; `url` is kept only when it is http(s) or relative. */
export interface Credit {
  name: string;
  role?: string;
  location?: string;
  url?: string;
}

/** Something wrong with the input, for the caller to report (the element warns once per kind). */
export type CreditProblem =
  | { kind: 'json'; message: string }
  | { kind: 'not-array'; message: string }
  | { kind: 'entry'; index: number; message: string }
  | { kind: 'url'; index: number; name: string; url: string; message: string }
  | { kind: 'role'; index: number; role: string; message: string };

export interface ParsedCredits {
  /** The usable credits, normalized (trimmed, `role` always set, known roles lower-cased, unsafe `url` dropped). */
  credits: Credit[];
  problems: CreditProblem[];
}

/** People credited in one place (`place: null`: no location given), in first-appearance order. */
export interface PlaceGroup {
  place: string | null;
  people: Credit[];
}

/** Everyone credited with one role. `known: false` for a role outside `CREDIT_ROLES`. */
export interface RoleGroup {
  role: string;
  known: boolean;
  places: PlaceGroup[];
}

/**
 * A piece of a rendered byline. `label`: the role's words ("Editing by "); `text`: list separators
 * and the words around a place (" in "); `name` and `place`: the data, always text.
 */
export type BylineSegment =
  | { type: 'label'; text: string }
  | { type: 'text'; text: string }
  | { type: 'name'; text: string; url?: string }
  | { type: 'place'; text: string };

export interface BylineGroup {
  role: string;
  known: boolean;
  segments: BylineSegment[];
}

/**
 * `full`: every role, people grouped by place. `compact`: only the authors' names ("By A and B");
 * when nobody has the `author` role, the first role present, still without places.
 */
export type BylineVariant = 'full' | 'compact';

const FIELDS = ['name', 'role', 'location', 'url'] as const;

function isKnownRole(role: string): role is CreditRole {
  return (CREDIT_ROLES as readonly string[]).includes(role);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value}`;
}

/** Long hostile values are shortened in messages: a console line, not a dump. */
function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * Validates credits from a property (an array) or an attribute (its JSON text). Never throws.
 * An entry is skipped, with a problem, when it is not an object, has no non-empty string `name`,
 * or has a `role`, `location` or `url` that is neither a string nor null/undefined. A `url` that is
 * not http(s) or relative is dropped (the person stays, without a link). An unknown role is kept.
 */
export function parseCredits(input: unknown): ParsedCredits {
  const problems: CreditProblem[] = [];
  const { value, error } = readJsonInput(input);
  if (error !== undefined) {
    problems.push({ kind: 'json', message: error });
    return { credits: [], problems };
  }
  if (value === null || value === undefined) return { credits: [], problems };
  if (!Array.isArray(value)) {
    problems.push({ kind: 'not-array', message: `must be an array of { name, role?, location?, url? }, got ${describe(value)}` });
    return { credits: [], problems };
  }

  const credits: Credit[] = [];
  const unknownRoles = new Set<string>();
  value.forEach((entry: unknown, index: number) => {
    try {
      if (!isRecord(entry)) {
        problems.push({ kind: 'entry', index, message: `entry ${index} is ${describe(entry)}, not an object` });
        return;
      }
      const fields: Partial<Record<(typeof FIELDS)[number], string>> = {};
      for (const field of FIELDS) {
        const raw = entry[field];
        if (raw === undefined || raw === null) continue;
        if (typeof raw !== 'string') {
          problems.push({ kind: 'entry', index, message: `entry ${index}: "${field}" is ${describe(raw)}, not a string` });
          return;
        }
        const trimmed = raw.trim();
        if (trimmed) fields[field] = trimmed;
      }
      if (!fields.name) {
        problems.push({ kind: 'entry', index, message: `entry ${index} has no "name"` });
        return;
      }
      // Known roles match whatever their case ("Editing"); an unknown role is shown as written.
      const lower = fields.role?.toLowerCase() ?? 'author';
      const credit: Credit = { name: fields.name, role: isKnownRole(lower) ? lower : (fields.role as string) };
      if (fields.location) credit.location = fields.location;
      if (fields.url) {
        const safe = safeHttpUrl(fields.url);
        if (safe) credit.url = safe;
        else {
          problems.push({
            kind: 'url',
            index,
            name: credit.name,
            url: fields.url,
            message: `"${clip(credit.name)}" has a url that is not http(s) (${clip(fields.url, 40)}); shown without a link`,
          });
        }
      }
      const role = credit.role as string;
      if (!isKnownRole(role) && !unknownRoles.has(role)) {
        unknownRoles.add(role);
        problems.push({
          kind: 'role',
          index,
          role,
          message: `role "${clip(role)}" is not one of ${CREDIT_ROLES.join(', ')}; shown as "${clip(role)}: …"`,
        });
      }
      credits.push(credit);
    } catch (error) {
      // A getter or proxy that throws: skip the entry, not the byline.
      problems.push({ kind: 'entry', index, message: `entry ${index} could not be read (${String(error)})` });
    }
  });
  return { credits, problems };
}

/**
 * Groups credits by role (known roles in `CREDIT_ROLES` order, then unknown roles in order of first
 * appearance), and within a role by place: people without a location first, then each place in
 * order of first appearance. People keep their order of appearance. No Intl, no DOM.
 */
export function groupCredits(credits: readonly Credit[]): RoleGroup[] {
  const byRole = new Map<string, Map<string | null, Credit[]>>();
  for (const credit of credits) {
    const role = credit.role || 'author';
    let places = byRole.get(role);
    if (!places) {
      places = new Map([[null, []]]); // reserves the first slot for people without a location
      byRole.set(role, places);
    }
    const place = credit.location || null;
    let people = places.get(place);
    if (!people) {
      people = [];
      places.set(place, people);
    }
    people.push(credit);
  }
  const known = CREDIT_ROLES.filter((role) => byRole.has(role));
  const unknown = [...byRole.keys()].filter((role) => !isKnownRole(role));
  return [...known, ...unknown].map((role) => ({
    role,
    known: isKnownRole(role),
    places: [...(byRole.get(role) as Map<string | null, Credit[]>)]
      .filter(([, people]) => people.length > 0)
      .map(([place, people]) => ({ place, people })),
  }));
}

/** Joins runs of segments as `lang` joins a list; the separators become text segments. */
function joinSegments(items: BylineSegment[][], lang: string, type: Intl.ListFormatType): BylineSegment[] {
  return listParts(items, lang, type).flatMap((part) => (typeof part === 'string' ? [{ type: 'text', text: part } as const] : part));
}

/** Fills a message's `{placeholders}` with segments; the message's own words become `wordType`. */
function fillMessage(
  lang: string,
  key: MessageKey,
  params: Record<string, BylineSegment[]>,
  wordType: 'label' | 'text',
): BylineSegment[] {
  return translateParts<BylineSegment[]>(lang, key, params).flatMap((part) =>
    typeof part === 'string' ? (part ? [{ type: wordType, text: part }] : []) : part,
  );
}

function nameSegments(people: readonly Credit[], lang: string): BylineSegment[] {
  return joinSegments(
    people.map((person) => [person.url ? { type: 'name', text: person.name, url: person.url } : { type: 'name', text: person.name }]),
    lang,
    'conjunction',
  );
}

/** The groups a variant shows: `compact` keeps one role (authors, else the first role present). */
export function visibleGroups(groups: readonly RoleGroup[], variant: BylineVariant = 'full'): RoleGroup[] {
  if (variant !== 'compact') return [...groups];
  const chosen = groups.find((group) => group.role === 'author') ?? groups[0];
  return chosen ? [chosen] : [];
}

/**
 * The byline as segments, one group per role shown, in `lang`: names joined with a conjunction list,
 * "{names} in {place}" per place, places joined with a `unit` list, the role's label around it.
 * `compact` shows names only (no places) of the role `visibleGroups` picks.
 */
export function bylineGroups(credits: readonly Credit[], lang: string, variant: BylineVariant = 'full'): BylineGroup[] {
  return visibleGroups(groupCredits(credits), variant).map((group) => {
    let names: BylineSegment[];
    if (variant === 'compact') {
      names = nameSegments(
        group.places.flatMap((p) => p.people),
        lang,
      );
    } else {
      const perPlace = group.places.map(({ place, people }) =>
        place === null
          ? nameSegments(people, lang)
          : fillMessage(lang, 'byline.in-place', { names: nameSegments(people, lang), place: [{ type: 'place', text: place }] }, 'text'),
      );
      names = perPlace.length === 1 ? (perPlace[0] as BylineSegment[]) : joinSegments(perPlace, lang, 'unit');
    }
    const segments = group.known
      ? fillMessage(lang, `byline.${group.role as CreditRole}`, { names }, 'label')
      : fillMessage(lang, 'byline.other', { names, role: [{ type: 'label', text: group.role }] }, 'label');
    return { role: group.role, known: group.known, segments };
  });
}

/** The text between two role groups in `lang` ("; " in English, "؛ " in Persian). */
export function groupSeparator(lang: string): string {
  return translate(lang, 'byline.group-separator');
}

/**
 * The byline as plain text, exactly as `<news-byline>` shows it; for tests, feeds and server
 * rendering. Takes credits already validated by `parseCredits`.
 */
export function formatCreditsText(credits: readonly Credit[], lang: string, variant: BylineVariant = 'full'): string {
  return bylineGroups(credits, lang, variant)
    .map((group) => group.segments.map((segment) => segment.text).join(''))
    .join(groupSeparator(lang));
}
