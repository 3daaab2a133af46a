/* The header, once JavaScript runs: the section menu folds behind its button on narrow
   screens (without JavaScript it stays open, see portal.css), and the language menu
   closes on Escape, returning the focus to its button, or on a click elsewhere. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function openMenus() {
    return document.querySelectorAll("details.language-menu[open]");
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") {
      return;
    }
    openMenus().forEach(function (menu) {
      menu.open = false;
      if (menu.contains(document.activeElement)) {
        menu.querySelector("summary").focus();
      }
    });
  });

  document.addEventListener("click", function (event) {
    openMenus().forEach(function (menu) {
      if (!menu.contains(event.target)) {
        menu.open = false;
      }
    });
  });
}());
