// Tasklist as the reviewer's workplace (loaded by app/tasklist/scripts/config.js, customScripts). Plain DOM on top of
// Tasklist's own pages, nothing of Tasklist replaced:
//   - a search box "查找项目" (project name or code in plain words): Tasklist's own search with two criteria, any of
//     them matching: the business key like the words (every stage's key holds the project code) or the process
//     variable projectName like the words;
//   - 我已办理 and 我发起的 (history, not task queries): lists from /api/me/completed-tasks and /api/me/applications;
//   - the landing filter: when Tasklist opens without a chosen filter and its first filter is empty, the first
//     filter (by priority) that has items;
//   - absolute due dates beside the relative ones ("3 天后（12月5日 17:00）"), on cards and in the task view;
//   - district names instead of tenant ids;
//   - after 提交: where the item went (已提交，下一步：…), from /api/tasklist/next-steps.
// Tasklist's requests are watched through XMLHttpRequest (its SDK and Angular both use it).

const ENGINE = '/camunda/api/engine/engine/default';
const landedWithoutFilter = !/[?&]filter=/.test(window.location.hash || '');
let me = null;
let districtNames = {};

function getJson(url) {
  return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then((response) => {
    if (!response.ok) {
      return response.json().catch(() => ({})).then((body) => Promise.reject(body));
    }
    return response.json();
  });
}

function text(value) {
  return value === null || value === undefined ? '' : String(value);
}

function element(tag, attributes, children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (name === 'text') {
      node.textContent = value;
    } else {
      node.setAttribute(name, value);
    }
  });
  (children || []).forEach((child) => node.appendChild(child));
  return node;
}

function formatTime(iso) {
  if (!iso) {
    return '';
  }
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) {
    return text(iso);
  }
  const pad = (n) => String(n).padStart(2, '0');
  return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' ' + pad(d.getHours()) + ':' + pad(d.getMinutes());
}

function loadMe() {
  if (me) {
    return Promise.resolve(me);
  }
  return getJson('/api/me').then((answer) => {
    me = answer;
    districtNames = {};
    (answer.districts || []).forEach((d) => {
      districtNames[d.id] = d.name;
    });
    return me;
  });
}

// --- the side panel: search, 我已办理, 我发起的 ------------------------------------------------------------------

function hashParams() {
  const hash = window.location.hash || '#/';
  const at = hash.indexOf('?');
  return { path: at < 0 ? hash.slice(1) : hash.slice(1, at), params: new URLSearchParams(at < 0 ? '' : hash.slice(at + 1)) };
}

function search(words) {
  const { path, params } = hashParams();
  const value = words.trim();
  if (value === '') {
    params.delete('searchQuery');
    params.delete('searchOrQuery');
  } else {
    params.set('searchQuery', JSON.stringify([
      { type: 'processInstanceBusinessKey', operator: 'Like', value: value, name: '' },
      { type: 'processVariables', operator: 'like', value: value, name: 'projectName' }
    ]));
    params.set('searchOrQuery', 'true');
  }
  params.delete('page');
  window.location.hash = '#' + (path || '/') + '?' + params.toString();
}

// Tasklist keeps the criteria of a search when a task is opened by its address, but not "any of them": the two
// criteria of 查找项目 only make sense as "any" (a name is no business key), so that is put back
function keepProjectSearchAnyOf() {
  const { path, params } = hashParams();
  let criteria;
  try {
    criteria = JSON.parse(params.get('searchQuery') || '[]');
  } catch (e) {
    return;
  }
  const ours = criteria.length === 2 && criteria[0].type === 'processInstanceBusinessKey'
    && criteria[1].type === 'processVariables' && criteria[1].name === 'projectName' && criteria[0].value === criteria[1].value;
  if (ours && params.get('searchOrQuery') !== 'true') {
    params.set('searchOrQuery', 'true');
    window.location.replace('#' + (path || '/') + '?' + params.toString());
  }
}

