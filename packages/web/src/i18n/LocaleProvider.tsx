import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useQueryClient } from '@tanstack/react-query';
import type { Label, Locale } from '@keyprojects/core';
import { setApiLocale } from '../api/client.ts';
import { theme } from '../theme.ts';
import { LocaleContext, type LocaleContextValue } from './LocaleContext.ts';
import { loadCatalogue, loadLocale, saveLocale, translate, type MessageId, type TranslateVars } from './translate.ts';

function applyLocale(locale: Locale): void {
  setApiLocale(locale);
  dayjs.locale(locale === 'zh' ? 'zh-cn' : 'en');
  document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
}

// Apply the stored locale before the first request goes out.
applyLocale(loadLocale());

/** Holds the UI language, keeps the API, dayjs and Ant Design in step with it, and remembers it. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [locale, setLocaleState] = useState<Locale>(loadLocale);

  useEffect(() => {
    document.title = translate(locale, 'app.title');
  }, [locale]);

  const setLocale = useCallback(
    (next: Locale) => {
      // The catalogue first, so the switch never shows a mix of languages (a failed fetch keeps the current one).
      void loadCatalogue(next).then(() => {
        applyLocale(next);
        saveLocale(next);
        setLocaleState(next);
        // Server texts (messages, names) come in the request's language: fetch them again.
        void queryClient.invalidateQueries();
      });
    },
    [queryClient],
  );

  const value = useMemo<LocaleContextValue>(
    () => ({
      locale,
      setLocale,
      t: (id: MessageId, vars?: TranslateVars) => translate(locale, id, vars),
      label: (label: Label) => label[locale],
    }),
    [locale, setLocale],
  );

  return (
    <LocaleContext.Provider value={value}>
      <ConfigProvider locale={locale === 'zh' ? zhCN : enUS} theme={theme} button={{ autoInsertSpace: false }}>
        {children}
      </ConfigProvider>
    </LocaleContext.Provider>
  );
}
