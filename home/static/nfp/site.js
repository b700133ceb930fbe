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
    // Copy buttons: <button data-copy="#id"> copies a field's value, a list as lines (an
    // ordered one numbered), or any other element's text; data-copied is said after copying.
    function textToCopy(element) {
        if (element.tagName === "INPUT" || element.tagName === "TEXTAREA") {
            return element.value;
        }
        if (element.tagName === "OL" || element.tagName === "UL") {
            // One line per item; an ordered list keeps its numbers unless data-copy-plain.
            var numbered = element.tagName === "OL" && !element.hasAttribute("data-copy-plain");
            return Array.prototype.map.call(element.children, function (item, index) {
                var text = item.innerText.trim();
                return numbered ? (item.value || index + 1) + ". " + text : text;
            }).join("\n");
        }
        return element.innerText.trim();
    }
    document.querySelectorAll("button[data-copy]").forEach(function (button) {
        var source = document.querySelector(button.getAttribute("data-copy"));
        if (!source || !navigator.clipboard) { return; }  // stays hidden: nothing to offer
        button.hidden = false;
        var status = document.createElement("span");
        status.className = "copy-status";
        status.setAttribute("role", "status");
        button.insertAdjacentElement("afterend", status);
        button.addEventListener("click", function () {
            status.textContent = "";
            navigator.clipboard.writeText(textToCopy(source)).then(function () {
                status.textContent = button.getAttribute("data-copied") || "";
            });
        });
    });
    // Print buttons: <button data-print> prints the page.
    document.querySelectorAll("button[data-print]").forEach(function (button) {
        button.hidden = false;
        button.addEventListener("click", function () { window.print(); });
    });
}());
