/**
 * The robustness suite's generator: rewrites the form of each practice-portal variant into
 * layout variants that keep its meaning (the same fields, the same choices) but not its markup:
 * extra wrappers; the label moved to aria-label / aria-labelledby (one or several ids), to a
 * preceding table cell or to a column header; an open or closed shadow boundary around the form
 * or each field; label wording from a list of synonyms; look-alike fields (nickname, account
 * name, bank country...) among the real ones; ids and names randomised. Seeded: one seed always
 * gives the same page.
 *
 * Pure strings: a variant is HTML in which `<template shadowrootmode>` marks a shadow boundary,
 * plus the list of its fields by id. `mountLayout` (mount-layout.ts) turns it into a live page
 * with the page-state contract of the practice portal (window.portalState / portalEvents).
 */
import type { FieldKind } from '@/utils/detection/field-kinds';
import { seededRandom, type Random } from './seeded-random';

/** The page's model keys, as in the practice portal's window.portalState. */
export type ModelKey = 'routing' | 'account' | 'accountConfirm' | 'controlKey' | 'bankName' | 'holderName';

/** What both tiers type into a layout: a routing number whose check digit fails, a confirmation that differs, Savings. */
export const TYPED: Record<ModelKey, string> = {
  routing: '021000022',
  account: '000123456789',
  accountConfirm: '000123456780',
  controlKey: '02',
  bankName: 'First Bank',
  holderName: 'Acme Imports LLC',
};
/** How the base form builds a field: a text input, native select, radio group, Lightning or SAP UI5 combobox. */
export type BaseControl = 'input' | 'select' | 'radio' | 'combobox' | 'ui5-select';

export interface BaseField {
  key: ModelKey;
  kind: FieldKind;
  label: string;
  control: BaseControl;
}

/** The form of one practice variant, by meaning. */
export interface BaseForm {
  name: string;
  fields: readonly BaseField[];
}

export type LabelMode = 'for' | 'wrap' | 'aria-label' | 'aria-labelledby' | 'aria-labelledby-split' | 'table-cell' | 'column-header';
export type ShadowMode = 'none' | 'form-open' | 'form-closed' | 'field-open' | 'field-closed';

export interface LayoutOptions {
  labels: LabelMode;
  shadow: ShadowMode;
  /** Extra elements around each control (and its label), 0–3. */
  wrappers: number;
  /** Use a synonym from SYNONYMS instead of the base label. */
  synonyms: boolean;
  /** Look-alike fields put among the real ones (labels from LOOK_ALIKES). */
  lookAlikes: readonly string[];
  /** Random ids and names instead of meaningful ones. */
  randomIds: boolean;
}

/** One field of a generated page: the id of the element the detector should mark. */
export interface LayoutField {
  id: string;
  key: ModelKey;
  kind: FieldKind;
  control: BaseControl;
  /** Radio ids / option ids (combobox), in the order of CONTROL_KEYS. */
  optionIds?: string[];
}

export interface LayoutPage {
  seed: number;
  base: string;
  options: LayoutOptions;
  html: string;
  fields: LayoutField[];
  /** Ids of look-alike inputs: never marked, never filled. */
  lookAlikes: string[];
  /** Custom element names used as shadow hosts. */
  hostTags: string[];
}

export const CONTROL_KEYS = [
  { value: '01', label: '01 - Checking', word: 'Checking' },
  { value: '02', label: '02 - Savings', word: 'Savings' },
] as const;

const ROUTING: BaseField = { key: 'routing', kind: 'routing', label: 'Bank Routing Number', control: 'input' };
const ACCOUNT: BaseField = { key: 'account', kind: 'account', label: 'Bank Account Number', control: 'input' };
const CONFIRM: BaseField = { key: 'accountConfirm', kind: 'account-confirm', label: 'Confirm Bank Account Number', control: 'input' };
const KEY_SELECT: BaseField = { key: 'controlKey', kind: 'account-type', label: 'Bank Control Key', control: 'select' };
const BANK_NAME: BaseField = { key: 'bankName', kind: 'bank-name', label: 'Bank Name', control: 'input' };
const HOLDER: BaseField = { key: 'holderName', kind: 'holder-name', label: 'Account Holder Name', control: 'input' };

