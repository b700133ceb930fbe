// Issue 15: leaving a form with unsaved input (the language switcher, a link, closing the
// tab) asks first. Progressive enhancement: without JavaScript the page works as before.
// A form opts out with data-no-unsaved-warning (search and filter forms lose nothing).
(function () {
  "use strict";
  var changed = new Set();

  function watched(form) {
    return form && form.method.toLowerCase() === "post" && !form.hasAttribute("data-no-unsaved-warning");
  }

  document.addEventListener("input", function (event) {
    var form = event.target.form;
    if (watched(form)) {
      changed.add(form);
    }
  });

  document.addEventListener("submit", function (event) {
    changed.delete(event.target);
    changed.clear();
  });

  window.addEventListener("beforeunload", function (event) {
    if (changed.size > 0) {
      event.preventDefault();
      event.returnValue = "";  // older browsers need a value to show their own warning
    }
  });
})();
