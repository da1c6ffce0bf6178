// 打印 links (class fz-print-button) open the browser's print dialog; print.css lays the page out.
// Without JavaScript the link opens the page's PDF instead, which prints just as well.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a[data-fz-print]");
  if (link) {
    event.preventDefault();
    window.print();
  }
});
