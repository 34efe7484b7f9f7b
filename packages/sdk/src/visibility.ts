import { COMPANY_FIELDS, CUSTOMER_TYPE_FIELD, getCatalogField } from './catalog.js';
import type { Condition, FormConfig } from './types.js';
import { isBlank } from './validation/validators/text.js';

/** Values as a form holds them or a body carries them: field id → value (a `File` list for file fields). */
export type FieldValues = Readonly<Record<string, unknown>>;

type Test = Extract<Condition, { field: string }>;

interface Node {
  readonly id: string;
  readonly type: string;
  readonly displayed: boolean;
  readonly condition: Condition | undefined;
}

// Checkbox values from JSON (booleans) and from classic form posts (`on`, `true`), as validation reads them.
const CHECKED = new Set<unknown>([true, 'on', 'true']);
const COMPANY = new Set<string>(COMPANY_FIELDS);
const FOR_COMPANIES: Condition = Object.freeze({ field: CUSTOMER_TYPE_FIELD, in: Object.freeze(['company']) });

const own = (object: object, key: string): unknown => (Object.hasOwn(object, key) ? (object as Record<string, unknown>)[key] : undefined);

function customerTypeShown(config: FormConfig): boolean {
  return config.fields.some((entry) => entry.id === CUSTOMER_TYPE_FIELD && entry.displayed);
}

/**
 * The condition under which field `id` is shown (besides being displayed): its own
 * `visibleWhen`, and for a company field (`companyName`, `legalForm`, `siret`, `vatNumber`,
 * `position`, `department`) "customer type is company" whenever `customerType` is displayed.
 * `undefined` when the field is shown whenever displayed.
 */
export function effectiveCondition(config: FormConfig, id: string): Condition | undefined {
  const entry = config.fields.find((candidate) => candidate.id === id);
  const explicit = entry ? (own(entry, 'visibleWhen') as Condition | undefined) : undefined;
  const company = COMPANY.has(id) && customerTypeShown(config) ? FOR_COMPANIES : undefined;
  return company && explicit ? { all: [company, explicit] } : (company ?? explicit);
}

function sources(condition: Condition | undefined, out: string[] = []): string[] {
  if (!condition) return out;
  const group = (own(condition, 'all') ?? own(condition, 'any')) as readonly Condition[] | undefined;
  if (group) for (const item of group) sources(item, out);
  else out.push((condition as Test).field);
  return out;
}

// The fields in an order where each comes after the fields its condition reads, so one pass
// decides every field. A cycle (only in a config that skipped parseConfig) reads as hidden.
const plans = new WeakMap<FormConfig, readonly Node[]>();

function plan(config: FormConfig): readonly Node[] {
  let nodes = plans.get(config);
  if (nodes) return nodes;
  const custom = new Map(config.customFields.map((field) => [field.id, field.type as string]));
  const byId = new Map<string, Node>();
  for (const entry of config.fields) {
    const type = getCatalogField(entry.id)?.type ?? custom.get(entry.id) ?? 'text';
    byId.set(entry.id, { id: entry.id, type, displayed: entry.displayed, condition: effectiveCondition(config, entry.id) });
  }
  const ordered: Node[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (node: Node): void => {
    if (state.has(node.id)) return;
    state.set(node.id, 'visiting');
    for (const id of sources(node.condition)) {
      const source = byId.get(id);
      if (source && !state.has(id)) visit(source);
    }
    state.set(node.id, 'done');
    ordered.push(node);
  };
  for (const node of byId.values()) visit(node);
  plans.set(config, (nodes = ordered));
  return nodes;
}

/** True when `value` counts as an answer for a field of `type`: a ticked box, a chosen file, a non-blank text. */
export function isFilled(type: string, value: unknown): boolean {
  if (type === 'checkbox') return CHECKED.has(value);
  if (Array.isArray(value)) return value.length > 0;
  // A password keeps every character it was typed with (validation stores any but ''): so does this.
  if (typeof value === 'string') return type === 'password' ? value !== '' : !isBlank(value);
  if (typeof value === 'number') return Number.isFinite(value);
  return type === 'file' ? typeof value === 'object' && value !== null : value === true;
}

// The value compared by `in` / `notIn`, as validation would store it: trimmed NFC text, country codes upper-case.
function compared(type: string, value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const text = value.normalize('NFC').trim();
  return type === 'country' ? text.toUpperCase() : text;
}

function holds(condition: Condition, read: (id: string) => { type: string; value: unknown }): boolean {
  const all = own(condition, 'all') as readonly Condition[] | undefined;
  if (all) return all.every((item) => holds(item, read));
  const any = own(condition, 'any') as readonly Condition[] | undefined;
  if (any) return any.some((item) => holds(item, read));
  const test = condition as Test;
  const { type, value } = read(test.field);
  const filled = own(test, 'filled');
  if (typeof filled === 'boolean') return isFilled(type, value) === filled;
  const listed = own(test, 'in') as readonly string[] | undefined;
  const current = compared(type, value);
  const found = current !== undefined && (listed ?? (own(test, 'notIn') as readonly string[])).includes(current);
  return listed ? found : !found;
}

/**
 * Which fields of `config` are shown for `values`, in display order: displayed, and their
 * condition ({@link effectiveCondition}) holds. A condition reads only fields that are shown
 * themselves: the value of a hidden field counts as empty, as it is never submitted. Never
 * throws for any `values`.
 */
export function visibleFields(config: FormConfig, values: FieldValues = {}): string[] {
  const shown = visibleSet(config, values);
  return config.fields.filter((entry) => shown.has(entry.id)).map((entry) => entry.id);
}

/** The ids of {@link visibleFields} as a set. */
export function visibleSet(config: FormConfig, values: FieldValues = {}): Set<string> {
  const shown = new Set<string>();
  const nodes = plan(config);
  const types = new Map(nodes.map((node) => [node.id, node.type]));
  const read = (id: string) => {
    let value: unknown;
    try {
      value = shown.has(id) && typeof values === 'object' && values !== null ? own(values, id) : undefined;
    } catch {
      // A throwing getter reads as no answer.
    }
    return { type: types.get(id) ?? 'text', value };
  };
  for (const node of nodes) if (node.displayed && (!node.condition || holds(node.condition, read))) shown.add(node.id);
  return shown;
}

/** True when field `id` is shown for `values` (see {@link visibleFields}). */
export function isFieldVisible(config: FormConfig, id: string, values: FieldValues = {}): boolean {
  return visibleSet(config, values).has(id);
}
