/**
 * What the page assistant puts on a page once the frame shows a form, and not before: its UI
 * (chips, card, Fill button), the fill flow, the submit guard, and the listeners on the form's
 * fields and shadow roots, all ended by the content script's AbortSignal.
 */
import type { FieldReport, ReportedKind } from '@/utils/form-checks/field-reports';
import { sendContentRequest } from '@/utils/messaging/content-replies';
import type { AssistantCommand } from '@/utils/messaging/assistant-commands';
import type { DetectedForm } from '../detected-form';
import type { PageContext } from '../page-watch';
import { UI_HOST_TAG } from '../ui-host';
import { createAssistantUi, type AssistantUi } from './assistant-ui';
import { createFillFlow } from './fill-flow';
import { startFormSubmitGuard } from './form-submit-guard';
import { createRootListeners, type RootListeners } from './listen-in-roots';
import { startUserActivityReports, type UserActivity } from './user-activity';

/** What the user does in a field that the checks follow. */
export const FIELD_EVENTS = ['input', 'change', 'focusout', 'paste'];

export interface FormToolsOptions extends PageContext {
  extensionUrl: (path: string) => string;
  onCommand: (listener: (command: AssistantCommand) => boolean) => void;
  form: () => DetectedForm | null;
  /** The last reports drawn, for the submit guard's question. */
  reports: () => Partial<Record<ReportedKind, FieldReport>>;
  /** The user chose, on the card, a profile / an importer / the refund form among several. */
  onChooseProfile: (profileId: string) => void;
  onChooseImporter: (importerNumber: string) => void;
  onChooseForm: (index: number) => void;
  /** A fill ended; the profile it came from, when it filled. */
  afterFill: (profileId: string | undefined) => void;
  /** The user saved the bank form (the submit guard let it through). */
  onSaved: () => void;
  /** A field event, heard at the document or inside one of the form's shadow roots. */
  onFieldEvent: (event: Event) => void;
  /** Whether the event is on one of the form's fields. */
  onField: (event: Event) => boolean;
}

export interface FormTools {
  readonly ui: AssistantUi;
  readonly fieldRoots: RootListeners;
  readonly scrollRoots: RootListeners;
  readonly userActivity: UserActivity;
}

export function createFormTools(options: FormToolsOptions): FormTools {
  const { doc, signal, transport } = options;
  const ui = createAssistantUi(
    doc,
    UI_HOST_TAG,
    signal,
    {
      onChoose: options.onChooseProfile,
      onChooseImporter: options.onChooseImporter,
      onUnlock() {
        void sendContentRequest(transport, 'page/open-unlock', {}).catch(() => {});
      },
      onChooseForm: options.onChooseForm,
      onFill(field, button) {
        void fill.openPicker(field, button);
      },
    },
    options.setTimeout,
  );
  const fill = createFillFlow({
    doc,
    signal,
    transport,
    ui,
    form: options.form,
    extensionUrl: options.extensionUrl,
    setTimeout: options.setTimeout,
    afterFill: options.afterFill,
    chooseForm: options.onChooseForm,
  });
  options.onCommand((command) => fill.onCommand(command));
  startFormSubmitGuard({ doc, signal, transport, ui, form: options.form, reports: options.reports, onSaved: options.onSaved });
  for (const type of FIELD_EVENTS) doc.addEventListener(type, options.onFieldEvent, { capture: true, signal });
  // Inside the form's shadow roots: typing in a closed root, `change` of any root, and scrolling
  // within a root (which moves the fields under our chips and Fill button).
  const fieldRoots = createRootListeners(signal, FIELD_EVENTS, options.onFieldEvent);
  const scrollRoots = createRootListeners(signal, ['scroll'], () => ui.reposition());
  // The user's own key presses and clicks on the fields or our UI keep the vault unlocked; nothing a page script does.
  const uiHost = (ui.overlay.getRootNode() as ShadowRoot).host;
  const userActivity = startUserActivityReports({
    doc,
    signal,
    transport,
    setTimeout: options.setTimeout,
    isOurs: (event) => options.onField(event) || event.composedPath().includes(uiHost),
  });
  return { ui, fieldRoots, scrollRoots, userActivity };
}
