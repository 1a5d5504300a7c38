/* symptomdb's offline worker, served at /sw.js (scope "/").

   It keeps three pages usable without a connection: the safety plan, the coping toolkit
   and "Get help now", as every reader gets them (stored without their query string, so
   the cache never records which topic or country a reader came with), plus the CSS and
   JavaScript they load. It stores nothing a reader types: the plan lives in localStorage,
   which this worker never reads. Every other request goes to the network untouched.
   The reader can delete this cache with "Wipe my plan" (docs/privacy.md). */
'use strict';

var CACHE = 'symptomdb-offline-v1';
var PAGES = ['/tools/safety-plan/', '/tools/coping/', '/help/'];
var ASSETS = /(?:href|src)="(\/static\/[^"?#]+\.(?:css|js))"/g;

// The same pages in another language live under a prefix ("/es/help/").
function offlinePage(pathname) {
  return PAGES.indexOf(pathname.replace(/^\/[a-z]{2}(?=\/)/, '')) >= 0;
}

function keep(cache, path, response) {
  return response.clone().text().then(function (html) {
    var assets = [];
    var match;
    while ((match = ASSETS.exec(html)) !== null) {
      if (assets.indexOf(match[1]) < 0) assets.push(match[1]);
    }
    return cache.put(path, response).then(function () {
      return Promise.all(assets.map(function (url) {
        return cache.match(url).then(function (found) { return found || cache.add(url); });
      }));
    });
  });
}

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return Promise.all(PAGES.map(function (path) {
      return fetch(path, { credentials: 'omit', cache: 'no-cache' }).then(function (response) {
        return response.ok ? keep(cache, path, response) : null;
      });
    }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (key) {
      return key.indexOf('symptomdb-') === 0 && key !== CACHE;
    }).map(function (key) { return caches.delete(key); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && offlinePage(url.pathname)) {
    // Network first, so readers online always get the current page; the copy otherwise.
    event.respondWith(fetch(request).then(function (response) {
      if (response.ok && !url.search && !response.redirected) {
        var copy = response.clone();
        event.waitUntil(caches.open(CACHE).then(function (cache) {
          return keep(cache, url.pathname, copy);
        }));
      }
      return response;
    }).catch(function () {
      return caches.match(url.pathname).then(function (found) {
        return found || Response.error();
      });
    }));
  } else if (url.pathname.indexOf('/static/') === 0) {
    // Static files have content-hashed names: a stored one never goes out of date.
    event.respondWith(caches.match(request).then(function (found) {
      return found || fetch(request);
    }));
  }
});

// A tools page names the offline pages in its own language; keep those too.
self.addEventListener('message', function (event) {
  var paths = (event.data && event.data.keep) || [];
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return Promise.all(paths.filter(function (path) {
      return typeof path === 'string' && path.charAt(0) === '/' && offlinePage(path);
    }).map(function (path) {
      return fetch(path, { credentials: 'omit', cache: 'no-cache' }).then(function (response) {
        return response.ok ? keep(cache, path, response) : null;
      });
    }));
  }));
});
