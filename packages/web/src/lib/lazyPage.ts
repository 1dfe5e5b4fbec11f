/**
 * React.lazy suspends on its first render even when the module is already in memory (its import() resolves a
 * microtask later), and React holds a revealed Suspense fallback for at least 300 ms: on a cold load of the
 * dashboard the shell painted with a spinner and the figures came ~200 ms after the data and code were there.
 * A page made with lazyPage can be loaded before the first render (preload); once loaded it renders directly.
 */
import { createElement, lazy, type ComponentType } from 'react';

export function lazyPage<P extends object>(load: () => Promise<{ default: ComponentType<P> }>) {
  let loaded: ComponentType<P> | undefined;
  const loadAndKeep = () =>
    load().then((module) => {
      loaded = module.default;
      return module;
    });
  const Lazy = lazy(loadAndKeep);
  function LazyPage(props: P) {
    return loaded ? createElement(loaded, props) : createElement(Lazy, props);
  }
  return Object.assign(LazyPage, { preload: loadAndKeep });
}
