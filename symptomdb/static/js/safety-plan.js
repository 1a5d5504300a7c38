/* The safety plan, kept only in this browser.

   The page's markup carries the steps and their suggestions (the topic's coping ideas,
   crisis lines per country in <template> elements); this script turns them into entries
   the reader can keep, edit or delete, and saves the plan in localStorage
   ("symptomdb.safety-plan") from the first change. Nothing here sends anything anywhere:
   no form, no fetch, no beacon. Print uses the browser's print (and "Save as PDF");
   "Save as a text file" builds the file in the browser (a Blob). */
(function () {
  'use strict';
  var root = document.getElementById('safety-plan');
  if (!root) return;
  var KEY = root.dataset.storageKey;
  var COUNTRY_KEY = root.dataset.countryKey;
  var status = document.getElementById('plan-status');
  var select = document.getElementById('plan-country');

  function t(name, values) {
    var text = root.dataset['t' + name] || '';
    Object.keys(values || {}).forEach(function (key) {
      text = text.split('{' + key + '}').join(String(values[key]));
    });
    return text;
  }

  function announce(message) {
    status.textContent = '';
    // A fresh text node after clearing makes screen readers speak a repeated message.
    window.setTimeout(function () { status.textContent = message; }, 50);
  }

  function node(tag, attributes, text) {
    var element = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { element.setAttribute(name, attributes[name]); });
    if (text !== undefined) element.textContent = text;
    return element;
  }

  function same(a, b) { return a.trim().toLowerCase() === b.trim().toLowerCase(); }

  var steps = Array.prototype.map.call(root.querySelectorAll('.plan-step'), function (section) {
    var editor = section.querySelector('[data-editor]');
    var printed = node('ul', { 'class': 'plan-print' });
    editor.after(printed);
    return {
      id: section.dataset.step,
      title: section.querySelector('.step-title').textContent.trim(),
      heading: section.querySelector('h2').textContent.replace(/\s+/g, ' ').trim(),
      crisis: section.hasAttribute('data-crisis-lines'),
      suggestions: Array.prototype.map.call(
        section.querySelectorAll('[data-suggestion]:not([data-country-line])'),
        function (li) { return li.textContent.trim(); }),
      editor: editor,
      printed: printed
    };
  });

  function template(code) {
    return root.querySelector('template[data-country="' + code + '"]');
  }

  function knownCountry(code) { return code && template(code) ? code : ''; }

  function countryLines(code) {
    var found = template(knownCountry(code));
    return Array.prototype.map.call(found.content.querySelectorAll('li'), function (li) {
      return li.textContent.trim();
    });
  }

  function suggestionsFor(step, country) {
    return step.crisis ? step.suggestions.concat(countryLines(country)) : step.suggestions.slice();
  }

  function storedCountry() {
    try { return window.localStorage.getItem(COUNTRY_KEY) || ''; } catch (error) { return ''; }
  }

  function freshPlan(country) {
    var plan = { v: 1, country: country, steps: {} };
    steps.forEach(function (step) { plan.steps[step.id] = suggestionsFor(step, country); });
    return plan;
  }

  function loadPlan() {
    try {
      var data = JSON.parse(window.localStorage.getItem(KEY) || 'null');
      if (data && data.v === 1 && data.steps && typeof data.steps === 'object') return data;
    } catch (error) { /* unreadable: start afresh */ }
    return null;
  }

  var plan = loadPlan();
  var saved = plan !== null;
  if (plan === null) {
    plan = freshPlan(knownCountry(root.dataset.chosenCountry) || knownCountry(storedCountry()));
  }
  plan.country = knownCountry(plan.country);
  steps.forEach(function (step) {
    if (!Array.isArray(plan.steps[step.id])) plan.steps[step.id] = [];
  });

  function save() {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(plan));
      if (!saved) announce(t('Saved'));
      saved = true;
    } catch (error) {
      announce(t('StorageOff'));
    }
  }

  function renderPrinted(step) {
    step.printed.replaceChildren.apply(step.printed, plan.steps[step.id]
      .filter(function (entry) { return entry.trim(); })
      .map(function (entry) { return node('li', {}, entry.trim()); }));
  }

  function addEntry(step, text) {
    plan.steps[step.id].push(text);
    save();
    renderStep(step);
    document.getElementById('add-' + step.id).focus();
    announce(t('Added', { step: step.title }));
  }

  function renderStep(step) {
    var entries = plan.steps[step.id];
    var list = node('ol', { 'class': 'plan-entries' });
    entries.forEach(function (text, index) {
      var id = 'entry-' + step.id + '-' + index;
      var item = node('li', { 'class': 'plan-entry' });
      var label = node('label', { 'for': id, 'class': 'visually-hidden' },
        t('Entry', { step: step.title, n: index + 1 }));
      var input = node('input', { type: 'text', id: id, autocomplete: 'off' });
      input.value = text;
      input.addEventListener('input', function () {
        plan.steps[step.id][index] = input.value;
        save();
        renderPrinted(step);
      });
      var remove = node('button', {
        type: 'button',
        'class': 'entry-delete',
        'aria-label': t('DeleteLabel', { step: step.title, n: index + 1 })
      }, t('Delete'));
      remove.addEventListener('click', function () {
        plan.steps[step.id].splice(index, 1);
        save();
        renderStep(step);
        var inputs = step.editor.querySelectorAll('.plan-entry input');
        (inputs[Math.min(index, inputs.length - 1)] || document.getElementById('add-' + step.id)).focus();
        announce(t('Deleted', { step: step.title }));
      });
      item.append(label, input, remove);
      list.append(item);
    });

    var addId = 'add-' + step.id;
    var add = node('p', { 'class': 'plan-add' });
    var addInput = node('input', { type: 'text', id: addId, autocomplete: 'off' });
    var addButton = node('button', { type: 'button' }, t('Add'));
    function addOwn() {
      var value = addInput.value.trim();
      if (value) addEntry(step, value);
    }
    addButton.addEventListener('click', addOwn);
    addInput.addEventListener('keydown', function (event) {
      if (event.key === 'Enter') { event.preventDefault(); addOwn(); }
    });
    add.append(node('label', { 'for': addId }, t('AddLabel', { step: step.title })), addInput, addButton);

    var missing = suggestionsFor(step, plan.country).filter(function (idea) {
      return !entries.some(function (entry) { return same(entry, idea); });
    });
    var parts = [list, add];
    if (missing.length) {
      var ideas = node('div', { 'class': 'plan-ideas' });
      var ideaList = node('ul');
      missing.forEach(function (idea) {
        var button = node('button', { type: 'button', 'class': 'idea-add' }, t('AddIdea', { idea: idea }));
        button.addEventListener('click', function () { addEntry(step, idea); });
        var li = node('li');
        li.append(button);
        ideaList.append(li);
      });
      ideas.append(node('p', { 'class': 'plan-ideas-heading' }, t('Ideas')), ideaList);
      parts.push(ideas);
    }
    step.editor.replaceChildren.apply(step.editor, parts);
    renderPrinted(step);
  }

  function renderAll() { steps.forEach(renderStep); }

  function planText() {
    var lines = [t('FileTitle'), ''];
    steps.forEach(function (step) {
      lines.push(step.heading);
      var entries = plan.steps[step.id].filter(function (entry) { return entry.trim(); });
      if (!entries.length) lines.push('-');
      entries.forEach(function (entry) { lines.push('- ' + entry.trim()); });
      lines.push('');
    });
    lines.push(t('FileFooter'));
    return lines.join('\n') + '\n';
  }

  function download() {
    var url = URL.createObjectURL(new Blob([planText()], { type: 'text/plain;charset=utf-8' }));
    var link = node('a', { href: url, download: t('FileName'), hidden: '' });
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  }

  function changeCountry() {
    var before = countryLines(plan.country);
    var country = knownCountry(select.value);
    var after = countryLines(country);
    steps.filter(function (step) { return step.crisis; }).forEach(function (step) {
      var kept = plan.steps[step.id].filter(function (entry) {
        return !before.some(function (line) { return same(line, entry); });
      });
      plan.steps[step.id] = kept.concat(after.filter(function (line) {
        return !kept.some(function (entry) { return same(line, entry); });
      }));
    });
    plan.country = country;
    save();
    steps.filter(function (step) { return step.crisis; }).forEach(renderStep);
  }

  function wipe(offline) {
    try {
      Object.keys(window.localStorage)
        .filter(function (key) { return key.indexOf('symptomdb.') === 0; })
        .forEach(function (key) { window.localStorage.removeItem(key); });
    } catch (error) { /* nothing was stored */ }
    Array.prototype.slice.call(document.documentElement.classList)
      .filter(function (name) { return name.indexOf('text-size-') === 0; })
      .forEach(function (name) { document.documentElement.classList.remove(name); });
    var done = [];
    if (offline && window.caches) {
      done.push(caches.keys().then(function (keys) {
        return Promise.all(keys.filter(function (key) { return key.indexOf('symptomdb-') === 0; })
          .map(function (key) { return caches.delete(key); }));
      }));
    }
    if (offline && navigator.serviceWorker) {
      done.push(navigator.serviceWorker.getRegistrations().then(function (registrations) {
        return Promise.all(registrations.map(function (r) { return r.unregister(); }));
      }));
    }
    return Promise.all(done);
  }

  root.classList.add('plan-ready');
  select.value = plan.country;
  select.addEventListener('change', changeCountry);
  document.getElementById('plan-print').addEventListener('click', function () { window.print(); });
  document.getElementById('plan-download').addEventListener('click', download);

  var wipeButton = document.getElementById('wipe-plan');
  var confirmBox = document.getElementById('wipe-confirm');
  wipeButton.addEventListener('click', function () {
    confirmBox.hidden = false;
    document.getElementById('wipe-yes').focus();
  });
  document.getElementById('wipe-no').addEventListener('click', function () {
    confirmBox.hidden = true;
    wipeButton.focus();
  });
  document.getElementById('wipe-yes').addEventListener('click', function () {
    var offline = document.getElementById('wipe-offline').checked;
    wipe(offline).catch(function () { /* the plan itself is gone either way */ }).then(function () {
      saved = false;
      plan = freshPlan(knownCountry(root.dataset.chosenCountry));
      select.value = plan.country;
      renderAll();
      confirmBox.hidden = true;
      wipeButton.focus();
      root.setAttribute('data-wiped', offline ? 'offline' : 'plan');
      announce(offline ? t('WipedOffline') : t('Wiped'));
    });
  });

  try {
    window.localStorage.getItem(KEY);
    if (!saved) status.textContent = t('NotSaved');
  } catch (error) {
    status.textContent = t('StorageOff');
  }
  renderAll();
})();
