/**
 * The profile picker: an extension page the ACE page assistant opens in an iframe beside the
 * bank form (page scripts cannot read it). Its session token comes in the address's fragment;
 * closing is asked of the page assistant by a message that carries nothing else.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PickerApp } from '@/components/picker/PickerApp';
import { PICKER_CLOSE_MESSAGE } from '@/utils/messaging/picker-messages';
import '@/components/base.css';
import '@/components/picker/picker.css';

render(
  <PickerApp
    token={location.hash.slice(1)}
    services={{
      transport: (message) => browser.runtime.sendMessage(message),
      openOptions: () => void browser.runtime.openOptionsPage(),
    }}
    // Nothing but "close me": the page's own scripts may see this message too.
    close={() => window.parent.postMessage(PICKER_CLOSE_MESSAGE, '*')}
  />,
  document.getElementById('app')!,
);
