import { useContext } from 'react';
import { LocaleContext, type LocaleContextValue } from './LocaleContext.ts';

/** The whole locale context; throws outside a LocaleProvider. */
export function useLocale(): LocaleContextValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useLocale must be used inside <LocaleProvider>');
  return value;
}

/** The translator for the current locale: `t('project.new')`, `t('common.total', { total: 3 })`. */
export function useT(): LocaleContextValue['t'] {
  return useLocale().t;
}
