/**
 * Which button labels save or send the bank form, for the submit guard. Pure: the content
 * script reads the label, this decides. "Save", "Save Changes", "Update Bank Information",
 * "Save & Close" save; "Cancel", "Get Info/Refresh", "Edit Bank Information", "Saved searches"
 * do not.
 */

/**
 * Verbs that commit what the form holds. Only the label's first word counts: a save button
 * starts with its verb ("Update Bank Information"), while "Edit Bank Information" or
 * "Cancel update" only open or abandon; whole words only, so "Saved searches" and "Unsaved"
 * are not saves.
 */
export const SAVE_ACTION_WORDS: readonly string[] = ['save', 'submit', 'update', 'authorize', 'authorise', 'confirm'];

export function isSaveActionLabel(text: string): boolean {
  // Letters only: "Save & Close", "SAVE", " Save\n changes " and "Save…" all start with "save".
  const first = text.toLowerCase().match(/[a-z]+/);
  return first !== null && SAVE_ACTION_WORDS.includes(first[0]);
}
