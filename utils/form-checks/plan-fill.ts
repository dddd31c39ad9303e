/**
 * Decides what filling the page's bank form from a saved profile would change: which field gets
 * which text or choice, which already hold the profile's value, and which hold something else
 * (a conflict the user must agree to replace). Pure, so the content script's filler only acts.
 */
import { accountTypeFromText, bankControlKeyForAccountType, type AccountType } from '@/utils/bank/account-type';
import { scanDigitInput } from '@/utils/bank/digit-input';
import { isPlaceholderOption, optionAccountType } from '@/utils/detection/account-type-options';
import type { FieldControl, FieldKind } from '@/utils/detection/field-kinds';
import { labelRefusingNumber } from './number-field-guard';

export interface FillValues {
  routing: string;
  account: string;
  accountType: AccountType;
  bankName?: string;
  holderName?: string;
}

export interface FillOption {
  text: string;
  value: string;
}

export interface FillFieldInput {
  kind: FieldKind;
  control: FieldControl;
  current: string;
  options?: readonly FillOption[];
  /** The field's own label texts as the page shows them, read again at fill time. */
  labels?: readonly string[];
}

export interface PlannedFill {
  /** Index into the fields given to planFill. */
  index: number;
  kind: FieldKind;
  /** Text to type (inputs); the chosen option's value (select/radio/combobox). */
  value: string;
  /** select/radio/combobox: index into that field's options. */
  optionIndex?: number;
  /** The field already holds a different, non-empty value. */
  conflict: boolean;
}

export interface FillPlan {
  fills: PlannedFill[];
  unchanged: FieldKind[];
  conflicts: FieldKind[];
  unfillable: { kind: FieldKind; reason: string }[];
}

const CHOICE_CONTROLS: readonly FieldControl[] = ['select', 'radio-group', 'combobox'];

const FIELD_WORDS: Readonly<Record<FieldKind, string>> = {
  routing: 'routing number',
  account: 'account number',
  'account-confirm': 'account number confirmation',
  'account-type': 'account type',
  'bank-name': 'bank name',
  'holder-name': 'account holder name',
  'importer-number': 'importer number',
};

const TYPE_WORDS: Readonly<Record<AccountType, string>> = { checking: 'Checking', savings: 'Savings' };

/** What the profile puts in a field of this kind; undefined when the profile says nothing. */
function wantedText(kind: FieldKind, values: FillValues): string | undefined {
  switch (kind) {
    case 'routing': return values.routing;
    case 'account':
    case 'account-confirm': return values.account;
    case 'account-type': return bankControlKeyForAccountType(values.accountType);
    case 'bank-name': return values.bankName;
    case 'holder-name': return values.holderName;
    // The importer number names whose refund this is; the profile was chosen by it, never the reverse.
    case 'importer-number': return undefined;
  }
}

/** Digits only when the text is digits and separators; a stray letter or invisible character means "different". */
function plainDigits(text: string): string | undefined {
  const scan = scanDigitInput(text, 0);
  return scan.flaggedCount === 0 ? scan.digits : undefined;
}

function nameKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Whether page text already says what the profile wants, ignoring formatting the bank ignores too. */
export function sameFieldValue(kind: FieldKind, current: string, wanted: string): boolean {
  if (kind === 'routing' || kind === 'account' || kind === 'account-confirm') {
    const digits = plainDigits(current);
    return digits !== undefined && digits !== '' && digits === plainDigits(wanted);
  }
  if (kind === 'account-type') {
    const type = accountTypeFromText(current);
    return type !== undefined && type === accountTypeFromText(wanted);
  }
  return nameKey(current) !== '' && nameKey(current) === nameKey(wanted);
}

/** A choice control showing its placeholder ("Select an Option", "--None--") holds nothing. */
function holdsNothing(field: FillFieldInput): boolean {
  const text = field.current.trim();
  if (!text) return true;
  return CHOICE_CONTROLS.includes(field.control) && isPlaceholderOption({ text, value: '' });
}

type OptionChoice = { optionIndex: number } | { reason: string };

function matchingOptions(field: FillFieldInput, wanted: string, type: AccountType): number[] {
  const options = field.options ?? [];
  const indexes: number[] = [];
  options.forEach((option, index) => {
    if (isPlaceholderOption(option)) return;
    const matches =
      field.kind === 'account-type'
        ? optionAccountType(option)?.type === type
        : sameFieldValue(field.kind, option.text, wanted) || sameFieldValue(field.kind, option.value, wanted);
    if (matches) indexes.push(index);
  });
  return indexes;
}

/** The one option that says the wanted value; two candidates would be a guess, so none is chosen. */
function chooseOption(field: FillFieldInput, wanted: string, values: FillValues): OptionChoice {
  const indexes = matchingOptions(field, wanted, values.accountType);
  const what = field.kind === 'account-type' ? TYPE_WORDS[values.accountType] : `"${wanted}"`;
  if (indexes.length === 1) return { optionIndex: indexes[0]! };
  if (indexes.length === 0) return { reason: `The ${FIELD_WORDS[field.kind]} field offers no ${what} choice.` };
  return { reason: `The ${FIELD_WORDS[field.kind]} field offers more than one ${what} choice; choose it yourself.` };
}

function missingReason(kind: FieldKind): string {
  return `The profile has no ${FIELD_WORDS[kind]} to enter.`;
}

function pushOnce(list: FieldKind[], kind: FieldKind): void {
  if (!list.includes(kind)) list.push(kind);
}

export function planFill(fields: readonly FillFieldInput[], values: FillValues): FillPlan {
  const plan: FillPlan = { fills: [], unchanged: [], conflicts: [], unfillable: [] };
  fields.forEach((field, index) => {
    if (field.kind === 'importer-number') return;
    const wanted = wantedText(field.kind, values)?.trim();
    if (!wanted) {
      // Names are optional in a profile; a missing routing or account number is worth saying.
      const required = field.kind === 'routing' || field.kind === 'account' || field.kind === 'account-confirm';
      if (required) plan.unfillable.push({ kind: field.kind, reason: missingReason(field.kind) });
      return;
    }
    // Even when the field was named wrongly: a number never goes into "Account Nickname".
    const refusing = labelRefusingNumber(field.kind, field.labels);
    if (refusing !== undefined) {
      plan.unfillable.push({ kind: field.kind, reason: `The ${FIELD_WORDS[field.kind]} was not entered in the field labelled "${refusing}": its label names something else.` });
      return;
    }
    if (sameFieldValue(field.kind, field.current, wanted)) {
      pushOnce(plan.unchanged, field.kind);
      return;
    }
    const conflict = !holdsNothing(field);
    if (CHOICE_CONTROLS.includes(field.control)) {
      const choice = chooseOption(field, wanted, values);
      if ('reason' in choice) {
        plan.unfillable.push({ kind: field.kind, reason: choice.reason });
        return;
      }
      const option = field.options![choice.optionIndex]!;
      plan.fills.push({ index, kind: field.kind, value: option.value, optionIndex: choice.optionIndex, conflict });
    } else {
      plan.fills.push({ index, kind: field.kind, value: wanted, conflict });
    }
    if (conflict) pushOnce(plan.conflicts, field.kind);
  });
  return plan;
}
