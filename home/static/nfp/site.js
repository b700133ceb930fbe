/* Progressive enhancements, loaded from our own origin (the CSP allows no inline script).
   The site works without them. */
(function () {
    "use strict";
    // A banner or an error summary just shown takes focus, so that keyboard and screen
    // reader users hear it first (the error summary before the banners).
    var target = document.querySelector(".error-summary[data-takes-focus]") ||
        document.querySelector("[data-takes-focus]");
    if (target) {
        target.focus();
    }
    // Copy buttons: <button data-copy="#id-of-a-field"> copies the field's value.
    document.querySelectorAll("button[data-copy]").forEach(function (button) {
        button.hidden = false;
        button.addEventListener("click", function () {
            var field = document.querySelector(button.getAttribute("data-copy"));
            if (!field || !navigator.clipboard) { return; }
            navigator.clipboard.writeText(field.value || field.textContent).then(function () {
                var done = button.getAttribute("data-copied");
                if (done) { button.textContent = done; }
            });
        });
    });
    // Print buttons: <button data-print> prints the page.
    document.querySelectorAll("button[data-print]").forEach(function (button) {
        button.hidden = false;
        button.addEventListener("click", function () { window.print(); });
    });
}());