function overlay(title, rows, columns, empty) {
  document.querySelectorAll('.jixiao-overlay').forEach((n) => n.remove());
  const table = element('table', { class: 'table table-condensed table-hover' }, [
    element('thead', {}, [element('tr', {}, columns.map((c) => element('th', { text: c.label })))]),
    element('tbody', {}, rows.map((row) => element('tr', {}, columns.map((c) => element('td', { text: text(c.value(row)) })))))
  ]);
  const close = element('button', { type: 'button', class: 'btn btn-default btn-sm pull-right', text: '关闭' });
  const box = element('div', { class: 'jixiao-overlay', role: 'dialog', 'aria-label': title }, [
    element('div', { class: 'jixiao-overlay-box' }, [
      close,
      element('h3', { text: title }),
      rows.length ? table : element('p', { class: 'text-muted', text: empty })
    ])
  ]);
  close.addEventListener('click', () => box.remove());
  document.body.appendChild(box);
}

function showCompleted() {
  getJson('/api/me/completed-tasks').then((rows) => overlay('我已办理', rows, [
    { label: '事项', value: (r) => r.name },
    { label: '流程', value: (r) => r.processName },
    { label: '项目编码', value: (r) => r.projectCode },
    { label: '项目名称', value: (r) => r.projectName },
    { label: '辖区', value: (r) => r.districtName },
    { label: '办结时间', value: (r) => formatTime(r.ended) }
  ], '您还没有办结的事项。'), (error) => overlay('我已办理', [], [], text(error.message) || '加载失败'));
}

function showApplications() {
  getJson('/api/me/applications').then((rows) => overlay('我发起的', rows, [
    { label: '项目编码', value: (r) => r.code },
    { label: '项目名称', value: (r) => r.name },
    { label: '辖区', value: (r) => r.districtName },
    { label: '预算年度', value: (r) => r.budgetYear },
    { label: '金额（元）', value: (r) => Number(r.amount).toLocaleString('zh-CN', { minimumFractionDigits: 2 }) },
    { label: '状态', value: (r) => r.statusLabel }
  ], '您还没有申报过项目。'), (error) => overlay('我发起的', [], [], text(error.message) || '加载失败'));
}

function sidePanel() {
  const filters = document.querySelector('[cam-tasklist-filters]');
  if (!filters || document.querySelector('.jixiao-side')) {
    return;
  }
  const input = element('input', { type: 'search', class: 'form-control input-sm', id: 'jixiao-search',
    placeholder: '项目名称或编码', 'aria-label': '按项目名称或编码查找' });
  const current = JSON.parse(hashParams().params.get('searchQuery') || '[]');
  const projectName = current.find((c) => c.name === 'projectName');
  if (projectName) {
    input.value = text(projectName.value).replace(/^%|%$/g, '');
  }
  const go = element('button', { type: 'submit', class: 'btn btn-default btn-sm', text: '查找' });
  const form = element('form', { class: 'jixiao-search', role: 'search' }, [
    element('label', { for: 'jixiao-search', text: '查找项目' }),
    element('div', { class: 'input-group' }, [input, element('span', { class: 'input-group-btn' }, [go])])
  ]);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    search(input.value);
  });
  const done = element('a', { href: '', class: 'jixiao-history', id: 'jixiao-completed', text: '我已办理' });
  const started = element('a', { href: '', class: 'jixiao-history', id: 'jixiao-applications', text: '我发起的' });
  done.addEventListener('click', (event) => {
    event.preventDefault();
    showCompleted();
  });
  started.addEventListener('click', (event) => {
    event.preventDefault();
    showApplications();
  });
  const panel = element('div', { class: 'jixiao-side' }, [form,
    element('div', { class: 'jixiao-history-links' }, [done, element('span', { text: ' · ' }), started])]);
  filters.parentNode.insertBefore(panel, filters);
}

// --- the landing filter -------------------------------------------------------------------------------------------

