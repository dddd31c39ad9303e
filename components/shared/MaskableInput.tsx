/**
 * A text input that can hide what is typed (passphrases, account numbers) and show it on request.
 * Both states render the same <input>, so toggling keeps focus and the caret where they were.
 */
import type { PartialInputHTMLAttributes, Ref } from 'preact';

type InputProps = Omit<PartialInputHTMLAttributes<HTMLInputElement>, 'type' | 'role' | 'ref'>;

export function MaskableInput({ masked, inputRef, ...rest }: InputProps & { masked: boolean; inputRef?: Ref<HTMLInputElement> }) {
  return masked ? (
    // Password managers have nothing to offer for these fields.
    <input {...rest} ref={inputRef} type="password" data-1p-ignore data-lpignore="true" />
  ) : (
    <input {...rest} ref={inputRef} type="text" />
  );
}
