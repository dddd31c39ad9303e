/** Styles of the assistant's closed shadow root: bank-like, readable, never over the fields. */
import { HOST_STYLE } from '../host-style-guard';

/** How far the corner card (or its tab) sits from the viewport's edges: its box follows from its size and the corner. */
export const CARD_INSET = 16;

/** The folded card's tab: a fixed size, so it is placed without being measured. */
export const TAB_SIZE = { width: 124, height: 28 } as const;

/**
 * The layers are boxes of no size (their children are placed against the viewport): a layer as
 * large as the viewport would count as covering the buttons below it, and the visibility gate
 * would refuse every click. A chip's width is its text's (`max-content`), never the room left
 * right of where it is placed: its place follows its size, so its size must not follow its place.
 */
export const ASSISTANT_STYLE = `
  ${HOST_STYLE}
  .layer { position: fixed; left: 0; top: 0; width: 0; height: 0; pointer-events: none; z-index: 2147483646; }
  .chip {
    position: fixed; width: max-content; max-width: 240px; padding: 1px 7px; border-radius: 10px;
    font: 600 11px/16px system-ui, sans-serif; white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
    color: #0b3d1a; background: #d7f5df; border: 1px solid #2e8540;
  }
  .chip.seen { color: #1b1f24; background: #eef1f4; border-color: #8c959f; font-weight: 500; }
  .chip.invalid { color: #5c0a0a; background: #fde2e1; border-color: #b50909; }
  .chip.mismatch { color: #4d3300; background: #fff1d0; border-color: #b27300; }
  .messages {
    position: fixed; box-sizing: border-box; padding: 6px 8px; border-radius: 6px;
    font: 12px/16px system-ui, sans-serif; color: #1b1f24; background: #fff;
    border: 1px solid #8c959f; border-left: 4px solid #2e8540; box-shadow: 0 2px 8px rgb(0 0 0 / 15%);
  }
  .messages.invalid { border-left-color: #b50909; }
  .messages.mismatch { border-left-color: #b27300; }
  .messages ul { margin: 0; padding: 0; list-style: none; }
  .messages li + li { margin-top: 4px; }
  .messages li.error::before { content: '✗ '; color: #b50909; font-weight: 700; }
  .messages li.warning::before { content: '⚠ '; color: #b27300; font-weight: 700; }
  .messages li.info::before { content: 'ℹ '; color: #1f5fad; font-weight: 700; }
  .card {
    position: fixed; width: 300px; z-index: 2147483647; box-sizing: border-box;
    padding: 10px 12px; border-radius: 8px; background: #fff; color: #1b1f24;
    font: 13px/18px system-ui, sans-serif; border: 1px solid #8c959f; box-shadow: 0 4px 16px rgb(0 0 0 / 20%);
  }
  .card[hidden], .card-tab[hidden] { display: none; }
  .card:not(.placed) { right: ${CARD_INSET}px; bottom: ${CARD_INSET}px; }
  .card.folded { visibility: hidden; }
  .card-tab {
    position: fixed; width: ${TAB_SIZE.width}px; height: ${TAB_SIZE.height}px; z-index: 2147483647; box-sizing: border-box;
    padding: 0 8px; border-radius: 14px; border: 2px solid #fff; background: #0b2e59; color: #fff;
    font: 600 12px/1 system-ui, sans-serif; cursor: pointer; box-shadow: 0 2px 8px rgb(0 0 0 / 20%);
  }
  .card-tab:focus-visible { outline: 3px solid #f2b400; outline-offset: 1px; }
  .card h2 { margin: 0 0 4px; font-size: 13px; color: #0b2e59; }
  .card p { margin: 2px 0; }
  .card label { display: block; margin-top: 6px; font-weight: 600; }
  .card select, .card button { display: block; margin-top: 4px; width: 100%; font: inherit; padding: 4px 6px; }
  .card button { background: #0b2e59; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
  .card button:focus-visible, .card select:focus-visible { outline: 3px solid #f2b400; outline-offset: 1px; }
  .fill-button {
    position: fixed; transform: translateX(-100%); pointer-events: auto; box-sizing: border-box;
    padding: 0 8px; border-radius: 4px; border: 1px solid #0b2e59; background: #0b2e59; color: #fff;
    font: 600 11px/1 system-ui, sans-serif; cursor: pointer; z-index: 1;
  }
  .fill-button:hover { background: #12457f; }
  .fill-button:focus-visible, .dialog button:focus-visible { outline: 3px solid #f2b400; outline-offset: 1px; }
  .overlay { position: fixed; left: 0; top: 0; width: 0; height: 0; pointer-events: none; z-index: 2147483647; }
  .overlay > * { pointer-events: auto; }
  .picker {
    position: fixed; box-sizing: border-box; border: 1px solid #8c959f; border-radius: 8px; background: #fff;
    box-shadow: 0 8px 28px rgb(0 0 0 / 28%);
  }
  .flash {
    position: fixed; box-sizing: border-box; border-radius: 5px; border: 3px solid #2e8540;
    background: rgb(46 133 64 / 12%); animation: ace-ach-flash 1.2s ease-out forwards;
  }
  @keyframes ace-ach-flash { from { opacity: 1; } to { opacity: 0; } }
  @media (prefers-reduced-motion: reduce) { .flash { animation: none; } }
  .dialog {
    position: fixed; left: 50%; top: 72px; transform: translateX(-50%); width: min(440px, calc(100vw - 32px));
    box-sizing: border-box; padding: 14px 16px; border-radius: 8px; background: #fff; color: #1b1f24;
    font: 14px/20px system-ui, sans-serif; border: 2px solid #b27300; box-shadow: 0 10px 32px rgb(0 0 0 / 30%);
  }
  .dialog h2 { margin: 0 0 6px; font-size: 15px; color: #0b2e59; }
  .dialog p { margin: 4px 0; }
  .dialog ul { margin: 6px 0; padding-left: 20px; }
  .dialog-actions { display: flex; flex-wrap: wrap; gap: 8px; justify-content: flex-end; margin-top: 10px; }
  .dialog button {
    font: inherit; padding: 5px 12px; border-radius: 4px; border: 1px solid #0b2e59; background: #fff; color: #0b2e59; cursor: pointer;
  }
  .dialog button.primary { background: #0b2e59; color: #fff; }
  .visually-hidden {
    position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
  }
`;
