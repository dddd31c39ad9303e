/**
 * What runs on every ACE page, in every frame: the field detector and nothing else. The page
 * assistant (checks, chips, card, importer, fill, dialogs, submit guard) is a second script that
 * the background injects into this frame's isolated world once a bank form shows here (and into
 * the top frame, which reads the importer). Until then a page pays only for the detector.
 */
import type { AssistantCommand } from '@/utils/messaging/assistant-commands';
import { sendContentRequest } from '@/utils/messaging/content-replies';
import type { Transport } from '@/utils/messaging/send-request';
import type { DetectedForm } from './detected-form';
import type { VisibilityCheck } from './field-visibility';
import { startFieldDetection, type FieldDetection, type FieldDetectionOptions } from './field-detection';

export interface PageWatchOptions {
  doc: Document;
  signal: AbortSignal;
  setTimeout: (callback: () => void, ms: number) => unknown;
  transport: Transport;
  isTopFrame: boolean;
  /** runtime.getURL: the picker page's address. */
  extensionUrl: (path: string) => string;
  /** Injectable for DOM tests, where there is no layout (default: isFieldVisible). */
  isVisible?: VisibilityCheck;
  /** Hands the background's commands (open the picker, fill) to `listener`; it answers whether this frame took one. */
  onCommand: (listener: (command: AssistantCommand) => Promise<boolean>) => void;
  /** The detector's injectable parts, for DOM tests (no layout, no extension API for closed roots). */
  detection?: Pick<FieldDetectionOptions, 'shadowRootOf' | 'isVisible' | 'afterLayout' | 'batchDelayMs'>;
  /** Asks for the page assistant, once, when this frame first shows a form. */
  loadAssistant: () => void;
}

/** What every part of the page assistant works with: the page, its end, the background, the timer. */
export type PageContext = Pick<PageWatchOptions, 'doc' | 'signal' | 'transport' | 'setTimeout'>;

/** The page as the assistant takes it over. */
export interface PageWatch extends Omit<PageWatchOptions, 'onCommand' | 'detection' | 'loadAssistant'> {
  readonly detection: FieldDetection;
  /** From now on the form's changes go to `listener`; it is called at once with the form as it is. */
  followForm(listener: (form: DetectedForm | null) => void): void;
  /** The background's commands go to `listener` from now on (before, this frame takes none). */
  onCommand(listener: (command: AssistantCommand) => boolean): void;
}

/** How long a command waits for the assistant this frame asked for (the shortcut pressed as the form shows). */
const ASSISTANT_WAIT_MS = 5000;

export function startPageWatch(options: PageWatchOptions): PageWatch {
  let formListener: ((form: DetectedForm | null) => void) | undefined;
  let commandListener: ((command: AssistantCommand) => boolean) | undefined;
  let assistantStarted: (() => void) | undefined;
  const assistant = new Promise<void>((resolve) => (assistantStarted = resolve));
  let asked = false;
  let fillable = false;
  options.onCommand(async (command) => {
    if (!commandListener) {
      if (!fillable) return false;
      await Promise.race([assistant, new Promise((resolve) => options.setTimeout(() => resolve(undefined), ASSISTANT_WAIT_MS))]);
    }
    return commandListener?.(command) ?? false;
  });
  const detection = startFieldDetection({
    ...options.detection,
    root: options.doc,
    signal: options.signal,
    setTimeout: options.setTimeout,
    ...(options.isVisible ? { isVisible: options.isVisible } : {}),
    onChange(form) {
      // Where the popup and the shortcut open the picker: frames that hold fields to fill (CBP's
      // file shown alone is compared, not filled).
      const nowFillable = Boolean(form?.fields.length);
      if (nowFillable !== fillable) {
        fillable = nowFillable;
        void sendContentRequest(options.transport, 'page/form', { present: fillable }).catch(() => {});
      }
      if (formListener) formListener(form);
      else if (form && !asked) {
        asked = true;
        options.loadAssistant();
      }
    },
  });
  const { onCommand: _onCommand, detection: _detection, loadAssistant: _loadAssistant, ...page } = options;
  return {
    ...page,
    detection,
    followForm(listener) {
      formListener = listener;
      listener(detection.form);
    },
    onCommand(listener) {
      commandListener = listener;
      assistantStarted?.();
    },
  };
}
