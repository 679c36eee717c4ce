// Shared helpers of the nianbao UI: labels in Chinese, escaping, fetching JSON.
'use strict';

const NB = (() => {
  const FACETS = [
    ['status', '合规状态'], ['year', '年度'], ['province', '省份'], ['city', '城市'], ['county', '区县'],
    ['agencyLevel', '机关层级'], ['agencyKind', '机关类型'], ['formatVersion', '格式版本'],
    ['ruleCode', '发现的问题'], ['late', '是否逾期'], ['publishMonth', '发布月份'],
  ];
  const VALUE_LABELS = {
    status: { compliant: '合规', warnings: '有警告', noncompliant: '不合规' },
    agencyLevel: { province: '省级', city: '市级', county: '县级', township: '乡镇/街道' },
    agencyKind: { government: '人民政府', department: '部门', street_office: '街道办事处', township: '乡镇', other: '其他' },
    formatVersion: { pre2019: '2019年以前', '2019': '2019版（试行）', '2021': '2021版' },
    late: { true: '逾期发布', false: '按时发布' },
  };
  const RULES = {
    'S3.BALANCE': '申请数量收支不平衡', 'S3.ROW_TOTAL': '行合计与各类申请人之和不符',
    'S3.OUTCOME_TOTAL': '办理结果总计不符', 'S4.GROUP_TOTAL': '复议诉讼合计不符',
    'S2.IN_FORCE': '现行有效件数不一致', 'S2.UNIT': '金额单位可疑', 'CELL.BLANK': '应填数字的单元格为空',
    'CELL.INVALID': '数字无效（负数或小数）', 'FORMAT.VERSION': '格式版本与年度不符',
    'FORMAT.SECTION_MISSING': '缺少章节', 'FORMAT.TABLE_MISSING': '缺少表格',
    'TEXT.NARRATIVE_MISMATCH': '正文数字与表格不符', 'TEXT.FEE_UNREPORTED': '未说明信息处理费',
    'TEXT.EMPTY_SECTION': '章节内容空泛', 'YEAR.CARRY_OVER': '上年结转与上年报告不符',
    'YEAR.COPY_TEXT': '正文与上年高度雷同', 'YEAR.SAME_NUMBERS': '表格与上年完全相同',
    'PUBLISH.LATE': '逾期发布', 'PUBLISH.MISSING': '未发布年报', 'PUBLISH.EDITED': '发布后被修改',
    'PRIVACY.PERSONAL_DATA': '含个人信息',
  };
  const SEVERITY = { error: '错误', warning: '警告', info: '提示' };

  function esc(value) {
    return String(value ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }
  function valueLabel(facet, value) {
    if (facet === 'ruleCode') return RULES[value] ? `${RULES[value]}（${value}）` : value;
    return (VALUE_LABELS[facet] || {})[value] || value;
  }
  function badge(status) {
    if (!status) return '';
    return `<span class="badge ${esc(status)}" data-status="${esc(status)}">${esc(valueLabel('status', status))}</span>`;
  }
  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`${response.status} ${url}`);
    return response.json();
  }
  function num(value) {
    if (value === null || value === undefined) return '';
    return typeof value === 'number' ? value.toLocaleString('zh-CN', { maximumFractionDigits: 6 }) : String(value);
  }
  function region(r) {
    return [r.province, r.city, r.county].filter(Boolean).join(' ');
  }
  return { FACETS, RULES, SEVERITY, esc, valueLabel, badge, getJson, num, region };
})();
