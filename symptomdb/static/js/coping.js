/* The coping toolkit's guided activities. Every control is a real button or field;
   changes are spoken through polite live regions; with "reduce motion" the breathing
   circle does not move (only the words change). The only thing kept is the breathing
   pace the reader sets (localStorage "symptomdb.breathing-pace"). Nothing is sent. */
(function () {
  'use strict';

  function say(element, name, values) {
    var text = element.dataset[name] || '';
    Object.keys(values || {}).forEach(function (key) {
      text = text.split('{' + key + '}').join(String(values[key]));
    });
    return text;
  }

  function seconds(input, fallback) {
    var value = Math.round(Number(input.value));
    var min = Number(input.min);
    var max = Number(input.max);
    if (!Number.isFinite(value) || value <= 0) return fallback;
    return Math.min(max, Math.max(min, value));
  }

  /* Slow breathing: in and out at the reader's pace; no countdown, no end. */
  (function breathing() {
    var section = document.getElementById('breathing');
    if (!section) return;
    var toggle = document.getElementById('breathing-toggle');
    var guide = document.getElementById('breathing-guide');
    var circle = document.getElementById('breath-circle');
    var breatheIn = document.getElementById('breathe-in');
    var breatheOut = document.getElementById('breathe-out');
    var reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
    var key = section.dataset.paceKey;
    var timer = null;
    var phase = 'out';

    try {
      var pace = JSON.parse(window.localStorage.getItem(key) || 'null');
      if (pace && pace.in && pace.out) {
        breatheIn.value = pace.in;
        breatheOut.value = pace.out;
      }
    } catch (error) { /* default pace */ }

    function keepPace() {
      try {
        window.localStorage.setItem(key, JSON.stringify({
          in: seconds(breatheIn, 4), out: seconds(breatheOut, 6)
        }));
      } catch (error) { /* the pace still applies now */ }
    }
    breatheIn.addEventListener('change', keepPace);
    breatheOut.addEventListener('change', keepPace);

    function next() {
      phase = phase === 'in' ? 'out' : 'in';
      var length = phase === 'in' ? seconds(breatheIn, 4) : seconds(breatheOut, 6);
      circle.style.transitionDuration = reduceMotion.matches ? '0s' : length + 's';
      circle.classList.toggle('breathing-in', phase === 'in');
      circle.classList.toggle('breathing-out', phase === 'out');
      guide.textContent = say(section, phase === 'in' ? 'sayIn' : 'sayOut');
      timer = window.setTimeout(next, length * 1000);
    }

    toggle.addEventListener('click', function () {
      if (timer === null) {
        toggle.textContent = say(section, 'tPause');
        phase = 'out';
        next();
      } else {
        window.clearTimeout(timer);
        timer = null;
        circle.classList.remove('breathing-in', 'breathing-out');
        toggle.textContent = say(section, 'tStart');
        guide.textContent = say(section, 'sayPaused');
      }
    });
  })();

  /* Grounding 5-4-3-2-1: one prompt at a time, forwards and back. */
  (function grounding() {
    var section = document.getElementById('grounding');
    if (!section) return;
    var prompts = Array.prototype.map.call(section.querySelectorAll('.grounding-steps li'),
      function (li) { return li.textContent.trim(); });
    var prompt = document.getElementById('grounding-prompt');
    var start = document.getElementById('grounding-start');
    var back = document.getElementById('grounding-back');
    var forward = document.getElementById('grounding-next');
    var again = document.getElementById('grounding-again');
    var index = 0;
    section.classList.add('guided');

    function show(i) {
      index = i;
      prompt.textContent = say(section, 'tStep', { n: i + 1, total: prompts.length }) + ': ' + prompts[i];
      back.disabled = i === 0;
      forward.textContent = say(section, i === prompts.length - 1 ? 'tFinish' : 'tNext');
    }

    function begin() {
      start.hidden = true;
      again.hidden = true;
      back.hidden = false;
      forward.hidden = false;
      show(0);
      forward.focus();
    }

    start.addEventListener('click', begin);
    again.addEventListener('click', begin);
    back.addEventListener('click', function () { if (index > 0) show(index - 1); });
    forward.addEventListener('click', function () {
      if (index < prompts.length - 1) {
        show(index + 1);
        return;
      }
      prompt.textContent = say(section, 'tDone');
      back.hidden = true;
      forward.hidden = true;
      again.hidden = false;
      again.focus();
    });
  })();

  /* Delay timer: the reader picks the length and may stop at any time; minutes, not
     seconds, so there is no ticking pressure. Uses the clock, so a tab the browser
     slows down still ends on time. */
  (function delay() {
    var section = document.getElementById('delay');
    if (!section) return;
    var minutes = document.getElementById('delay-minutes');
    var start = document.getElementById('delay-start');
    var stop = document.getElementById('delay-stop');
    var remaining = document.getElementById('delay-remaining');
    var status = document.getElementById('delay-status');
    var done = document.getElementById('delay-done');
    var endsAt = 0;
    var ticker = null;

    function update() {
      var left = endsAt - Date.now();
      if (left <= 0) {
        finish();
        return;
      }
      var whole = Math.ceil(left / 60000);
      remaining.textContent = whole === 1 ? say(section, 'tLeftOne') : say(section, 'tLeft', { minutes: whole });
    }

    function halt() {
      window.clearInterval(ticker);
      ticker = null;
      remaining.textContent = '';
      stop.hidden = true;
      start.hidden = false;
      start.focus();
    }

    function finish() {
      halt();
      done.hidden = false;
      status.textContent = say(section, 'tDone');
    }

    start.addEventListener('click', function () {
      var length = Number(minutes.value) || 15;
      endsAt = Date.now() + length * 60000;
      done.hidden = true;
      start.hidden = true;
      stop.hidden = false;
      stop.focus();
      status.textContent = say(section, 'tStarted', { minutes: length });
      update();
      ticker = window.setInterval(update, 1000);
    });
    stop.addEventListener('click', function () {
      halt();
      status.textContent = say(section, 'tStopped');
    });
  })();

  /* Distraction: one idea at a time from the list on the page, in order. */
  (function distraction() {
    var section = document.getElementById('distraction');
    if (!section) return;
    var ideas = Array.prototype.map.call(section.querySelectorAll('#distraction-ideas li'),
      function (li) { return li.textContent.trim(); });
    var shown = document.getElementById('distraction-idea');
    var index = -1;
    document.getElementById('distraction-next').addEventListener('click', function () {
      index = (index + 1) % ideas.length;
      shown.textContent = say(section, 'tIdea', { n: index + 1, total: ideas.length, idea: ideas[index] });
    });
  })();
})();