let landingChecked = !landedWithoutFilter;
function landOnWork() {
  if (landingChecked || !document.querySelector('[cam-tasklist-filters] .task-filter')) {
    return;
  }
  landingChecked = true;
  getJson(ENGINE + '/filter?resourceType=Task&itemCount=true').then((filters) => {
    const ordered = filters.slice().sort((a, b) => ((a.properties || {}).priority || 0) - ((b.properties || {}).priority || 0));
    if (!ordered.length || ordered[0].itemCount > 0) {
      return;
    }
    const withWork = ordered.find((f) => f.itemCount > 0);
    const { path, params } = hashParams();
    if (withWork && !params.get('task') && params.get('filter') !== withWork.id) {
      params.set('filter', withWork.id);
      window.location.hash = '#' + (path || '/') + '?' + params.toString();
    }
  }, () => {});
}

// --- due dates and district names ---------------------------------------------------------------------------------

function absoluteDueDates() {
  document.querySelectorAll('.due-date span[am-time-ago], .followup-date span[am-time-ago]').forEach((relative) => {
    const long = relative.getAttribute('uib-tooltip') || '';
    const shown = long.replace(/:\d\d$/, '');
    let absolute = relative.nextElementSibling;
    if (!absolute || !absolute.classList.contains('jixiao-absolute-date')) {
      absolute = element('span', { class: 'jixiao-absolute-date' });
      relative.parentNode.insertBefore(absolute, relative.nextSibling);
    }
    const wanted = shown ? '（' + shown + '）' : '';
    if (absolute.textContent !== wanted) {
      absolute.textContent = wanted;
    }
  });
}

function districtNamesForTenants() {
  document.querySelectorAll('.tenant-id').forEach((node) => {
    const id = node.textContent.trim();
    const name = districtNames[id];
    if (name && node.getAttribute('data-jixiao-tenant') !== id) {
      node.setAttribute('data-jixiao-tenant', id);
      node.setAttribute('title', '辖区：' + name + '（' + id + '）');
      node.textContent = name;
    }
  });
}

// --- after 提交: where the item went -----------------------------------------------------------------------------

function notice(message) {
  document.querySelectorAll('.jixiao-notice').forEach((n) => n.remove());
  const close = element('button', { type: 'button', class: 'close', 'aria-label': '关闭', text: '×' });
  const box = element('div', { class: 'alert alert-success jixiao-notice', role: 'status' }, [close,
    element('span', { class: 'jixiao-notice-text', text: message })]);
  close.addEventListener('click', () => box.remove());
  document.body.appendChild(box);
  setTimeout(() => box.remove(), 20000);
}

function watchSubmissions() {
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    const match = String(method).toUpperCase() === 'POST' && /\/task\/([^/?]+)\/(submit-form|complete)(\?|$)/.exec(String(url));
    if (match) {
      const taskId = decodeURIComponent(match[1]);
      this.addEventListener('load', () => {
        if (this.status >= 200 && this.status < 300) {
          getJson('/api/tasklist/next-steps?taskId=' + encodeURIComponent(taskId))
            .then((next) => notice(next.message), () => notice('已提交'));
        }
      });
    }
    return open.apply(this, arguments);
  };
}

// --- wiring -------------------------------------------------------------------------------------------------------

let scheduled = false;
function decorate() {
  scheduled = false;
  if (!document.querySelector('[cam-tasklist-filters]')) {
    me = null; // not logged in (yet, or any more): the next user is asked for again
    return;
  }
  if (!me) {
    loadMe().then(decorate, () => {});
    return;
  }
  sidePanel();
  keepProjectSearchAnyOf();
  landOnWork();
  absoluteDueDates();
  districtNamesForTenants();
}

watchSubmissions();
new MutationObserver(() => {
  if (!scheduled) {
    scheduled = true;
    setTimeout(decorate, 150);
  }
}).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['uib-tooltip'] });

export default [];
