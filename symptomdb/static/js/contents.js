/* A topic's contents list is folded on a phone, so the content starts on the first screen;
   on a screen wide enough to show it beside little else, open it. The reader can still fold
   or unfold it. */
(function () {
  'use strict';
  if (!window.matchMedia('(min-width: 48rem)').matches) return;
  document.querySelectorAll('details[data-open-wide]').forEach(function (details) {
    details.open = true;
  });
})();
