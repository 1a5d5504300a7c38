/* Quick exit, on every page.

   - The "Quick exit" link, or Escape pressed twice within two seconds (anywhere, also
     while typing in a field), replaces this page with a neutral site using
     location.replace: this page's entry in the Back list is overwritten, so Back does
     not return to it. Nothing is sent to our server.
   - Safety pages (<meta name="symptomdb-quiet-page">: "Get help now" and /tools/) are
     left with location.replace too, whichever link or GET form the reader uses, so Back
     from the next page skips them. Links marked data-quiet (to those pages, from topics
     and the header) open them the same way, so the page they were opened from leaves
     the Back list as well.
   What a browser cannot be made to forget from a page: its history list (Ctrl+H) still
   has every visit; docs/privacy.md says how to clear it. */
(function () {
  'use strict';
  var exit = document.querySelector('[data-quick-exit]');
  if (!exit) return;
  var target = exit.href;
  var quietPage = !!document.querySelector('meta[name="symptomdb-quiet-page"]');
  var ESCAPE_WINDOW_MS = 2000;
  var lastEscape = -Infinity;

  function leave() {
    try { window.sessionStorage.clear(); } catch (error) { /* nothing to clear */ }
    window.location.replace(target);
  }

  exit.addEventListener('click', function (event) {
    event.preventDefault();
    leave();
  });

  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape' || event.repeat) return;
    var now = Date.now();
    if (now - lastEscape <= ESCAPE_WINDOW_MS) {
      leave();
    } else {
      lastEscape = now;
    }
  });

  function quietly(url) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
    // A jump within this page (the skip link, a contents entry) is not leaving it.
    if (url.origin === location.origin && url.pathname === location.pathname &&
        url.search === location.search && url.hash) return false;
    window.location.replace(url.href);
    return true;
  }

  document.addEventListener('click', function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey ||
        event.shiftKey || event.altKey) return;
    var link = event.target.closest ? event.target.closest('a[href]') : null;
    if (!link || link === exit || link.hasAttribute('download')) return;
    if (link.target && link.target !== '_self') return;
    if (!quietPage && !link.hasAttribute('data-quiet')) return;
    if (quietly(new URL(link.href, location.href))) event.preventDefault();
  });

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!quietPage || event.defaultPrevented || (form.method || 'get').toLowerCase() !== 'get') return;
    var url = new URL(form.action || location.href, location.href);
    url.search = new URLSearchParams(new FormData(form)).toString();
    if (quietly(url)) event.preventDefault();
  });
})();
