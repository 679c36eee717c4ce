// Year-over-year view of one agency: key figures per year with the change against the previous report.
'use strict';

(() => {
  const $ = id => document.getElementById(id);
  const key = new URLSearchParams(location.search).get('key');
  const MAIN = ['s3.new.total', 's3.carried_in.total', 's3.granted.total', 's3.partial.total', 's3.processed_total.total',
    's3.carried_out.total', 's4.review.total', 's4.suit_direct.total', 's4.suit_after_review.total',
    's2.normative.issued', 's2.normative.in_force', 's2.licensing.decisions', 's2.penalty.decisions', 's2.fees.amount'];
  let data = null, labels = {};

  function render() {
    const all = $('show-all').checked;
    const keys = all ? Object.keys(labels).filter(k => data.years.some(y => y.cells && y.cells[k] !== undefined)) : MAIN;
    const head = `<tr><th>指标</th>${data.years.map(y => `<th class="num"><a href="report.html?id=${encodeURIComponent(y.reportId)}">${y.year}年</a><br>${NB.badge(y.status)}</th>`).join('')}</tr>`;
    const rows = keys.map(k => {
      let prev = null;
      const cells = data.years.map(y => {
        const v = y.cells ? y.cells[k] : undefined;
        let delta = '';
        if (typeof v === 'number' && typeof prev === 'number' && v !== prev) {
          const d = Math.round((v - prev) * 1e6) / 1e6;
          delta = ` <span class="${d > 0 ? 'delta-up' : 'delta-down'}">(${d > 0 ? '+' : ''}${NB.num(d)})</span>`;
        }
        if (typeof v === 'number') prev = v;
        return `<td class="num" data-key="${NB.esc(k)}">${v === undefined ? '—' : v === null ? '空' : NB.num(v)}${delta}</td>`;
      }).join('');
      return `<tr><td>${NB.esc(labels[k] || k)}</td>${cells}</tr>`;
    }).join('');
    $('years').innerHTML = `<table class="plain">${head}${rows}</table>`;
  }

  async function load() {
    if (!key) { $('years').innerHTML = '<div class="empty">缺少机关。</div>'; return; }
    try {
      const [years, catalogue] = await Promise.all([
        NB.getJson('api/agencies/' + encodeURIComponent(key) + '/years'), NB.getJson('api/catalogue')]);
      data = years;
      catalogue.forEach(c => { labels[c.key] = c.label; });
      $('agency-title').textContent = `${years.agency || key} · 历年对比`;
      document.title = `${years.agency || key} 历年对比`;
      render();
    } catch (err) {
      $('years').innerHTML = `<div class="empty">无法加载：${NB.esc(err.message)}</div>`;
    }
  }
  $('show-all').addEventListener('change', () => data && render());
  load();
})();
