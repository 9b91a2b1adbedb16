// Live meter on the voting page: how many projects are ticked, how many points are
// given, and what the chosen projects cost against the pool's budget. The page works
// without it; the server checks every limit. The text comes from the page, so it is
// in the reader's language, and the meter is announced politely to screen readers.
(function () {
  'use strict';
  function money(grosze) {
    var zl = Math.floor(grosze / 100);
    return String(zl).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0') + '\u00a0zł';
  }
  function fill(template, values) {
    return template.replace(/%(\w+)/g, function (_, k) { return values[k]; });
  }
  document.querySelectorAll('form[data-ballot]').forEach(function (form) {
    var out = form.querySelector('output.meter');
    if (!out) return;
    var kind = form.dataset.ballot;
    var max = Number(form.dataset.max || 0);
    var budget = Number(form.dataset.budget || 0);
    function update() {
      var chosen = 0, points = 0, cost = 0;
      form.querySelectorAll('[data-cost]').forEach(function (el) {
        var c = Number(el.dataset.cost);
        if (el.type === 'checkbox' || el.type === 'radio') {
          if (el.checked) { chosen += 1; cost += c; }
        } else if (el.type === 'number') {
          var n = Math.max(0, Number(el.value) || 0);
          if (n > 0) { chosen += 1; cost += c; points += n; }
        } else if (el.tagName === 'SELECT') {
          var opt = el.options[el.selectedIndex];
          if (opt && opt.value) { chosen += 1; cost += Number(opt.dataset.cost || 0); }
        }
      });
      var text = kind === 'points'
        ? fill(form.dataset.meterPoints, { n: points, max: max })
        : fill(form.dataset.meterProjects, { n: chosen, max: max });
      text += ' · ' + fill(form.dataset.meterMoney, { cost: money(cost), budget: money(budget) });
      out.textContent = text;
      var over = kind === 'points' ? points > max : chosen > max;
      out.classList.toggle('over', over);
    }
    form.addEventListener('input', update);
    form.addEventListener('change', update);
    out.hidden = false;
    update();
  });
})();
