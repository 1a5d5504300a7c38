/* Use the country the reader chose (localStorage "symptomdb.country", written by
   help-country.js on "Get help now" or by the country picker in "More help and your
   country") on every page, so help shows numbers they can dial:
   - the one line of help and a sensitive topic's panel show that country's numbers
     (prepared by the server in <template data-help-country>, from help_first.py) instead
     of the short list for the page's language; the picker changes them at once;
   - fills empty country fields marked data-reader-country (the ask, search and comment forms);
   - reloads a page whose help block was built without a country (GET, no ?country= at all)
     with the reader's country, so its numbers are theirs.
   Nothing is sent anywhere except as the form field or query parameter the reader submits. */
(function () {
  'use strict';
  var KEY = 'symptomdb.country';
  var code = '';
  try { code = window.localStorage.getItem(KEY) || ''; } catch (error) { code = ''; }
  if (!/^[A-Z]{2}$/.test(code)) code = '';
  var params = new URLSearchParams(location.search);

  // The short list as the server sent it, to put back when the reader clears the choice.
  var shortLists = [];
  document.querySelectorAll('[data-help-dial], [data-help-lines]').forEach(function (list) {
    shortLists.push({ list: list, html: list.innerHTML });
  });

  function showCountry(chosen) {
    shortLists.forEach(function (item) {
      var part = item.list.hasAttribute('data-help-dial') ? 'dial' : 'lines';
      var template = chosen && document.querySelector(
        'template[data-help-country="' + chosen + '"][data-part="' + part + '"]');
      if (template) {
        item.list.replaceChildren(template.content.cloneNode(true));
        item.list.setAttribute('data-country-shown', chosen);
      } else {
        item.list.innerHTML = item.html;
        item.list.removeAttribute('data-country-shown');
      }
    });
    document.querySelectorAll('[data-help-country-picker]').forEach(function (picker) {
      picker.value = chosen && picker.querySelector('option[value="' + chosen + '"]') ? chosen : '';
    });
  }

  document.querySelectorAll('[data-help-country-picker]').forEach(function (picker) {
    picker.addEventListener('change', function () {
      var chosen = picker.value;
      try {
        if (chosen) window.localStorage.setItem(KEY, chosen);
        else window.localStorage.removeItem(KEY);
      } catch (error) { /* not kept; shown on this page only */ }
      showCountry(chosen);
    });
  });

  if (!code) return;
  showCountry(code);

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
  }
})();