/** The forms of the practice variants (tests/fixtures/README.md), by meaning. */
export const BASE_FORMS: readonly BaseForm[] = [
  { name: 'plain', fields: [ROUTING, ACCOUNT, CONFIRM, KEY_SELECT, BANK_NAME, HOLDER] },
  { name: 'lightning', fields: [ROUTING, ACCOUNT, { ...KEY_SELECT, control: 'combobox' }] },
  { name: 'radio', fields: [ROUTING, ACCOUNT, { ...KEY_SELECT, control: 'radio' }] },
  { name: 'dialog', fields: [ROUTING, ACCOUNT, KEY_SELECT] },
  {
    name: 'sap-grid',
    fields: [
      { ...ROUTING, label: 'Bank Key' },
      { ...ACCOUNT, label: 'Bank Account' },
      { ...KEY_SELECT, label: 'Bank Control Key' },
    ],
  },
  { name: 'fiori', fields: [ROUTING, ACCOUNT, { ...KEY_SELECT, control: 'ui5-select' }] },
  { name: 'nickname', fields: [ROUTING, ACCOUNT, CONFIRM, KEY_SELECT] },
  { name: 'synthetic', fields: [ROUTING, ACCOUNT, { ...KEY_SELECT, control: 'combobox' }] },
  { name: 'controlled', fields: [ROUTING, ACCOUNT, KEY_SELECT] },
  { name: 'closed-shadow', fields: [ROUTING, ACCOUNT, CONFIRM, KEY_SELECT] },
  { name: 'inline-edit', fields: [ROUTING, ACCOUNT, { ...KEY_SELECT, control: 'combobox' }] },
];

/** Other words pages use for each field. */
export const SYNONYMS: Readonly<Partial<Record<ModelKey, readonly string[]>>> = {
  routing: ['ABA/Routing No.', 'Routing/Transit Number', 'ABA Routing Number', 'Bank Key', 'Routing Number'],
  account: ['Bank Acct. No.', 'Account No.', 'Bank Account', 'Checking Account Number', 'DFI Account Number'],
  accountConfirm: ['Re-enter Account Number', 'Confirm Account No.', 'Retype Bank Account Number', 'Verify Account Number'],
  controlKey: ['Account Type (Bank Control Key)', 'Account Type', 'Checking or Savings', 'Type of Account'],
  bankName: ['Name of Bank', 'Financial Institution Name', 'Bank Name'],
  holderName: ['Name on Account', 'Account Holder', 'Name of Account Holder'],
};

/** Fields that look like the form's but are not: never marked, never filled. */
export const LOOK_ALIKES: readonly string[] = [
  'Account Nickname',
  'Account Name',
  'Bank Country',
  'Account Description',
  'Reference / Memo',
  'Bank Address',
];

export { seededRandom, type Random };

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

const esc = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** Labels that fit in a table cell or column header stay; the others fall back to label[for]. */
function effectiveMode(mode: LabelMode, control: BaseControl): LabelMode {
  if (mode === 'wrap' && (control === 'radio' || control === 'combobox' || control === 'ui5-select')) return 'for';
  return mode;
}

interface Ids {
  next(meaning: string): string;
  name(meaning: string): string | undefined;
}

function makeIds(random: Random, randomIds: boolean): Ids {
  const used = new Set<string>();
  let n = 0;
  return {
    next(meaning) {
      for (;;) {
        const id = randomIds
          ? pick(random, ['WD0', 'input-', 'j_id0:f:', '__field', 'x'])
              .concat(Math.floor(random() * 0xffffff).toString(16).toUpperCase())
          : `${meaning}-${++n}`;
        if (!used.has(id)) {
          used.add(id);
          return id;
        }
      }
    },
    name(meaning) {
      return randomIds ? undefined : meaning;
    },
  };
}

function wrap(html: string, depth: number, random: Random): string {
  let out = html;
  for (let i = 0; i < depth; i++) {
    const tag = pick(random, ['div', 'span', 'div', 'section']);
    const cls = `w${Math.floor(random() * 1e6).toString(36)}`;
    out = `<${tag} class="${cls}">${out}</${tag}>`;
  }
  return out;
}

interface Built {
  /** The label's own element(s), placed by the layout (or '' when the control carries it). */
  label: string;
  control: string;
  field?: LayoutField;
  lookAlike?: string;
}

