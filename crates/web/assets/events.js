// Praxis events: adds each event's time in the visitor's own time zone. Pages already
// show the event's zone and UTC without JavaScript; this only adds a line.
(function () {
  'use strict';
  var zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (e) {
    return;
  }
  if (!zone) return;
  var cells = document.querySelectorAll('dd.visitor-time[data-start]');
  Array.prototype.forEach.call(cells, function (dd) {
    var start = new Date(dd.getAttribute('data-start'));
    var end = new Date(dd.getAttribute('data-end'));
    if (isNaN(start) || isNaN(end)) return;
    var lang = dd.getAttribute('data-lang') || document.documentElement.lang || 'en';
    // The pages write English dates day-month-year, as British English does.
    if (lang === 'en') lang = 'en-GB';
    var day = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: zone });
    var clock = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone });
    var startDay = day.format(start);
    var endDay = day.format(end);
    var text = startDay + ', ' + clock.format(start) + '–' +
      (endDay === startDay ? '' : endDay + ', ') + clock.format(end) + ' (' + zone + ')';
    dd.textContent = text;
    var label = dd.previousElementSibling;
    if (label && label.classList.contains('visitor-time')) label.hidden = false;
    dd.hidden = false;
  });
})();
