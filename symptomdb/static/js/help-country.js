/* "Get help now":
   - remember the country the reader picks (localStorage "symptomdb.country") so every page
     shows its numbers and the safety plan its crisis lines; written only when a country is
     chosen;
   - filter the list of countries as the reader types a name in "Find a country by name"
     (without JavaScript the same form filters on the server, ?find=). */
(function () {
  'use strict';
  var KEY = 'symptomdb.country';
  var select = document.getElementById('country');
  if (select) {
    var remember = function () {
      if (!select.value) return;
      try { window.localStorage.setItem(KEY, select.value); } catch (error) { /* not kept */ }
    };
    if (new URLSearchParams(location.search).get('country')) remember();
    select.addEventListener('change', remember);
  }

  var filter = document.querySelector('[data-country-filter]');
  var count = document.getElementById('find-count');
  if (!filter) return;
  var countries = document.querySelectorAll('.country-list [data-country-name]');
  function normalise(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[-_]+/g, ' ').trim();
  }
  filter.addEventListener('input', function () {
    var wanted = normalise(filter.value);
    var shown = 0;
    countries.forEach(function (section) {
      var match = !wanted || normalise(section.getAttribute('data-country-name')).indexOf(wanted) !== -1;
      section.hidden = !match;
      if (match) shown += 1;
    });
    if (count) {
      count.textContent = wanted ? count.getAttribute('data-count-template')
        .replace('{find}', filter.value.trim()).replace('{count}', String(shown)) : '';
    }
  });
})();
