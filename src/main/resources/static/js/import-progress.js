// Polls an import job's progress and reloads the page (with the full report) when it ends.
(function () {
  var box = document.getElementById('import-report');
  if (!box) return;
  var job = box.getAttribute('data-job');
  function poll() {
    fetch('/api/v1/organisations/imports/' + job, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.json(); })
      .then(function (r) {
        document.getElementById('import-processed').textContent = r.processed;
        var pct = (r.state === 'DONE' || r.state === 'FAILED') ? 100
          : (r.totalRows ? Math.min(99, (r.state === 'IMPORTING' ? 50 : 0) + Math.floor(r.processed * 50 / r.totalRows)) : 0);
        document.getElementById('import-bar').style.width = pct + '%';
        if (r.state === 'DONE' || r.state === 'FAILED') { window.location.reload(); } else { setTimeout(poll, 500); }
      })
      .catch(function () { setTimeout(poll, 2000); });
  }
  setTimeout(poll, 300);
})();
