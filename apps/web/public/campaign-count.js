// Keeps a campaign hub's count current without a reload: reads the page's count.json every minute (the endpoint
// itself is cached for that long) and updates the words and the bar. The page works without it.
(function () {
  var box = document.querySelector('[data-count-url]');
  if (!box || !window.fetch) return;
  var url = box.getAttribute('data-count-url');
  var words = box.querySelector('.count');
  var bar = box.querySelector('progress');
  var template = words ? words.textContent : '';
  var shown = template.match(/[\d.,\u00a0\u202f ]*\d/);
  function refresh() {
    fetch(url, { headers: { Accept: 'application/json' } })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (data) {
        if (!data || typeof data.count !== 'number') return;
        if (words && shown && data.countText) {
          words.textContent = template.replace(shown[0], data.countText);
        }
        if (bar && typeof data.goal === 'number') bar.value = Math.min(data.count, data.goal);
      })
      .catch(function () {});
  }
  setInterval(refresh, 60000);
})();
