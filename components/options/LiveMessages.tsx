/**
 * A section's status and error lines. Both regions are always in the page, so screen readers
 * announce a message when it appears rather than missing a region that was just inserted.
 */
export interface Messages {
  readonly status?: string;
  readonly error?: string;
}

export function LiveMessages({ status, error, id }: Messages & { readonly id?: string }) {
  return (
    <div class="live-messages">
      <p class="status" role="status" id={id && `${id}-status`}>
        {status}
      </p>
      <p class="error" role="alert" id={id && `${id}-error`}>
        {error}
      </p>
    </div>
  );
}
