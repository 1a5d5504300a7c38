/* Loaded in <head> on every page, before the body is drawn, so nothing jumps:
   marks <html> with "js" (pages show their script-only controls) and applies the text
   size the reader chose with the A− / A+ buttons (localStorage "symptomdb.text-size",
   written only when they press one). */
(function () {
  'use strict';
  var KEY = 'symptomdb.text-size';
  var SIZES = ['90', '100', '112', '125', '150', '175'];
  var root = document.documentElement;
  root.classList.add('js');

  function read() {
    try {
      var value = window.localStorage.getItem(KEY);
      return SIZES.indexOf(value) >= 0 ? value : '100';
    } catch (error) {
      return '100';
    }
  }

  function apply(size) {
    SIZES.forEach(function (s) { root.classList.remove('text-size-' + s); });
    if (size !== '100') root.classList.add('text-size-' + size);
  }

  function choose(action) {
    var index = SIZES.indexOf(read());
    if (action === 'larger') index = Math.min(index + 1, SIZES.length - 1);
    else if (action === 'smaller') index = Math.max(index - 1, 0);
    else index = SIZES.indexOf('100');
    var size = SIZES[index];
    try {
      if (size === '100') window.localStorage.removeItem(KEY);
      else window.localStorage.setItem(KEY, size);
    } catch (error) { /* storage refused: the size still applies to this page */ }
    apply(size);
    var status = document.getElementById('text-size-status');
    if (status) status.textContent = (status.getAttribute('data-t-size') || '{size}%').replace('{size}', size);
  }

  apply(read());
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-text-size]').forEach(function (button) {
      button.addEventListener('click', function () { choose(button.getAttribute('data-text-size')); });
    });
  });
})();
