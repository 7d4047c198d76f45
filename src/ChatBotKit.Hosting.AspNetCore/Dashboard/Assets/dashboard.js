// streambot dashboard: opens the Server-Sent Events stream of each live part (data-stream) and puts
// the HTML it sends into the page: "replace" swaps the part, "afterbegin"/"beforeend" add a line and
// keep at most data-keep lines. data-live says whether the stream is open.
(function () {
  'use strict';
  function connect(part) {
    var mode = part.dataset.mode || 'afterbegin';
    var keep = parseInt(part.dataset.keep || '500', 10);
    var source = new EventSource(part.dataset.stream);
    source.onopen = function () { part.dataset.live = 'open'; };
    source.onerror = function () { part.dataset.live = 'reconnecting'; };
    source.addEventListener(part.dataset.event || 'message', function (e) {
      if (mode === 'replace') {
        part.innerHTML = e.data;
      } else {
        part.insertAdjacentHTML(mode, e.data);
        while (part.children.length > keep) {
          part.removeChild(mode === 'afterbegin' ? part.lastElementChild : part.firstElementChild);
        }
      }
      if (window.htmx && mode === 'replace') { window.htmx.process(part); }
    });
    window.addEventListener('pagehide', function () { source.close(); });
  }
  document.querySelectorAll('[data-stream]').forEach(connect);
})();
