/* "Get help now": remember the country the reader picks (localStorage "symptomdb.country")
   so the safety plan can show its crisis lines. Written only when a country is chosen. */
(function () {
  'use strict';
  var KEY = 'symptomdb.country';
  var select = document.getElementById('country');
  if (!select) return;
  function remember() {
    if (!select.value) return;
    try { window.localStorage.setItem(KEY, select.value); } catch (error) { /* not kept */ }
  }
  if (new URLSearchParams(location.search).get('country')) remember();
  select.addEventListener('change', remember);
})();
