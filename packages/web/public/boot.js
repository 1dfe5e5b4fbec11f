// The dashboard is the page leaders open first. When the address is /dashboard this starts, beside the download of
// the app's entry, what the page would otherwise start only once the entry has been fetched and evaluated: its code
// (the chunk list is written into index.html at build, see vite.plugins.ts) and its two requests, the session and the
// figures. api/client.ts takes those responses instead of asking again when the URL and language match (earlyGet).
// A separate classic file because the Content-Security-Policy allows no inline script.
(function () {
  if (window.location.pathname !== '/dashboard') return;
  var meta = document.querySelector('meta[name="kp-preload-dashboard"]');
  (meta ? meta.content.split(' ') : []).forEach(function (href) {
    if (!href) return;
    var link = document.createElement('link');
    link.rel = 'modulepreload';
    link.crossOrigin = ''; // as Vite's own preloads, so the browser reuses the response for the import
    link.href = href;
    document.head.appendChild(link);
  });

  var language = 'zh-CN';
  try {
    if (window.localStorage.getItem('kp.locale') === 'en') language = 'en';
  } catch (ignored) {
    // storage blocked: the app falls back to Chinese too
  }
  // The same URL the client builds (apiUrl): asOf then regionCode, when well-formed, empty ones left out.
  var search = new URLSearchParams(window.location.search);
  var query = new URLSearchParams();
  var asOf = search.get('asOf');
  var regionCode = search.get('regionCode');
  if (asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf)) query.set('asOf', asOf);
  if (regionCode && /^\d{6}$/.test(regionCode)) query.set('regionCode', regionCode);
  var dashboard = '/api/v1/stats/dashboard' + (query.toString() ? '?' + query.toString() : '');
  var early = { language: language, responses: {} };
  ['/api/v1/auth/me', dashboard].forEach(function (url) {
    early.responses[url] = fetch(url, {
      headers: { Accept: 'application/json', 'Accept-Language': language },
      credentials: 'same-origin',
    });
  });
  window.__kpEarly = early;
})();
