import '@tanstack/react-query';

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: {
      /** The page shows this query's error itself; QueryErrorNotifier stays quiet. */
      silentError?: boolean;
    };
  }
}
