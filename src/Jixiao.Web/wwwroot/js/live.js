// Live review of a draft while the user types. The form marked data-live is posted, unsaved, to its
// preview handler after a short pause; the answer (computed on the server by the same rules and scorer as a
// save) updates the rule checks, what each target was understood as, and for a self-evaluation every score
// with its explanation, the weights, the total and the grade. Numbers arrive formatted: no arithmetic here.
(function () {
  "use strict";
  var form = document.querySelector("form[data-live]");
  if (!form || !window.fetch) { return; }
  var status = document.getElementById("live-status");
  var zh = (document.documentElement.lang || "zh").indexOf("zh") === 0;
  var timer = null;
  var sent = 0;

  function set(el, value) { if (el) { el.textContent = value === null || value === undefined ? "" : String(value); } }
  function byId(id) { return document.getElementById(id); }

  function findings(list) {
    var ul = byId("findings");
    if (!ul) { return; }
    ul.replaceChildren();
    list.forEach(function (f) {
      var li = document.createElement("li");
      li.className = "sev-" + f.severity;
      var code = document.createElement("code");
      code.textContent = f.code;
      li.appendChild(code);
      li.appendChild(document.createTextNode(" " + (f.indicator ? "[" + f.indicator + "] " : "") + f.message));
      ul.appendChild(li);
    });
    var none = byId("no-findings");
    if (none) { none.hidden = list.length > 0; }
  }

  function scores(s) {
    set(byId("budget-rate"), s.budget && s.budget.rate !== null ? s.budget.rate + "%" : "");
    set(byId("budget-score"), s.budget ? s.budget.score : "");
    set(byId("budget-explanation"), s.budget ? s.budget.explanation : "");
    s.rows.forEach(function (r, i) {
      var row = form.querySelector("tr[data-row='" + i + "']");
      if (!row) { return; }
      set(row.querySelector(".score"), r.score);
      set(row.querySelector(".explain"), r.explanation);
      row.classList.toggle("below-weight", r.below === true);
      var manual = row.querySelector(".manual-score");
      if (manual && form.getAttribute("data-readonly") !== "true") { manual.disabled = r.auto; manual.hidden = r.auto; }
    });
    set(byId("weight-total"), s.weights);
    set(byId("total"), s.total);
    set(byId("grade"), s.grade);
    set(byId("total-explanation"), s.totalText);
    set(byId("grade-explanation"), s.gradeText);
  }

  function update(answer) {
    findings(answer.findings);
    answer.understood.forEach(function (u, i) {
      set(form.querySelector(".understood[data-row='" + i + "'] .understood-text"), u);
    });
    if (answer.score) { scores(answer.score); }
  }

  function review() {
    var mine = ++sent;
    set(status, zh ? "检查中…" : "checking…");
    fetch(form.getAttribute("data-live"), { method: "POST", body: new FormData(form), credentials: "same-origin" })
      .then(function (response) { if (!response.ok) { throw new Error(String(response.status)); } return response.json(); })
      .then(function (answer) {
        if (mine !== sent) { return; } // a later review is on its way
        update(answer);
        set(status, zh ? "已按当前输入更新" : "up to date");
        form.setAttribute("data-live-done", String(mine));
      })
      .catch(function () { if (mine === sent) { set(status, zh ? "暂时无法检查，保存时仍会检查" : "could not check now; saving checks again"); } });
  }

  function later() {
    window.clearTimeout(timer);
    timer = window.setTimeout(review, 300);
  }

  form.addEventListener("input", later);
  form.addEventListener("change", later);
})();
