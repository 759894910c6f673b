import { useContext, useEffect, type Context } from 'react';

/** A store whose work starts when the first component that needs it mounts (`acquire`). */
interface Acquirable {
  /** counts a user; the returned function releases it */
  acquire(): () => void;
}

/**
 * The two hooks a lazily working store offers: `useStore` reads it (throwing outside its provider),
 * `useAcquired` reads it and counts the caller as a user while it is mounted.
 */
export function storeHooks<T extends Acquirable>(context: Context<T | null>, name: string) {
  function useStore(): T {
    const value = useContext(context);
    if (!value) throw new Error(`${name} must be used inside <ModelProvider>`);
    return value;
  }
  function useAcquired(): T {
    const store = useStore();
    const { acquire } = store;
    useEffect(() => acquire(), [acquire]);
    return store;
  }
  return { useStore, useAcquired };
}
