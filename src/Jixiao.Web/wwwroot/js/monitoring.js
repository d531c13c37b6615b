// Live lights of a monitoring form while the filler types. After a short pause the form is posted, unsaved,
// to its Lights handler; the server computes the lights and their reasons with the same rules as a save
// (MonitoringAssessor: one truth, no copy of the rules here) and this script only shows the answer.
// While input is not saved, the state changes (which act on the saved version) wait and a notice says so.
(function () {
  "use strict";
  var form = document.querySelector("form#monitoring-form[data-live]");
  if (!form || !window.fetch || form.getAttribute("data-readonly") === "true") { return; }
  var status = document.getElementById("live-status");
  var zh = (document.documentElement.lang || "zh").indexOf("zh") === 0;
  var timer = null;
  var sent = 0;

  function byId(id) { return document.getElementById(id); }
  function set(el, value) { if (el) { el.textContent = value === null || value === undefined ? "" : String(value); } }
  function percent(d) { return d === null || d === undefined ? "" : Number(d).toFixed(2) + "%"; }
  function light(el, view) {
    if (!el) { return; }
    if (view) { el.setAttribute("data-light", view.light); } else { el.removeAttribute("data-light"); }
    set(el, view ? view.label : "—");
  }

  function list(ul, items, render) {
    if (!ul) { return; }
    ul.replaceChildren();
    items.forEach(function (item) { ul.appendChild(render(item)); });
  }

  function entry(code, text, cls) {
    var li = document.createElement("li");
    if (cls) { li.className = cls; }
    var c = document.createElement("code");
    c.textContent = code;
    li.appendChild(c);
    li.appendChild(document.createTextNode(" " + text));
    return li;
  }

  function update(answer) {
    light(byId("form-light"), answer.form);
    set(byId("form-reason"), answer.form ? answer.form.reason : (zh ? "填写预算数和执行数后显示红绿灯" : "Lights show once the budget and the executed amount are entered"));
    light(byId("budget-light"), answer.budget);
    set(byId("budget-reason"), answer.budget ? answer.budget.reason : "");
    set(byId("budget-rate"), answer.budget ? percent(answer.budget.rate) : "");
    set(byId("time-progress"), answer.budget ? percent(answer.budget.timeProgress) : "");
    answer.indicators.forEach(function (view, i) {
      var row = form.querySelector("tr[data-row='" + i + "']");
      if (!row) { return; }
      light(row.querySelector(".light"), view);
      set(row.querySelector(".light-reason"), view ? view.reason : "");
    });
    list(byId("findings"), answer.findings, function (f) {
      return entry(f.code, (f.indicator ? "[" + f.indicator + "] " : "") + f.message, "sev-" + f.severity);
    });
    var none = byId("no-findings");
    if (none) { none.hidden = answer.findings.length > 0; }
    list(byId("problems"), answer.problems, function (p) {
      var li = entry(p.field, p.message);
      li.setAttribute("data-field", p.field);
      return li;
    });
    var box = byId("problems-box");
    if (box) { box.hidden = answer.problems.length === 0; }
  }

  function refresh() {
    var mine = ++sent;
    set(status, zh ? "计算中…" : "computing…");
    fetch(form.getAttribute("data-live"), { method: "POST", body: new FormData(form), credentials: "same-origin" })
      .then(function (response) { if (!response.ok) { throw new Error(String(response.status)); } return response.json(); })
      .then(function (answer) {
        if (mine !== sent) { return; } // a later answer is on its way
        update(answer);
        set(status, zh ? "已按当前输入更新（未保存）" : "up to date (not saved)");
        form.setAttribute("data-live-done", String(mine));
      })
      .catch(function () { if (mine === sent) { set(status, zh ? "暂时无法计算，保存时仍会检查" : "could not compute now; saving checks again"); } });
  }

  function later() {
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 300);
  }

  var dirty = false;
  function mark() {
    if (dirty) { return; }
    dirty = true;
    var notice = byId("unsaved");
    if (notice) { notice.hidden = false; }
    document.querySelectorAll(".transitions form.transition button").forEach(function (button) { button.disabled = true; });
  }

  if (byId("conflict")) { mark(); }
  form.addEventListener("input", function () { mark(); later(); });
  form.addEventListener("change", function () { mark(); later(); });
  form.addEventListener("submit", function () { dirty = false; });
  window.addEventListener("beforeunload", function (e) {
    if (dirty) {
      e.preventDefault();
      e.returnValue = "";
    }
  });
})();
