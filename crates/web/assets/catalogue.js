// The catalogue's filters, as progressive enhancement. Without JavaScript the filters are
// open and applied with the Apply buttons above and below them. With it, a change applies
// at once (the panel says so first), the control that changed has the focus again on the
// new page, and on a narrow screen the panel stays folded behind its button until opened.
(function () {
  'use strict';
  var form = document.getElementById('catalogue');
  if (!form || !form.requestSubmit) return;
  var filters = document.getElementById('filters');
  var KEY = 'praxis-catalogue-changed';
  document.documentElement.classList.add('live-filters');
  var note = form.querySelector('.live-note');
  if (note) note.hidden = false;

  var changed = null;
  try {
    changed = JSON.parse(sessionStorage.getItem(KEY) || 'null');
    sessionStorage.removeItem(KEY);
  } catch (e) {
    changed = null;
  }
  var narrow = window.matchMedia('(max-width: 48rem)').matches;
  if (filters && narrow && !(changed && changed.inFilters)) filters.open = false;
  if (changed) {
    var selector = changed.type === 'select'
      ? 'select[name="' + changed.name + '"]'
      : 'input[name="' + changed.name + '"][value="' + changed.value + '"]';
    var control = null;
    try {
      control = form.querySelector(selector);
    } catch (e) {
      control = null;
    }
    if (control) control.focus();
  }

  form.addEventListener('change', function (event) {
    var target = event.target;
    var isBox = target.matches('input[type="checkbox"]');
    if (!isBox && !target.matches('select')) return;
    try {
      sessionStorage.setItem(KEY, JSON.stringify({
        type: isBox ? 'checkbox' : 'select',
        name: target.name,
        value: target.value,
        inFilters: !!(filters && filters.contains(target))
      }));
    } catch (e) { /* private browsing: the focus is not restored, nothing else changes */ }
    form.requestSubmit();
  });
})();
