// Autosave of a grant application draft: posts the form a moment after the applicant stops typing.
// The page works without it (the save button posts the same form).
(function () {
  var form = document.getElementById('draft-form');
  if (!form || !window.fetch) { return; }
  var url = form.getAttribute('data-autosave');
  var status = document.getElementById('autosave-status');
  var timer = null;
  function save() {
    var body = new URLSearchParams(new FormData(form));
    fetch(url, { method: 'POST', body: body, credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, json: j }; }); })
      .then(function (r) {
        if (status) {
          status.textContent = r.ok ? (document.documentElement.lang === 'en' ? 'Draft saved ' : '草稿已自动保存 ') + new Date().toLocaleTimeString()
                                    : (document.documentElement.lang === 'en' ? 'Not saved: check the fields' : '未能保存：请检查填写内容');
          status.setAttribute('data-saved', r.ok ? 'true' : 'false');
        }
      })
      .catch(function () { if (status) { status.textContent = ''; } });
  }
  form.addEventListener('input', function () {
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(save, 800);
  });
})();
