// Requests the chunks of the section named in the address, and the catalog of the language the page will be
// shown in (the address's, else the browser's: src/app/state/locationState.ts), beside the main bundle (the
// lists are written into index.html at build time: src/app/startup/sectionPreloadPlugin.ts).
(function () {
  var meta = document.querySelector('meta[name="section-chunks"]');
  var script = document.currentScript;
  if (!meta || !script) return;
  var map;
  try {
    map = JSON.parse(meta.getAttribute('content') || '{}');
  } catch (e) {
    return;
  }
  var params = new URLSearchParams(location.search);
  var section = params.get('section') || 'overview';
  var lang = params.get('lang');
  if (lang !== 'en' && lang !== 'zh') lang = /^zh\b/i.test(navigator.language || '') ? 'zh' : 'en';
  var files = (map[section] || map.overview || []).concat(map['lang:' + lang] || []);
  var base = new URL('.', script.src);
  for (var i = 0; i < files.length; i++) {
    var link = document.createElement('link');
    var css = /\.css$/.test(files[i]);
    link.rel = css ? 'preload' : 'modulepreload';
    if (css) link.as = 'style';
    link.crossOrigin = '';
    link.href = new URL(files[i], base).href;
    document.head.appendChild(link);
  }

})();
