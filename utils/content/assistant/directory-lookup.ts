/**
 * The FedACH directory's answer for the routing number in the form, asked of the background
 * when the number or the bank names given with it change, and kept for the next drawings.
 */
import type { DirectoryFacts } from '@/utils/form-checks/bank-entry-check';
import { sendContentRequest as sendRequest } from '@/utils/messaging/content-replies';
import type { RequestOf } from '@/utils/messaging/protocol';
import type { Transport } from '@/utils/messaging/send-request';

export type LookupRequest = RequestOf<'directory/lookup'>;

export interface DirectoryLookup {
  /** The last answer, when it is for these 9 digits. */
  answerFor(routing: string | undefined): DirectoryFacts | undefined;
  /** Asks, unless the same request was answered last; `onAnswer` follows the answer. */
  ask(request: LookupRequest): void;
}

export function createDirectoryLookup(transport: Transport, onAnswer: () => void): DirectoryLookup {
  let last: { facts: DirectoryFacts; key: string } | undefined;
  return {
    answerFor: (routing) => (last && last.facts.routingNumber === routing ? last.facts : undefined),
    ask(request) {
      const key = JSON.stringify(request);
      if (last?.key === key) return;
      void sendRequest(transport, 'directory/lookup', request).then(
        (answer) => {
          last = { facts: { ...answer, routingNumber: request.routingNumber }, key };
          onAnswer();
        },
        // The format checks still stand without the directory.
        () => {},
      );
    },
  };
}
