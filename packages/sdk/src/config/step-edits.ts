import type { FieldEntry, FormConfig, LocalizedText, StepBreak } from '../types.js';
import { ConfigError } from './errors.js';
import { parseConfig } from './parse.js';

const stepsOf = (config: FormConfig): readonly StepBreak[] => (Object.hasOwn(config, 'steps') ? (config.steps ?? []) : []);

const apply = (config: FormConfig, steps: readonly StepBreak[]): FormConfig => parseConfig({ ...config, steps });

function fail(code: 'unknown_field' | 'unknown_step' | 'duplicate_step', id: string): never {
  const messages = { unknown_field: `unknown field "${id}"`, unknown_step: `no step starts at "${id}"`, duplicate_step: `a step already starts at "${id}"` };
  throw new ConfigError([{ path: ['steps'], code, params: { id }, message: messages[code] }]);
}

function field(config: FormConfig, id: string): string {
  if (!config.fields.some((entry) => entry.id === id)) fail('unknown_field', String(id));
  return id;
}

function breakIndex(config: FormConfig, before: string): number {
  const index = stepsOf(config).findIndex((step) => step.before === before);
  if (index < 0) fail('unknown_step', String(before));
  return index;
}

/**
 * The breaks once field `id` leaves its place (moved or removed): a break that started at it
 * now starts at the field that followed it, or goes when none did or that field starts a step
 * already (the step would be empty).
 */
export function leaveBreak(steps: readonly StepBreak[], fields: readonly FieldEntry[], id: string): StepBreak[] {
  const next = fields[fields.findIndex((entry) => entry.id === id) + 1]?.id;
  return steps.flatMap((step) => {
    if (step.before !== id) return [step];
    return next === undefined || steps.some((other) => other.before === next) ? [] : [{ ...step, before: next }];
  });
}

/** The breaks after a break starting at `from` is moved to start at `to`. */
export function reanchor(steps: readonly StepBreak[], from: string, to: string): StepBreak[] {
  return steps.map((step) => (step.before === from ? { ...step, before: to } : step));
}

/**
 * Starts a new step at field `before`, titled `title` (a text or a map of locale → text). A
 * break before the first field titles the first step; without one, the fields above the first
 * break form an untitled first step.
 * @throws {ConfigError} `unknown_field`, `duplicate_step`, or `missing_step_title` for an empty title.
 */
export function addStepBreak(config: FormConfig, before: string, title: LocalizedText): FormConfig {
  field(config, before);
  if (stepsOf(config).some((step) => step.before === before)) fail('duplicate_step', String(before));
  return apply(config, [...stepsOf(config), { before, title }]);
}

/**
 * Moves the break starting at field `from` to start at field `to` (as a keyboard move of a
 * break row does: `to` is the field above or below). The fields stay where they are.
 * @throws {ConfigError} `unknown_step`, `unknown_field` or `duplicate_step`.
 */
export function moveStepBreak(config: FormConfig, from: string, to: string): FormConfig {
  breakIndex(config, from);
  field(config, to);
  if (from === to) return config;
  if (stepsOf(config).some((step) => step.before === to)) fail('duplicate_step', String(to));
  return apply(config, reanchor(stepsOf(config), from, to));
}

/** Removes the break starting at field `before`: its fields join the step above. @throws {ConfigError} `unknown_step`. */
export function removeStepBreak(config: FormConfig, before: string): FormConfig {
  const index = breakIndex(config, before);
  return apply(config, stepsOf(config).filter((_, i) => i !== index));
}

/** Changes the title of the break starting at field `before`. @throws {ConfigError} `unknown_step`, `missing_step_title`. */
export function setStepTitle(config: FormConfig, before: string, title: LocalizedText): FormConfig {
  const index = breakIndex(config, before);
  return apply(config, stepsOf(config).map((step, i) => (i === index ? { before, title } : step)));
}
