/**
 * The dashboard's one script, served from /assets/dashboard.js (no inline script anywhere: the
 * pages' Content-Security-Policy allows scripts from the dashboard itself only). It draws the
 * charts from the numbers in their canvas's data attributes and wires the print button. Every
 * page works without it, except that the chart stays empty.
 */
export const CLIENT_SCRIPT = `
(function () {
  'use strict';
  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    if (typeof Chart === 'undefined') return;
    var labels = JSON.parse(canvas.getAttribute('data-labels') || '[]');
    var values = JSON.parse(canvas.getAttribute('data-values') || '[]');
    new Chart(canvas, {
      type: 'bar',
      data: { labels: labels, datasets: [{ label: canvas.getAttribute('data-label') || '', data: values, backgroundColor: '#1f5fbf' }] },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } }, x: { ticks: { maxRotation: 0, autoSkip: true } } }
      }
    });
    canvas.setAttribute('data-drawn', 'true');
  });
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
  });
})();
`;
