// Requests the chunks of the section named in the address, and the catalog of the language the page will be
// shown in (the address's, else the browser's: src/app/state/locationState.ts), beside the main bundle; where
// the section's first figure is the sample photo (the token "sample" in its list), the photo the address names
// too, as the app will fetch it. Written into the head of index.html with the lists
// (src/app/startup/sectionPreloadPlugin.ts); its hash is in the Content-Security-Policy
// (src/app/startup/inlineScripts.ts).
(function () {
  var meta = document.querySelector('meta[name="section-chunks"]');
  if (!meta) return;
  var map;
  try {
    map = JSON.parse(meta.getAttribute('content') || '{}');
  } catch {
    return;
  }
  var params = new URLSearchParams(location.search);
  var section = params.get('section') || 'overview';
  var lang = params.get('lang');
  if (lang !== 'en' && lang !== 'zh') lang = /^zh\b/i.test(navigator.language || '') ? 'zh' : 'en';
  var files = (map[section] || map.overview || []).concat(map['lang:' + lang] || []);
  var base = new URL(meta.getAttribute('data-base') || '/', location.href);
  // Asked for in tasks of their own, a few each, once the parser yields: each request costs the main thread
  // milliseconds (tens on a slow phone), which inside this script lengthened the task that parses the page.
  var i = 0;
  var next = function () {
    for (var n = 0; n < 3 && i < files.length; n++, i++) ask(files[i]);
    if (i < files.length) setTimeout(next, 0);
  };
  var ask = function (file) {
    if (file === 'sample') file = (map['sample:' + (params.get('sample') || '')] || map['sample:'])[0];
    var href = new URL(file, base).href;
    var css = /\.css$/.test(file);
    var js = /\.js$/.test(file);
    // a style sheet the page already holds (written into it for the first paint) is not asked for again
    if (css && document.querySelector('style[data-href="' + base.pathname + file + '"]')) return;
    var link = document.createElement('link');
    link.rel = js ? 'modulepreload' : 'preload';
    if (!js) link.as = css ? 'style' : 'fetch';
    link.crossOrigin = '';
    link.href = href;
    document.head.appendChild(link);
  };
  setTimeout(next, 0);
})();