/** One field's control (with any attribute that names it) and its separate label element. */
function buildField(base: BaseField | { label: string; lookAlike: true }, text: string, mode: LabelMode, ids: Ids, random: Random): Built {
  const isLook = 'lookAlike' in base;
  const control: BaseControl = isLook ? 'input' : base.control;
  const meaning = isLook ? 'other' : base.key;
  const id = ids.next(meaning);
  const m = effectiveMode(mode, control);
  const labelId = ids.next(`${meaning}-label`);
  let label = '';
  let naming = '';
  if (m === 'for') label = `<label for="${id}">${esc(text)}</label>`;
  else if (m === 'aria-label') {
    naming = ` aria-label="${esc(text)}"`;
    label = `<span aria-hidden="true">${esc(text)}</span>`;
  } else if (m === 'aria-labelledby') {
    naming = ` aria-labelledby="${labelId}"`;
    label = `<span id="${labelId}">${esc(text)}</span>`;
  } else if (m === 'aria-labelledby-split') {
    // The accessible name is made of several elements: "Re-enter" + "Account Number".
    const words = text.split(' ');
    const cut = Math.max(1, Math.floor(words.length / 2));
    const secondId = ids.next(`${meaning}-label2`);
    naming = ` aria-labelledby="${labelId} ${secondId}"`;
    label = `<span id="${labelId}">${esc(words.slice(0, cut).join(' '))}</span> <span id="${secondId}">${esc(words.slice(cut).join(' '))}</span>`;
  } else if (m === 'table-cell' || m === 'column-header') label = esc(text);
  // 'wrap' is handled below: the label holds the control.

  const name = ids.name(meaning);
  const nameAttr = name ? ` name="${name}"` : '';
  let html: string;
  let optionIds: string[] | undefined;
  if (control === 'input') {
    const max = isLook ? 40 : base.key === 'routing' ? 9 : base.key === 'bankName' || base.key === 'holderName' ? 60 : 17;
    html = `<input type="text" id="${id}"${nameAttr} maxlength="${max}" autocomplete="off"${naming}>`;
  } else if (control === 'select') {
    html = `<select id="${id}"${nameAttr}${naming}><option value="">--None--</option>${CONTROL_KEYS.map((k) => `<option value="${k.value}">${k.label}</option>`).join('')}</select>`;
  } else if (control === 'radio') {
    optionIds = CONTROL_KEYS.map((k) => ids.next(`radio-${k.value}`));
    const group = ids.name('controlKey') ?? `g${Math.floor(random() * 1e9).toString(36)}`;
    const radios = CONTROL_KEYS.map(
      (k, i) => `<span><input type="radio" id="${optionIds![i]}" name="${group}" value="${k.value}"> <label for="${optionIds![i]}">${k.word}</label></span>`,
    ).join(' ');
    if (m === 'for') {
      // A group is named by its legend, not label[for].
      html = `<fieldset id="${id}"><legend>${esc(text)}</legend>${radios}</fieldset>`;
      label = '';
    } else html = `<div role="radiogroup" id="${id}"${naming}>${radios}</div>`;
  } else {
    // Lightning combobox: a button; SAP UI5 sap.m.Select: a div; options are list items.
    const listId = ids.next('listbox');
    optionIds = CONTROL_KEYS.map((k) => ids.next(`option-${k.value}`));
    const options = CONTROL_KEYS.map((k, i) =>
      control === 'combobox'
        ? `<div role="option" id="${optionIds![i]}" data-value="${k.value}" aria-selected="false">${k.label}</div>`
        : `<li role="option" id="${optionIds![i]}" aria-selected="false">${k.word}</li>`,
    ).join('');
    html =
      control === 'combobox'
        ? `<button type="button" id="${id}" role="combobox" aria-haspopup="listbox" aria-expanded="false" aria-controls="${listId}"${naming}><span>Select an Option</span></button><div role="listbox" id="${listId}" hidden>${options}</div>`
        : // UI5 gives the trigger its size by CSS; an empty div would have none (and be no field).
          `<div id="${id}" role="combobox" tabindex="0" aria-haspopup="listbox" aria-expanded="false" aria-controls="${listId}"${naming} style="display:inline-block;min-width:10em;min-height:1.5em;border:1px solid #89919a"><span></span></div><ul role="listbox" id="${listId}" hidden>${options}</ul>`;
  }
  if (m === 'wrap') {
    html = `<label>${esc(text)} ${html}</label>`;
    label = '';
  }
  return isLook
    ? { label, control: html, lookAlike: id }
    : { label, control: html, field: { id, key: base.key, kind: base.kind, control, ...(optionIds ? { optionIds } : {}) } };
}

function hostTag(random: Random, used: string[]): string {
  const tag = `${pick(random, ['c', 'x', 'sap', 'app'])}-${pick(random, ['field', 'form', 'panel', 'section', 'bank'])}-${Math.floor(random() * 1e6).toString(36)}`;
  used.push(tag);
  return tag;
}

function inShadow(html: string, mode: 'open' | 'closed', random: Random, tags: string[]): string {
  const tag = hostTag(random, tags);
  return `<${tag}><template shadowrootmode="${mode}">${html}</template></${tag}>`;
}

/** Which label modes can put a shadow boundary around each field: the label must be in the field's root. */
export function compatible(labels: LabelMode, shadow: ShadowMode): boolean {
  if (shadow.startsWith('field-')) return labels !== 'table-cell' && labels !== 'column-header';
  return true;
}

