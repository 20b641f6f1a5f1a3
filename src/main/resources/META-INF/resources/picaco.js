/* PICACO Functions web page: live run updates, copy button, form helpers. Served from the app; no dependencies. */
(function () {
  'use strict';

  function parse(html) {
    return new DOMParser().parseFromString(html, 'text/html');
  }

  // ---- live regions: while the element's data-live is "true", fetch `url` every `ms` and swap in its fresh copy,
  // keeping open <details> and the focused control; `done(fresh)` runs once it stops being live
  function pollLive(id, url, ms, done) {
    var live = document.getElementById(id);
    if (!live || live.dataset.live !== 'true') {
      return;
    }
    var busy = false;
    var timer = setInterval(function () {
      if (busy) {
        return;
      }
      busy = true;
      fetch(url(live), { headers: { 'Accept': 'text/html' }, cache: 'no-store' })
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) {
          var fresh = html && parse(html).getElementById(id);
          if (!fresh) {
            return;
          }
          keepOpenState(live, fresh);
          var focused = document.activeElement && live.contains(document.activeElement) ? document.activeElement.id : null;
          live.replaceWith(fresh);
          live = fresh;
          if (focused && document.getElementById(focused)) {
            document.getElementById(focused).focus();
          }
          if (fresh.dataset.live !== 'true') {
            clearInterval(timer);
            done(fresh);
          }
        })
        .catch(function () { /* try again on the next tick */ })
        .then(function () { busy = false; });
    }, ms);
  }

  // ---- run page: poll the live fragment while the run is queued or running, then load the results once
  function startLive() {
    pollLive('live', function (live) { return live.dataset.url; }, 1000, refreshResults);
  }

  function keepOpenState(from, to) {
    from.querySelectorAll('details[data-key]').forEach(function (d) {
      var twin = to.querySelector('details[data-key="' + d.dataset.key + '"]');
      if (twin) {
        twin.open = d.open;
      }
    });
  }

  function refreshResults() {
    fetch(location.href, { headers: { 'Accept': 'text/html' }, cache: 'no-store' })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        var fresh = html && parse(html).getElementById('results');
        var old = document.getElementById('results');
        if (fresh && old) {
          old.replaceWith(fresh);
        }
      });
  }

  // ---- copy buttons: <button data-copy="element-id">
  document.addEventListener('click', function (e) {
    var button = e.target.closest ? e.target.closest('button[data-copy]') : null;
    if (!button) {
      return;
    }
    var source = document.getElementById(button.dataset.copy);
    var status = button.parentNode.querySelector('.copy-status');
    var text = source ? source.textContent : '';
    var done = function (msg) { if (status) { status.textContent = msg; } };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () { done('Copied.'); },
        function () { done('Copy failed: select the text and copy it by hand.'); });
    } else {
      done('Copy is not available here: select the text and copy it by hand.');
    }
  });

  // ---- new-run form: show the chosen options, keep the estimate current
  function startForm() {
    var form = document.getElementById('run-form');
    if (!form) {
      return;
    }
    form.classList.add('js');
    var sync = function () {
      var source = form.querySelector('input[name="source"]:checked');
      var querySource = form.querySelector('input[name="querySource"]:checked');
      form.dataset.source = source ? source.value : 'builtin';
      form.dataset.querySource = querySource ? querySource.value : 'builtin';
      var composition = form.querySelector('select[name="composition"]');
      form.querySelectorAll('details.composition-values').forEach(function (d) {
        var shown = composition && d.dataset.composition === composition.value;
        d.hidden = !shown;
      });
    };
    // the run form posts multipart (it uploads query files), so does its estimate
    keepEstimate(form, '/runs/estimate', function () { return new FormData(form); }, sync);
    sync();
  }

  // ---- forms with a live estimate: 300 ms after the last change, post the form to `url` and swap in the fresh
  // #estimate; then move focus to the error summary, if the page has one
  function keepEstimate(form, url, body, onChange) {
    var timer = null;
    var estimate = function () {
      var data = body();
      data.delete('op');
      fetch(url, { method: 'POST', body: data, headers: { 'Accept': 'text/html' } })
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) {
          var fresh = html && parse(html).getElementById('estimate');
          var old = document.getElementById('estimate');
          if (fresh && old) {
            old.replaceWith(fresh);
          }
        })
        .catch(function () { /* keep the last estimate */ });
    };
    var changed = function () {
      onChange();
      clearTimeout(timer);
      timer = setTimeout(estimate, 300);
    };
    form.addEventListener('change', changed);
    form.addEventListener('input', changed);
    var summary = document.getElementById('error-summary');
    if (summary) {
      summary.focus();
    }
  }

  // ---- experiment page: reload its progress and results while the grid is queued or running
  function startExperimentLive() {
    pollLive('experiment-live', function () { return location.href; }, 2000, function () {
      var cancel = document.getElementById('cancel-button');
      if (cancel && cancel.form) {
        cancel.form.remove();
      }
    });
  }

  // ---- new-experiment form: keep the estimate current (the form posts urlencoded, so does the estimate)
  function startExperimentForm() {
    var form = document.getElementById('experiment-form');
    if (!form) {
      return;
    }
    keepEstimate(form, form.dataset.estimateUrl, function () { return new URLSearchParams(new FormData(form)); },
      function () { });
  }

  function start() {
    startLive();
    startForm();
    startExperimentLive();
    startExperimentForm();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
