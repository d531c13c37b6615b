// The indicator table of the draft editor (/drafts/{id}) edited in the page: 添加指标, 上移, 下移 and 删除
// change the rows at once and renumber them (the names Input.Indicators[i].… the server binds), and nothing
// is saved until 保存. Without this script each of those buttons posts the form to its row handler, which
// applies the change and saves. After a change the live review (js/live.js) runs on the new order.
(function () {
  "use strict";
  var form = document.getElementById("draft-form");
  var body = form ? form.querySelector("#indicators tbody") : null;
  var template = document.getElementById("indicator-row");
  if (!body || !template || !template.content) { return; }

  var field = /^Input\.Indicators\[[^\]]*\]\./;

  function rows() { return Array.prototype.slice.call(body.children); }

  function renumber() {
    var all = rows();
    all.forEach(function (row, r) {
      row.querySelectorAll("[name^='Input.Indicators[']").forEach(function (el) {
        var name = el.name.replace(field, "");
        el.name = "Input.Indicators[" + r + "]." + name;
        el.id = "Input_Indicators_" + r + "__" + name;
      });
      var understood = row.querySelector(".understood");
      if (understood) { understood.setAttribute("data-row", String(r)); }
      row.querySelectorAll("[data-row-op]").forEach(function (button) {
        button.setAttribute("formaction", button.getAttribute("formaction").replace(/([?&]index=)[^&]*/, "$1" + r));
        var op = button.getAttribute("data-row-op");
        if (op === "up") { button.disabled = r === 0; }
        if (op === "down") { button.disabled = r === all.length - 1; }
      });
    });
    // The rule catalogue and what each target means, for the rows as they are now.
    form.dispatchEvent(new Event("change", { bubbles: true }));
  }

  // A new row under the last row's 一级 and 二级, as the server's 添加指标 does.
  function add() {
    var row = template.content.firstElementChild.cloneNode(true);
    var last = body.lastElementChild;
    var level1 = row.querySelector("[data-library=level1]"), level2 = row.querySelector("[data-library=level2]");
    if (last) {
      level1.value = last.querySelector("[data-library=level1]").value;
      level2.value = last.querySelector("[data-library=level2]").value;
    }
    level2.setAttribute("list", "level2-" + level1.value);
    body.appendChild(row);
    renumber();
    row.querySelector(level2.value ? "[data-library=name]" : "[data-library=level2]").focus();
  }

  form.addEventListener("click", function (e) {
    var button = e.target.closest ? e.target.closest("[data-row-op]") : null;
    if (!button || !form.contains(button)) { return; }
    e.preventDefault();
    var op = button.getAttribute("data-row-op");
    var row = button.closest("tr");
    if (op === "add") {
      add();
      return;
    }
    if (op === "remove") {
      row.remove();
    } else if (op === "up" && row.previousElementSibling) {
      body.insertBefore(row, row.previousElementSibling);
    } else if (op === "down" && row.nextElementSibling) {
      body.insertBefore(row.nextElementSibling, row);
    }
    renumber();
    var focus = op === "remove" ? null : row.querySelector("[data-row-op=" + op + "]:not([disabled])");
    if (focus) { focus.focus(); }
  });
})();
