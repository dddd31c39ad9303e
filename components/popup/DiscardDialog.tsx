/** "Discard unsaved changes?" when the profile editor is left with changes. */
import { AlertDialog } from '../shared/AlertDialog';

export function DiscardDialog({ onKeep, onDiscard }: { onKeep: () => void; onDiscard: () => void }) {
  return (
    <AlertDialog
      id="discard"
      title="Discard unsaved changes?"
      text="The changes you made to this profile have not been saved."
      safe={{ label: 'Keep editing', onChoose: onKeep }}
      risky={{ label: 'Discard changes', onChoose: onDiscard }}
    />
  );
}
