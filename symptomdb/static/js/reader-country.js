/* Use the country the reader chose on "Get help now" (localStorage "symptomdb.country", written
   by help-country.js) on every page, so help shows numbers they can dial:
   - fills empty country fields marked data-reader-country (the ask, search and comment forms);
   - reloads a page whose help block was built without a country (GET, no ?country= at all)
     with the reader's country, so its numbers are theirs;
   - puts the reader's country first in a topic's crisis panel.
   Nothing is sent anywhere except as the form field or query parameter the reader submits. */
(function () {
  'use strict';
  var code = '';
  try { code = window.localStorage.getItem('symptomdb.country') || ''; } catch (error) { return; }
  if (!/^[A-Z]{2}$/.test(code)) return;
  var params = new URLSearchParams(location.search);

  document.querySelectorAll('[data-reader-country]').forEach(function (field) {
    if (field.value) return;
    if (field.tagName === 'SELECT') {
      if (params.has('country')) return; /* the reader chose "not chosen" here */
      if (!field.querySelector('option[value="' + code + '"]')) return;
    }
    field.value = code;
    field.disabled = false;
  });

  var help = document.querySelector('.help-first[data-country-chosen="no"]');
  if (help && !params.has('country') && params.has('q')) {
    params.set('country', code);
    location.replace(location.pathname + '?' + params.toString() + location.hash);
    return;
  }

  var panel = document.querySelector('.crisis-panel');
  var mine = panel && panel.querySelector('li[data-country="' + code + '"]');
  var first = panel && panel.querySelector('.crisis-lines');
  if (mine && first) {
    mine.classList.add('reader-country');
    first.insertBefore(mine, first.firstChild);
  }
})();
