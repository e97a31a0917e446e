// Page scaffolding: the document title, the h1 that receives focus after navigation, data loading.
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { useApp } from '../context';
import { useErrorText } from './form';
import { Notice } from './fields';

/** The page heading; sets the document title. Focus moves here after in-app navigation (see App). */
export function PageHeading({ title, children }: { title: string; children?: ComponentChildren }) {
  const { t } = useApp();
  useEffect(() => {
    document.title = t('app.title', { page: title });
  }, [title, t]);
  return (
    <div class="page-heading">
      <h1 tabIndex={-1} id="page-title">
        {title}
      </h1>
      {children}
    </div>
  );
}

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload: () => void;
}

/** Loads data for a page and reloads when a dependency changes. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const errorText = useErrorText();
  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(null);
    load()
      .then((value) => live && setData(value))
      .catch((e) => live && setError(errorText(e)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload };
}

/** Shows the loading line or the error of a Loaded value; renders children once data is there. */
export function LoadState<T>({ state, children }: { state: Loaded<T>; children: (data: T) => ComponentChildren }) {
  const { t } = useApp();
  if (state.error) return <Notice kind="error">{state.error}</Notice>;
  if (state.data === null)
    return (
      <p class="muted" role="status" data-loading>
        {t('app.loading')}
      </p>
    );
  return <>{children(state.data)}</>;
}

/** A table in a horizontally scrollable, keyboard-reachable region, so narrow screens never scroll the page. */
export function TableRegion({ caption, children }: { caption: string; children: ComponentChildren }) {
  const { t } = useApp();
  return (
    <div class="table-region" role="region" aria-label={t('common.scrollTable', { name: caption })} tabIndex={0}>
      {children}
    </div>
  );
}

/** A titled panel (section) with an h2. */
export function Panel({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
