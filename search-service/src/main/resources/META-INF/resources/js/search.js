// Search page: the URL query string is the state (q, facet filters, sort); results, facets and charts follow it.
'use strict';

(() => {
  const params = () => new URLSearchParams(location.search);
  const $ = id => document.getElementById(id);
  const STATUS_COLORS = { compliant: '#2e8b47', warnings: '#d49b00', noncompliant: '#b42323' };

  function apiQuery(p, extra) {
    const q = new URLSearchParams(p);
    Object.entries(extra || {}).forEach(([k, v]) => q.set(k, v));
    return q.toString();
  }

  function toggle(facet, value) {
    const p = params();
    const values = p.getAll(facet);
    p.delete(facet);
    if (values.includes(value)) {
      values.filter(v => v !== value).forEach(v => p.append(facet, v));
    } else {
      values.concat([value]).forEach(v => p.append(facet, v));
    }
    navigate(p);
  }

  function navigate(p) {
    history.pushState(null, '', '?' + p.toString());
    load();
  }

  function renderFacets(facets, p) {
    const html = NB.FACETS.map(([key, title]) => {
      const values = facets[key] || [];
      const active = p.getAll(key);
      if (!values.length && !active.length) return '';
      const items = values.map(f => {
        const on = active.includes(f.value);
        return `<li><a href="#" class="${on ? 'active' : ''}" data-facet="${NB.esc(key)}" data-value="${NB.esc(f.value)}"
          title="${on ? '再次点击取消筛选' : '点击筛选'}"><span>${NB.esc(NB.valueLabel(key, f.value))}</span><span class="n">${f.count}</span></a></li>`;
      }).join('');
      return `<div class="facet" data-facet="${NB.esc(key)}"><h3>${NB.esc(title)}</h3><ul>${items}</ul></div>`;
    }).join('');
    $('facet-list').innerHTML = html || '<div class="empty">暂无可筛选项</div>';
    $('facet-list').querySelectorAll('a[data-facet]').forEach(a => a.addEventListener('click', e => {
      e.preventDefault();
      toggle(a.dataset.facet, a.dataset.value);
    }));
  }

  function renderActive(p) {
    const chips = [];
    NB.FACETS.forEach(([key, title]) => p.getAll(key).forEach(v =>
      chips.push(`<span class="chip">${NB.esc(title)}：${NB.esc(NB.valueLabel(key, v))}</span>`)));
    $('active-filters').innerHTML = chips.length ? ' ' + chips.join('') : '';
  }

  function hitHtml(h) {
    const title = h.titleHighlight || NB.esc(h.title || h.id);
    const snippets = (h.highlights || []).map(s => `<p class="snippet">…${s}…</p>`).join('');
    const counts = h.counts.error || h.counts.warning
      ? `<span>错误 ${h.counts.error} 项，警告 ${h.counts.warning} 项</span>` : '<span>未发现问题</span>';
    return `<li class="hit" data-id="${NB.esc(h.id)}">
      <h3><a href="report.html?id=${encodeURIComponent(h.id)}">${title}</a>${NB.badge(h.status)}${h.late ? '<span class="badge late">逾期</span>' : ''}</h3>
      <div class="meta"><span>${NB.esc(h.agency || '')}</span><span>${h.year ?? ''}年度</span>
        <span>${NB.esc(NB.region(h))}</span><span>发布于 ${NB.esc(h.publishedAt || '未知')}</span>
        <span>${NB.esc(NB.valueLabel('formatVersion', h.formatVersion || ''))}</span>${counts}</div>
      ${snippets}</li>`;
  }

  let next = null;

  async function load(append) {
    const p = params();
    $('q').value = p.get('q') || '';
    $('sort').value = p.get('sort') || '';
    $('export').href = 'api/export.csv?' + apiQuery(p);
    const query = apiQuery(p, append && next ? { after: next, size: 20 } : { size: 20 });
    try {
      const result = await NB.getJson('api/search?' + query);
      next = result.next;
      $('total').textContent = `共 ${result.total.toLocaleString('zh-CN')} 份报告`;
      const html = result.hits.map(hitHtml).join('');
      if (append) {
        $('results').insertAdjacentHTML('beforeend', html);
      } else {
        $('results').innerHTML = html || '<li class="empty">没有找到符合条件的报告。</li>';
        renderFacets(result.facets, p);
        renderActive(p);
        loadCharts(p);
      }
      $('more').hidden = !next;
    } catch (err) {
      $('results').innerHTML = `<li class="empty">检索失败：${NB.esc(err.message)}</li>`;
    }
  }

  async function loadCharts(p) {
    const stats = await NB.getJson('api/stats?' + apiQuery(p));
    $('chart-status').innerHTML = statusChart(stats.statusByYear);
    $('chart-late').innerHTML = lateChart(stats.lateByCounty);
  }

  function statusChart(rows) {
    if (!rows.length) return '<div class="empty">暂无数据</div>';
    const w = 460, h = 200, left = 34, bottom = 24, max = Math.max(...rows.map(r => r.total));
    const bw = Math.min(40, (w - left) / rows.length - 6);
    let bars = '';
    rows.forEach((r, i) => {
      let y = h - bottom;
      const x = left + i * ((w - left) / rows.length) + 3;
      ['compliant', 'warnings', 'noncompliant'].forEach(s => {
        const n = r.byStatus[s] || 0;
        if (!n) return;
        const bh = (h - bottom - 10) * n / max;
        y -= bh;
        bars += `<rect x="${x}" y="${y}" width="${bw}" height="${bh}" fill="${STATUS_COLORS[s]}"><title>${r.year}年 ${NB.valueLabel('status', s)} ${n} 份</title></rect>`;
      });
      bars += `<text x="${x + bw / 2}" y="${h - 8}" text-anchor="middle">${r.year}</text>`;
      bars += `<text x="${x + bw / 2}" y="${y - 2}" text-anchor="middle">${r.total}</text>`;
    });
    const legend = ['compliant', 'warnings', 'noncompliant'].map(s =>
      `<span><i style="background:${STATUS_COLORS[s]}"></i>${NB.valueLabel('status', s)}</span>`).join('');
    return `<svg viewBox="0 0 ${w} ${h}" width="100%" role="img" aria-label="各年度报告合规情况">
      <line x1="${left - 4}" y1="${h - bottom}" x2="${w}" y2="${h - bottom}" stroke="#999"/>${bars}</svg><div class="legend">${legend}</div>`;
  }

  function lateChart(rows) {
    if (!rows.length) return '<div class="empty">当前条件下没有逾期发布的报告</div>';
    const top = rows.slice(0, 12), w = 460, rowH = 22, left = 110, h = top.length * rowH + 6;
    const max = Math.max(...top.map(r => r.late));
    const bars = top.map((r, i) => {
      const bw = (w - left - 40) * r.late / max, y = i * rowH + 3;
      return `<text x="${left - 6}" y="${y + 14}" text-anchor="end">${NB.esc(r.county)}</text>
        <rect x="${left}" y="${y + 2}" width="${bw}" height="${rowH - 6}" fill="#6a3fb0"><title>${NB.esc(r.county)}：逾期 ${r.late} 份 / 共 ${r.total} 份</title></rect>
        <text x="${left + bw + 4}" y="${y + 14}">${r.late}</text>`;
    }).join('');
    return `<svg viewBox="0 0 ${w} ${h}" width="100%" role="img" aria-label="逾期发布报告（按区县）">${bars}</svg>`;
  }

  $('search-form').addEventListener('submit', e => {
    e.preventDefault();
    const p = params();
    p.delete('after');
    const q = $('q').value.trim();
    if (q) p.set('q', q); else p.delete('q');
    const sort = $('sort').value;
    if (sort) p.set('sort', sort); else p.delete('sort');
    navigate(p);
  });
  $('more').addEventListener('click', () => load(true));
  window.addEventListener('popstate', () => load());
  load();
})();
