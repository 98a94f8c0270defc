// Search suggestions, as progressive enhancement: without JavaScript the search box
// works the same, only without the list. Terms come from the multilingual glossary.
(function () {
  var box = document.getElementById('site-q');
  if (!box || !window.fetch) return;
  var list = document.createElement('datalist');
  list.id = 'site-q-suggestions';
  document.body.appendChild(list);
  box.setAttribute('list', list.id);
  var lang = document.documentElement.lang || 'en';
  var timer = null;
  box.addEventListener('input', function () {
    clearTimeout(timer);
    var q = box.value.trim();
    if (q.length < 2) { list.innerHTML = ''; return; }
    timer = setTimeout(function () {
      fetch('/api/v1/suggest?lang=' + encodeURIComponent(lang) + '&q=' + encodeURIComponent(q))
        .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
        .then(function (data) {
          list.innerHTML = '';
          data.suggestions.forEach(function (s) {
            var option = document.createElement('option');
            option.value = s;
            list.appendChild(option);
          });
        })
        .catch(function () {});
    }, 150);
  });
})();
