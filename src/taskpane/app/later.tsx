/**
 * A component whose code is a chunk of its own: fetched on its first render (or by `preload`),
 * rendered at once when already there. While it loads, or when its fetch failed, `Placeholder`
 * shows instead; a failed fetch is tried again on the next first render.
 */
import { useEffect, useState, type ComponentType } from 'react';

export interface Later<P> {
  Component: ComponentType<P>;
  /** Fetches the code now; never rejects (a failure is left for the next render). */
  preload(): Promise<void>;
}

export function later<P extends object>(load: () => Promise<ComponentType<P>>, Placeholder: ComponentType<{ failed: boolean }>, name: string): Later<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const fetch = () => {
    loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };

  function Component(props: P) {
    const [Loaded, setLoaded] = useState<ComponentType<P> | undefined>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (Loaded) return undefined;
      let live = true;
      fetch().then(
        (component) => live && setLoaded(() => component),
        () => live && setFailed(true),
      );
      return () => {
        live = false;
      };
    }, [Loaded]);
    return Loaded ? <Loaded {...props} /> : <Placeholder failed={failed} />;
  }
  Component.displayName = `Later(${name})`;

  return {
    Component,
    preload: () => fetch().then(
      () => undefined,
      () => undefined,
    ),
  };
}
