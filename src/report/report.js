// chronicle report: the filters above the event list. Hand-written, no
// libraries, nothing fetched. Without it the page is the full list.
(function () {
  'use strict';
  var form = document.getElementById('filters');
  if (!form) return;
  var shown = document.getElementById('shown');
  var periods = Array.prototype.slice.call(document.querySelectorAll('section.period'));
  var rows = Array.prototype.map.call(document.querySelectorAll('li.ev'), function (li) {
    // The kind and status are the classes k-KIND and s-STATUS.
    var kind = /\bk-(\w+)/.exec(li.className), status = /\bs-(\w+)/.exec(li.className);
    return { li: li, kind: kind ? kind[1] : '', status: status ? status[1] : '', place: li.dataset.place || '',
             actors: li.dataset.actors || '', text: null };
  });
  var fields = ['kind', 'status', 'actor', 'place', 'q'];
  form.hidden = false;

  function value(name) { return form.elements[name].value.trim().toLowerCase(); }

  function apply() {
    var kind = value('kind'), status = value('status'), actor = value('actor'), place = value('place'), q = value('q');
    var n = 0;
    rows.forEach(function (r) {
      var ok = (!kind || r.kind === kind) && (!status || r.status === status) &&
               (!actor || r.actors.indexOf(actor) >= 0) && (!place || r.place.indexOf(place) >= 0);
      if (ok && q) {
        if (r.text === null) r.text = r.li.textContent.toLowerCase();
        ok = r.text.indexOf(q) >= 0;
      }
      if (r.li.hidden === ok) r.li.hidden = !ok;
      if (ok) n++;
    });
    periods.forEach(function (p) {
      var empty = !p.querySelector('li.ev:not([hidden])') && p.querySelector('li.ev') !== null;
      p.hidden = empty || (n < rows.length && !p.querySelector('li.ev'));
    });
    shown.textContent = n === rows.length ? 'Showing all ' + n + ' listed events' : 'Showing ' + n + ' of ' + rows.length + ' listed events';
    document.body.dataset.shown = n;
  }

  // The filters live in the address's fragment (#kind=talks&actor=lavrov), so a filtered view is a link.
  function toHash() {
    var parts = fields.filter(function (f) { return form.elements[f].value.trim(); }).map(function (f) {
      return f + '=' + encodeURIComponent(form.elements[f].value.trim());
    });
    history.replaceState(null, '', parts.length ? '#' + parts.join('&') : location.pathname + location.search);
  }

  function fromHash() {
    location.hash.slice(1).split('&').forEach(function (part) {
      var eq = part.indexOf('=');
      if (eq < 0) return;
      var name = part.slice(0, eq), v = decodeURIComponent(part.slice(eq + 1).replace(/\+/g, ' '));
      if (fields.indexOf(name) >= 0) form.elements[name].value = v;
    });
  }

  var timer = null;
  form.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { apply(); toHash(); }, 120);
  });
  form.addEventListener('change', function () { apply(); toHash(); });
  form.addEventListener('reset', function () { setTimeout(function () { apply(); toHash(); }, 0); });
  form.addEventListener('submit', function (ev) { ev.preventDefault(); });

  // Actors in "who met whom" and places on the map filter the list.
  document.addEventListener('click', function (ev) {
    var a = ev.target.closest && ev.target.closest('[data-actor], [data-place]');
    if (a && !a.closest('li.ev')) {
      ev.preventDefault();
      if (a.dataset.actor) form.elements.actor.value = a.dataset.actor;
      if (a.dataset.place) form.elements.place.value = a.dataset.place;
      apply(); toHash();
      form.scrollIntoView();
      return;
    }
    // A click anywhere on an event (not on a link or the evidence) opens or closes its evidence.
    var li = ev.target.closest && ev.target.closest('li.ev');
    if (li && !ev.target.closest('a, summary, details[open] ul')) {
      var d = li.querySelector('details');
      if (d) d.open = !d.open;
    }
  });

  // Print every event's evidence, then close what was closed.
  var opened = [];
  window.addEventListener('beforeprint', function () {
    opened = Array.prototype.filter.call(document.querySelectorAll('li.ev details:not([open])'), function (d) { d.open = true; return true; });
  });
  window.addEventListener('afterprint', function () { opened.forEach(function (d) { d.open = false; }); opened = []; });

  fromHash();
  apply();
})();
