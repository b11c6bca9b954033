// The browser's own share sheet where it has one (Web Share API); the links beside it work without this.
(() => {
  if (typeof navigator.share !== "function") return;
  for (const button of document.querySelectorAll("button.share-native")) {
    button.hidden = false;
    button.addEventListener("click", () => {
      navigator
        .share({ title: button.dataset.title || document.title, text: button.dataset.text || "", url: button.dataset.url || location.href })
        .catch(() => {});
    });
  }
})();
