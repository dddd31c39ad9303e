/**
 * The popup's views its first paint never needs, the profile editor and first-run setup, each in
 * a chunk of its own: opening the popup evaluates the list's code only, not the editor's bank
 * rules or the passphrase checks. The editor's chunk is fetched once the list has painted
 * (ProfileListView calls `preload`), so opening a profile does not wait for it.
 */
import type { ComponentType, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export interface LazyView<P> {
  /** Renders the view once its chunk is there (nothing before: a local chunk takes milliseconds). */
  readonly View: (props: P) => JSX.Element | null;
  /** Starts fetching the chunk, once. */
  preload(): Promise<ComponentType<P>>;
}

const LOAD_FAILED = 'This part of the extension could not be loaded. Close the popup and open it again.';

export function lazyView<P>(load: () => Promise<ComponentType<P>>): LazyView<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;

  function preload(): Promise<ComponentType<P>> {
    loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        // Tried again on the next opening of the view.
        loading = undefined;
        throw error;
      },
    );
    return loading;
  }

  function View(props: P) {
    const [failed, setFailed] = useState(false);
    const [, setReady] = useState(false);
    useEffect(() => {
      if (loaded) return;
      let live = true;
      preload().then(
        () => live && setReady(true),
        () => live && setFailed(true),
      );
      return () => {
        live = false;
      };
    }, []);
    if (failed) {
      return (
        <p class="notice notice-error" role="alert">
          {LOAD_FAILED}
        </p>
      );
    }
    const Loaded = loaded;
    return Loaded ? <Loaded {...(props as P & JSX.IntrinsicAttributes)} /> : null;
  }

  return { View, preload };
}

export const profileEditorView = lazyView(() => import('./ProfileEditor').then((module) => module.ProfileEditor));
export const firstRunView = lazyView(() => import('./FirstRunView').then((module) => module.FirstRunView));
