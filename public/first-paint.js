// The first paint (src/app/startup/firstPaint/): where the address asks for nothing but a section and a
// language, that section's first screen as the build drew it shows until the app has painted its own
// (src/app/startup/firstPaint/endFirstPaint.ts removes it). The Overview's is in index.html (both languages;
// this script, run right after it, picks one); another section's is fetched (first-paint/<section>.<lang>.html).
// Any other field of the address, or an anchor, asks for a view the build did not draw.
(function () {
  var box = document.getElementById('first-paint');
  var meta = document.querySelector('meta[name="first-paint"]');
  var script = document.currentScript;
  if (!box || !meta || !script) return;
  var base = new URL('.', script.src);
  var params = new URLSearchParams(location.search);
  var section = params.get('section') || 'overview';
  var lang = params.get('lang');
  if (lang !== 'en' && lang !== 'zh') lang = /^zh\b/i.test(navigator.language || '') ? 'zh' : 'en';
  var plain = !location.hash;
  params.forEach(function (value, key) {
    if (key !== 'section' && key !== 'lang') plain = false;
  });
  var drawn = (meta.getAttribute('content') || '').split(' ');
  var inline = box.getAttribute('data-section');
  if (!plain || drawn.indexOf(section) < 0) {
    box.innerHTML = '';
    return;
  }
  // shown by the style sheet: html[data-first-paint=<lang>] shows the <lang> copy
  var show = function () {
    document.documentElement.setAttribute('data-first-paint', lang);
  };
  if (section === inline) return show();
  box.innerHTML = '';
  var chunks = {};
  try {
    chunks = JSON.parse(document.querySelector('meta[name="section-chunks"]').getAttribute('content'));
  } catch (e) {}
  var sheets = (chunks[section] || []).filter(function (file) {
    return /\.css$/.test(file);
  });
  Promise.all(
    [
      fetch(new URL('first-paint/' + section + '.' + lang + '.html', base).href).then(function (res) {
        return res.ok ? res.text() : null;
      }),
    ].concat(sheets.map(wait)),
  )
    .then(function (done) {
      if (!done[0] || !document.getElementById('first-paint')) return;
      // the attribute first: whoever watches for the figure sees it shown when it enters the document
      show();
      box.innerHTML = '<div data-first-paint="' + lang + '" lang="' + (lang === 'zh' ? 'zh-CN' : 'en') + '">' + done[0] + '</div>';
    })
    .catch(function () {});

  // a style sheet of the section's own, applied before its first screen shows
  function wait(file) {
    return new Promise(function (resolve) {
      var sheet = document.createElement('link');
      sheet.rel = 'stylesheet';
      sheet.crossOrigin = '';
      sheet.href = new URL(file, base).href;
      sheet.onload = sheet.onerror = resolve;
      document.head.appendChild(sheet);
    });
  }
})();
