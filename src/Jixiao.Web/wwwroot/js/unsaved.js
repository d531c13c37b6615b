// Unsaved input on a draft editor. State changes (提交审核 …) act on the saved version, so while the form
// holds changes that are not saved they are disabled and a notice says to save first; leaving the page
// then asks before the input is lost. Saving (any submit of the form) ends it.
(function () {
  "use strict";
  var form = document.querySelector("form[data-live]");
  // data-readonly is "true" or "false": a tag-helper form (asp-page) keeps an attribute whose value is null, as "".
  if (!form || form.getAttribute("data-readonly") === "true") { return; }
  var notice = document.getElementById("unsaved");
  var dirty = false;

  function mark() {
    if (dirty) { return; }
    dirty = true;
    if (notice) { notice.hidden = false; }
    document.querySelectorAll(".transitions form.transition button").forEach(function (button) { button.disabled = true; });
  }

  // After a refused (stale) save the form holds input that is not saved.
  if (document.getElementById("conflict")) { mark(); }

  form.addEventListener("input", mark);
  form.addEventListener("change", mark);
  form.addEventListener("submit", function () { dirty = false; });
  window.addEventListener("beforeunload", function (e) {
    if (dirty) {
      e.preventDefault();
      e.returnValue = "";
    }
  });
})();
