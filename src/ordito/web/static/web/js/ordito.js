/*
 * After htmx swaps a list's rows in place, tell screen readers how many results there are now,
 * and, when a page link was followed (and so removed from the page), move focus to the summary
 * so keyboard users go on from the new rows.
 */
document.addEventListener("htmx:afterSettle", (event) => {
  const summary = event.detail.target.querySelector("[data-result-summary]");
  const status = document.querySelector("[data-results-status]");
  if (!summary || !status) {
    return;
  }
  status.textContent = summary.textContent.replace(/\s+/g, " ").trim();
  if (event.detail.requestConfig && event.detail.requestConfig.elt.closest(".pagination")) {
    summary.focus();
  }
});
