/* Registers the offline worker (/sw.js) from the tools pages, so the safety plan, the
   coping toolkit and "Get help now" open without a connection once visited. The worker
   keeps only those pages as everyone gets them, and their CSS and JS. */
(function () {
  'use strict';
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/sw.js', { scope: '/' })
    .then(function () { return navigator.serviceWorker.ready; })
    .then(function (registration) {
      var meta = document.querySelector('meta[name="symptomdb-offline-pages"]');
      if (meta && registration.active) {
        registration.active.postMessage({ keep: meta.content.split(' ').filter(Boolean) });
      }
      document.documentElement.setAttribute('data-offline', 'ready');
    })
    .catch(function () { /* no offline copy: the page still works online */ });
})();
