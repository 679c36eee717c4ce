// Report page: tables 二/三/四 laid out as printed, cells named by findings highlighted and explained beside them.
'use strict';

(() => {
  const $ = id => document.getElementById(id);
  const id = new URLSearchParams(location.search).get('id');
  $('back').addEventListener('click', e => { e.preventDefault(); history.back(); });

  function facts(r) {
    const rows = [
      ['机关', NB.esc(r.agency || '未识别')],
      ['地区', NB.esc(NB.region(r) || '未识别')],
      ['层级 / 类型', NB.esc([NB.valueLabel('agencyLevel', r.agencyLevel || ''), NB.valueLabel('agencyKind', r.agencyKind || '')].filter(Boolean).join(' / ') || '未识别')],
      ['报告年度', r.year ? `${r.year}年` : '未识别'],
      ['发布日期', NB.esc(r.publishedAt || '未知') + (r.late ? ' <span class="badge late">逾期</span>' : '')],
      ['法定期限', NB.esc(r.deadline || '—')],
      ['格式版本', NB.esc(NB.valueLabel('formatVersion', r.formatVersion || '') || '未识别')],
      ['核查时间', NB.esc(r.validatedAt || '')],
      ['原文', r.originalUrl ? `<a id="original-link" href="${NB.esc(r.originalUrl)}">查看存档原件</a>` : '—'],
      ['来源网页', r.sourceUrl ? `<a href="${NB.esc(r.sourceUrl)}" rel="noopener noreferrer" target="_blank">${NB.esc(r.sourceUrl)}</a>` : '—'],
    ];
    const agencyLink = r.agencyKey
      ? `<a class="button secondary" id="agency-link" href="agency.html?key=${encodeURIComponent(r.agencyKey)}">该机关历年对比</a>` : '';
    return `<h2 style="border:0;font-size:1.2rem">${NB.esc(r.title || r.id)}${NB.badge(r.status)}</h2>
      <dl class="facts">${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>
      <p class="meta">错误 ${r.counts.error} 项 · 警告 ${r.counts.warning} 项 · 提示 ${r.counts.info} 项　${agencyLink}</p>`;
  }

  function severityOf(findings, indexes) {
    const severities = indexes.map(i => findings[i].severity);
    return severities.includes('error') ? 'error' : severities.includes('warning') ? 'warning' : 'info';
  }

  function cellHtml(cell, findings) {
    const blank = cell.value === null || cell.value === undefined;
    const classes = ['num'];
    if (blank) classes.push('blank');
    let marks = '', title = NB.esc(cell.label) + (cell.raw ? `（原文：${NB.esc(cell.raw)}）` : '');
    if (cell.findings.length) {
      classes.push('flagged', severityOf(findings, cell.findings));
      marks = cell.findings.map(i => `<sup>${i + 1}</sup>`).join('');
      title += '\n' + cell.findings.map(i => `[${i + 1}] ${findings[i].message}`).join('\n');
    }
    return `<td class="${classes.join(' ')}" data-key="${NB.esc(cell.key)}" data-findings="${cell.findings.join(',')}"
      title="${title}">${blank ? '空' : NB.num(cell.value)}${marks}</td>`;
  }

  function tablesHtml(r) {
    if (!r.tables.length) {
      return '<div class="card"><h2>统计表格</h2><div class="empty">该报告不是 2019/2021 统一格式，没有标准表格。</div></div>';
    }
    const titles = { '二': '二、主动公开政府信息情况', '三': '三、收到和处理政府信息公开申请情况', '四': '四、政府信息公开行政复议、行政诉讼情况' };
    let html = '', current = null;
    r.tables.forEach(t => {
      if (t.section !== current) {
        if (current) html += '</div></div>';
        html += `<div class="card" data-section="${NB.esc(t.section)}"><h2>${NB.esc(titles[t.section] || t.section)}</h2><div class="table-scroll">`;
        current = t.section;
      }
      const head = `<tr><th>${t.section === '二' ? '信息内容' : t.section === '三' ? '申请情况' : '类别'}</th>${t.columns.map(c => `<th>${NB.esc(c)}</th>`).join('')}</tr>`;
      const rows = t.rows.map(row => `<tr><th scope="row" style="text-align:left;font-weight:normal">${NB.esc(row.label)}</th>${row.cells.map(c => cellHtml(c, r.findings)).join('')}</tr>`).join('');
      html += `<table class="cells"><caption>${NB.esc(t.section === '二' ? t.title : '')}</caption>${head}${rows}</table>`;
    });
    return html + '</div></div>';
  }

  function findingsHtml(r) {
    if (!r.findings.length) return '<li class="empty">未发现问题。</li>';
    return r.findings.map(f => `<li id="finding-${f.index}" class="${NB.esc(f.severity)}" data-code="${NB.esc(f.code)}">
      <div><strong>[${f.index + 1}] ${NB.esc(NB.SEVERITY[f.severity] || f.severity)}</strong>
        <span class="code">${NB.esc(f.code)}</span> ${NB.esc(NB.RULES[f.code] || '')}</div>
      <div>${NB.esc(f.message)}</div>
      ${f.expected !== null || f.actual !== null ? `<div class="meta">应为 ${NB.esc(NB.num(f.expected) || '—')}，实为 ${NB.esc(NB.num(f.actual) || '空')}</div>` : ''}
      ${f.cellLabels.length ? `<div class="meta">涉及：${f.cellLabels.map(NB.esc).join('；')}</div>` : ''}
      ${f.span ? `<div class="meta">原文：“${NB.esc(f.span)}”</div>` : ''}</li>`).join('');
  }

  function parseWarningsHtml(r) {
    return r.parseWarnings.map(w => `<li data-code="${NB.esc(w.code)}"><span class="code">${NB.esc(w.code)}</span>
      ${NB.esc(w.message)}${w.cells.length ? `<div class="meta">${w.cells.length} 个单元格</div>` : ''}</li>`).join('');
  }

  function sectionsHtml(r) {
    if (!r.sections.length) return '<div class="empty">无正文。</div>';
    return r.sections.map(s => `<details class="section" ${s.number === 1 ? 'open' : ''}>
      <summary>${NB.esc(s.heading || (s.number === 0 ? '前言' : `第${s.number}部分`))}</summary>
      <div class="section-text">${NB.esc(s.text)}</div></details>`).join('');
  }

  function historyHtml(r) {
    if (!r.history.length) return '<div class="empty">无版本记录。</div>';
    return `<table class="plain"><tr><th>版本</th><th>抓取时间</th><th>核查时间</th><th>SHA-256</th><th>原件</th></tr>${r.history.map(v =>
      `<tr><td>${v.version}</td><td>${NB.esc(v.fetchedAt || '')}</td><td>${NB.esc(v.validatedAt || '')}</td>
       <td class="mono">${NB.esc(v.sha256 || '')}</td><td>${v.originalUrl ? `<a href="${NB.esc(v.originalUrl)}">下载</a>` : ''}</td></tr>`).join('')}</table>`
      + (r.history.length > 1 ? '<p class="meta">该报告发布后有多个版本（可能被修改过）。</p>' : '');
  }

  function otherCellsHtml(r) {
    return `<table class="plain"><tr><th>指标</th><th class="num">数值</th></tr>${r.otherCells.map(c =>
      `<tr><td>${NB.esc(c.label)}</td><td class="num">${c.value === null ? '空' : NB.num(c.value)}</td></tr>`).join('')}</table>`;
  }

  function focus(indexes) {
    document.querySelectorAll('ol.findings li.focus').forEach(li => li.classList.remove('focus'));
    indexes.forEach((i, n) => {
      const li = $('finding-' + i);
      if (!li) return;
      li.classList.add('focus');
      if (n === 0) li.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    });
  }

  async function load() {
    if (!id) { $('head').innerHTML = '<div class="empty">缺少报告编号。</div>'; return; }
    try {
      const r = await NB.getJson('api/reports/' + encodeURIComponent(id));
      document.title = (r.title || r.id) + ' - 年度报告详情';
      $('head').innerHTML = facts(r);
      $('tables').innerHTML = tablesHtml(r);
      $('findings').innerHTML = findingsHtml(r);
      $('sections').innerHTML = sectionsHtml(r);
      $('history').innerHTML = historyHtml(r);
      if (r.parseWarnings.length) { $('parse-warnings').hidden = false; $('parse-warnings-list').innerHTML = parseWarningsHtml(r); }
      if (r.otherCells.length) { $('other-cells').hidden = false; $('other-cells-body').innerHTML = otherCellsHtml(r); }
      document.querySelectorAll('td.flagged').forEach(td => td.addEventListener('click', () =>
        focus(td.dataset.findings.split(',').filter(Boolean).map(Number))));
    } catch (err) {
      $('head').innerHTML = `<div class="empty">无法加载报告：${NB.esc(err.message)}</div>`;
    }
  }
  load();
})();
