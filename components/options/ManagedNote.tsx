/** The words beside a setting the organization manages: it is shown, but cannot be changed here. */
export function ManagedNote({ id, detail }: { readonly id: string; readonly detail?: string }) {
  return (
    <p class="muted managed-note" id={id}>
      Set by your organization{detail ? `: ${detail}` : ''}.
    </p>
  );
}