/** Builds one layout variant of `base`. */
export function buildLayout(base: BaseForm, options: LayoutOptions, seed: number): LayoutPage {
  if (!compatible(options.labels, options.shadow)) throw new Error(`${options.labels} cannot go with ${options.shadow}`);
  const random = seededRandom(seed);
  const ids = makeIds(random, options.randomIds);
  const tags: string[] = [];
  type Entry = BaseField | { label: string; lookAlike: true };
  const entries: Entry[] = [...base.fields];
  // Look-alikes go among the real fields, at seeded places.
  for (const label of options.lookAlikes) {
    entries.splice(Math.floor(random() * (entries.length + 1)), 0, { label, lookAlike: true });
  }
  const built = entries.map((entry) => {
    const text = 'lookAlike' in entry ? entry.label : options.synonyms ? pick(random, SYNONYMS[entry.key] ?? [entry.label]) : entry.label;
    return buildField(entry, text, options.labels, ids, random);
  });
  const fieldShadow = options.shadow === 'field-open' ? 'open' : options.shadow === 'field-closed' ? 'closed' : null;
  let body: string;
  if (options.labels === 'column-header') {
    const headers = built.map((b) => `<th scope="col">${b.label}</th>`).join('');
    const cells = built.map((b) => `<td>${wrap(b.control, options.wrappers, random)}</td>`).join('');
    body = `<table><thead><tr>${headers}</tr></thead><tbody><tr>${cells}</tr></tbody></table>`;
  } else if (options.labels === 'table-cell') {
    const rows = built.map((b) => `<tr><td>${wrap(b.label, options.wrappers, random)}</td><td>${wrap(b.control, options.wrappers, random)}</td></tr>`);
    body = `<table><tbody>${rows.join('')}</tbody></table>`;
  } else {
    body = built
      .map((b) => {
        const inner = `${b.label ? wrap(b.label, options.wrappers > 0 ? 1 : 0, random) : ''}${wrap(b.control, options.wrappers, random)}`;
        const field = `<div class="f${Math.floor(random() * 1e6).toString(36)}">${inner}</div>`;
        return fieldShadow ? inShadow(field, fieldShadow, random, tags) : field;
      })
      .join('');
  }
  const form = `<div class="card"><h3>Update Bank Information</h3>${wrap(body, Math.min(options.wrappers, 2), random)}</div>`;
  const html =
    options.shadow === 'form-open' || options.shadow === 'form-closed'
      ? inShadow(form, options.shadow === 'form-open' ? 'open' : 'closed', random, tags)
      : form;
  return {
    seed,
    base: base.name,
    options,
    html,
    fields: built.flatMap((b) => (b.field ? [b.field] : [])),
    lookAlikes: built.flatMap((b) => (b.lookAlike ? [b.lookAlike] : [])),
    hostTags: tags,
  };
}

export const LABEL_MODES: readonly LabelMode[] = ['for', 'wrap', 'aria-label', 'aria-labelledby', 'aria-labelledby-split', 'table-cell', 'column-header'];
export const SHADOW_MODES: readonly ShadowMode[] = ['none', 'form-open', 'form-closed', 'field-open', 'field-closed'];

export interface VariantSpace {
  labels: readonly LabelMode[];
  shadows: readonly ShadowMode[];
  wrappers: readonly number[];
  synonyms: readonly boolean[];
  lookAlikes: readonly string[];
  randomIds: readonly boolean[];
  bases?: readonly string[];
}

/**
 * Every base form × label mode × shadow mode the space allows, the other transformations
 * drawn from the seed per variant (so each appears across the suite). Reproducible.
 */
export function generateVariants(space: VariantSpace, seed = 17): LayoutPage[] {
  const random = seededRandom(seed);
  const pages: LayoutPage[] = [];
  const bases = BASE_FORMS.filter((base) => !space.bases || space.bases.includes(base.name));
  for (const base of bases) {
    for (const labels of space.labels) {
      for (const shadow of space.shadows) {
        if (!compatible(labels, shadow)) continue;
        const count = space.lookAlikes.length ? 1 + Math.floor(random() * 2) : 0;
        const lookAlikes = Array.from({ length: count }, () => pick(random, space.lookAlikes));
        const options: LayoutOptions = {
          labels,
          shadow,
          wrappers: pick(random, space.wrappers),
          synonyms: pick(random, space.synonyms),
          lookAlikes: [...new Set(lookAlikes)],
          randomIds: pick(random, space.randomIds),
        };
        pages.push(buildLayout(base, options, Math.floor(random() * 2 ** 31)));
      }
    }
  }
  return pages;
}

/** A short name for a test title. */
export function describeLayout(page: LayoutPage): string {
  const o = page.options;
  const parts = [page.base, o.labels, o.shadow, `wrappers ${o.wrappers}`];
  if (o.synonyms) parts.push('synonyms');
  if (o.lookAlikes.length) parts.push(`look-alikes ${o.lookAlikes.join('+')}`);
  if (o.randomIds) parts.push('random ids');
  return `${parts.join(', ')} (seed ${page.seed})`;
}
