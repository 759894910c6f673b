// The first paint (src/app/startup/firstPaint/), written into the head of index.html by firstPaintPlugin.ts
// (its hash is in the Content-Security-Policy: src/app/startup/inlineScripts.ts). Where the address asks for nothing
// but a section and a language, that section's first screen as the build drew it shows until the app has
// painted its own (endFirstPaint.ts removes it). The Overview's is in index.html, both languages: marking the
// page here, before the body is parsed, shows the copy in the page's language as soon as it is parsed. Another
// section's is fetched (first-paint/<section>.<lang>.html) with its style sheets. Any other field of the
// address, or an anchor, asks for a view the build did not draw.
(function () {
  var meta = document.querySelector('meta[name="first-paint"]');
  if (!meta) return;
  var base = new URL(meta.getAttribute('data-base') || '/', location.href);
  var params = new URLSearchParams(location.search);
  var section = params.get('section') || 'overview';
  var lang = params.get('lang');
  if (lang !== 'en' && lang !== 'zh') lang = /^zh\b/i.test(navigator.language || '') ? 'zh' : 'en';
  var plain = !location.hash;
  params.forEach(function (value, key) {
    if (key !== 'section' && key !== 'lang') plain = false;
  });
  var drawn = (meta.getAttribute('content') || '').split(' ');
  var inline = meta.getAttribute('data-inline');
  // shown by the style sheet: html[data-first-paint=<lang>] shows the <lang> copy
  var show = function () {
    document.documentElement.setAttribute('data-first-paint', lang);
  };
  var box = function () {
    return document.getElementById('first-paint');
  };
  // once the body is parsed (readyState 'interactive', before the app's module scripts run), in the order asked
  var afterParse = [];
  var isParsed = false;
  document.addEventListener('readystatechange', function () {
    if (isParsed || document.readyState === 'loading') return;
    isParsed = true;
    for (var i = 0; i < afterParse.length; i++) afterParse[i]();
  });
  var parsed = function (then) {
    if (isParsed) then();
    else afterParse.push(then);
  };
  // the copies the build wrote into the page are not this address's: dropped once parsed (never shown)
  var empty = function () {
    var copies = box() ? box().querySelectorAll('#first-paint > [data-first-paint]:not([data-fetched])') : [];
    for (var i = 0; i < copies.length; i++) copies[i].remove();
  };
  if (!plain || drawn.indexOf(section) < 0) return parsed(empty);
  if (section === inline) return show();
  parsed(empty);
  var sheets = [];
  try {
    sheets = JSON.parse(meta.getAttribute('data-sheets') || '{}')[section] || [];
  } catch {
    // no list: the section's first screen shows with the page's own style sheets
  }
  var insert = function (html) {
    if (!box()) return;
    // the attributes first: whoever watches for the figure sees it shown when it is laid out and the page's
    // mark says so (the page's own copies, still being parsed, stay hidden: html[data-first-paint-fetched])
    var root = document.documentElement;
    root.setAttribute('data-first-paint-fetched', '');
    root.setAttribute('data-first-paint-staging', '');
    show();
    box().insertAdjacentHTML(
      'afterbegin',
      '<div data-first-paint="' +
        lang +
        '" data-fetched lang="' +
        (lang === 'zh' ? 'zh-CN' : 'en') +
        '">' +
        html +
        '</div>',
    );
    stage(box().firstElementChild);
  };
  // Laid out a part at a time, each in a task of its own, unseen (html[data-first-paint-staging]), then shown in
  // one frame: a slowed phone spends a few hundred milliseconds on a screen's first style and layout (fonts
  // looked up, text shaped, tables measured), which in one task would hold the page that long.
  var STAGE_WEIGHT = 250;
  var weight = function (el) {
    return el.getElementsByTagName('*').length + 1 + (el.textContent || '').length / 20;
  };
  // the elements laid out together, each with its weight: small ones whole, larger ones by their children
  var parts = function (el, into) {
    for (var c = el.firstElementChild; c; c = c.nextElementSibling) {
      var w = weight(c);
      if (w <= STAGE_WEIGHT || !c.firstElementChild) into.push({ el: c, weight: w });
      else parts(c, into);
    }
    return into;
  };
  // before the tasks already queued (the app's scripts) where the browser can say so
  var soon = function (then) {
    if (window.scheduler && window.scheduler.postTask)
      window.scheduler.postTask(then, { priority: 'user-blocking' });
    else setTimeout(then, 0);
  };
  var stage = function (copy) {
    var all = parts(copy, []);
    var stages = [];
    var load = STAGE_WEIGHT;
    for (var i = 0; i < all.length; i++) {
      if (load + all[i].weight > STAGE_WEIGHT) {
        stages.push([]);
        load = 0;
      }
      stages[stages.length - 1].push(all[i].el);
      load += all[i].weight;
      all[i].el.setAttribute('data-first-paint-later', '');
    }
    var next = function () {
      if (!box()) return;
      var part = stages.shift();
      if (!part) return document.documentElement.removeAttribute('data-first-paint-staging');
      for (var j = 0; j < part.length; j++) part[j].removeAttribute('data-first-paint-later');
      // style and layout now, in this task
      void box().offsetHeight;
      soon(next);
    };
    soon(next);
  };
  Promise.all(
    [
      fetch(new URL('first-paint/' + section + '.' + lang + '.html', base).href).then(function (res) {
        return res.ok ? res.text() : null;
      }),
    ].concat(sheets.map(wait)),
  )
    .then(function (done) {
      if (!done[0]) return;
      // at once where the box is in the page already (it opens the body), else once the body is parsed
      if (box()) insert(done[0]);
      else
        parsed(function () {
          insert(done[0]);
        });
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
