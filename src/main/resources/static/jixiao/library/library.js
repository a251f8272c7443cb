// 项目库 (project library) page: plain JavaScript on /api/library, no build step. The user's Tasklist login
// serves these reads (the webapp session; see docs/project-library.md). Everything the server sends is put in
// the page as text (textContent), never as markup.
window.jixiaoLibrary = (function () {
  'use strict';
  var API = '/api/library';
  var LOGIN = '/camunda/app/tasklist/default/';

  function $(id) { return document.getElementById(id); }

  function el(tag, text, attributes) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    Object.keys(attributes || {}).forEach(function (k) { e.setAttribute(k, attributes[k]); });
    return e;
  }

  function money(v) {
    if (v === null || v === undefined) { return '—'; }
    var parts = Number(v).toFixed(2).split('.');
    return parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ',') + '.' + parts[1];
  }

  // times as a Chinese office reads them: Beijing time, whatever the browser's zone
  var CLOCK = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit',
    day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  function time(v) {
    if (!v) { return ''; }
    var parts = {};
    CLOCK.formatToParts(new Date(v)).forEach(function (p) { parts[p.type] = p.value; });
    return parts.year + '-' + parts.month + '-' + parts.day + ' ' + parts.hour + ':' + parts.minute;
  }

  function showError(message) {
    var box = $('error');
    box.textContent = '';
    box.appendChild(document.createTextNode(message));
    box.hidden = false;
  }

  function clearError() { $('error').hidden = true; }

  // one request at a time, with the session cookie; a refusal's Chinese message, or the login hint for a 401
  function get(path) {
    return fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' } }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (body) {
        if (r.status === 401) {
          var box = $('error');
          box.textContent = '请先登录：';
          var a = el('a', '登录任务列表（Tasklist）', { href: LOGIN });
          box.appendChild(a);
          box.appendChild(document.createTextNode('，登录后再打开本页。'));
          box.hidden = false;
          throw new Error('401');
        }
        if (!r.ok) {
          showError(body.message || ('请求失败（' + r.status + '）'));
          throw new Error(String(r.status));
        }
        return body;
      });
    });
  }

  function who(options) {
    $('who').textContent = options.userName + '（' + options.roles.join('、') + '）';
  }

  function fill(select, choices, keep) {
    choices.forEach(function (c) { select.appendChild(el('option', c.label, { value: c.value })); });
    if (keep) { select.value = keep; }
  }

  function cell(row, text, cls) {
    var td = el('td', text);
    if (cls) { td.className = cls; }
    row.appendChild(td);
    return td;
  }

  function listPage() {
    var form = $('filters');
    var params = new URLSearchParams(location.search);
    var page = Number(params.get('page') || 0);
    get(API + '/options').then(function (options) {
      who(options);
      fill(form.district, options.districts, params.get('district'));
      fill(form.department, options.departments.map(function (d) { return { value: d.value, label: d.label }; }),
        params.get('department'));
      fill(form.status, options.statuses, params.get('status'));
      fill(form.stage, options.stages, params.get('stage'));
      ['q', 'year', 'minAmount', 'maxAmount', 'sort'].forEach(function (n) {
        if (params.get(n)) { form[n].value = params.get(n); }
      });
      return search();
    }).catch(function () {});

    function query(withPage) {
      var q = new URLSearchParams();
      ['q', 'district', 'department', 'status', 'stage', 'year', 'minAmount', 'maxAmount', 'sort'].forEach(function (n) {
        var v = form[n].value.trim();
        if (v) { q.set(n, v); }
      });
      if (withPage) { q.set('page', String(page)); q.set('size', '20'); }
      return q;
    }

    function search() {
      clearError();
      var q = query(true);
      history.replaceState(null, '', '?' + q.toString());
      return get(API + '/projects?' + q.toString()).then(function (result) {
        var body = $('list').tBodies[0];
        body.textContent = '';
        result.rows.forEach(function (p) {
          var tr = el('tr');
          var code = cell(tr, '');
          code.appendChild(el('a', p.code, { href: 'project.html?code=' + encodeURIComponent(p.code) }));
          var name = cell(tr, '');
          name.appendChild(el('a', p.name, { href: 'project.html?code=' + encodeURIComponent(p.code) }));
          cell(tr, p.districtName);
          cell(tr, p.departmentName);
          cell(tr, p.itemTypeLabel);
          cell(tr, p.statusLabel);
          cell(tr, p.stageLabel);
          cell(tr, p.budgetYear, 'num');
          cell(tr, money(p.amount), 'num');
          cell(tr, money(p.approvedAmount), 'num');
          body.appendChild(tr);
        });
        if (!result.rows.length) {
          var empty = el('tr');
          cell(empty, '没有符合条件的项目。').colSpan = 10;
          body.appendChild(empty);
        }
        $('summary').textContent = '项目列表（共 ' + result.total + ' 个）';
        $('pageInfo').textContent = result.pages ? ('第 ' + (result.page + 1) + ' 页，共 ' + result.pages + ' 页') : '';
        $('previous').disabled = result.page <= 0;
        $('next').disabled = result.page + 1 >= result.pages;
      }).catch(function () {});
    }

    form.addEventListener('submit', function (e) { e.preventDefault(); page = 0; search(); });
    $('previous').addEventListener('click', function () { page = Math.max(0, page - 1); search(); });
    $('next').addEventListener('click', function () { page += 1; search(); });
    $('export').addEventListener('click', function () {
      // the same filters, every page; a refusal comes back as JSON and is shown here
      clearError();
      fetch(API + '/projects.xlsx?' + query(false).toString(), { credentials: 'same-origin', headers: { 'X-Requested-With': 'XMLHttpRequest' } }).then(function (r) {
        if (!r.ok) {
          return r.json().then(function (b) { showError(b.message || '导出失败'); }, function () { showError('导出失败'); });
        }
        return r.blob().then(function (blob) {
          var a = el('a', '', { href: URL.createObjectURL(blob), download: '项目库.xlsx' });
          document.body.appendChild(a);
          a.click();
          a.remove();
        });
      });
    });
  }

  function facts(dl, pairs) {
    dl.textContent = '';
    pairs.forEach(function (p) {
      dl.appendChild(el('dt', p[0]));
      dl.appendChild(el('dd', p[1] === null || p[1] === undefined || p[1] === '' ? '—' : p[1]));
    });
  }

  function yes(b) { return b === null || b === undefined ? '—' : (b ? '是' : '否'); }

  function table(headers, rows) {
    var t = el('table');
    var head = el('tr');
    headers.forEach(function (h) { head.appendChild(el('th', h)); });
    t.appendChild(el('thead')).appendChild(head);
    var body = t.appendChild(el('tbody'));
    rows.forEach(function (r) {
      var tr = el('tr');
      r.forEach(function (c) { cell(tr, c); });
      body.appendChild(tr);
    });
    return t;
  }

  function projectPage() {
    var code = new URLSearchParams(location.search).get('code');
    if (!code) { showError('未指定项目编码。'); return; }
    get(API + '/options').then(function (options) {
      who(options);
      return get(API + '/projects/' + encodeURIComponent(code));
    }).then(function (page) {
      var p = page.project;
      document.title = p.name + ' · 项目库';
      $('title').textContent = p.code + '  ' + p.name;
      facts($('record'), [['项目编码', p.code], ['项目名称', p.name], ['所属辖区', page.districtName],
        ['预算单位', p.departmentName], ['主管部门', p.supervisingDepartment], ['预算年度', p.budgetYear],
        ['项目类型', p.itemTypeLabel], ['预算阶段', p.budgetStageLabel], ['资金来源', p.fundSourceLabel],
        ['实施期限', p.periodYears + ' 年'], ['新增或增支', yes(p.newSpending)], ['项目类别', p.category],
        ['申报金额（元）', money(p.amount)], ['审定金额（元）', money(p.approvedAmount)], ['审减金额（元）', money(p.cutAmount)],
        ['项目状态', p.statusLabel], ['所处阶段', p.stageLabel], ['申报人', page.applicantName],
        ['申报时间', time(p.createdAt)], ['最近更新', time(p.updatedAt)]]);
      var links = $('links');
      page.approvalRecords.forEach(function (r) {
        links.appendChild(el('a', '打印' + r.stageLabel + '审批单（PDF）', { href: r.url, target: '_blank', 'class': 'button secondary' }));
      });
      if (page.cockpitUrl) {
        links.appendChild(el('a', '在 Cockpit 中查看流程', { href: page.cockpitUrl, target: '_blank' }));
      }
      var r = p.ruleResults || {};
      facts($('rules'), [['需要事前绩效评估', yes(r.exAnteRequired)], ['需要部门自评估', yes(r.selfAssessmentRequired)],
        ['需要财政再评估', yes(r.financeReassessmentRequired)], ['需要联合会审', yes(r.jointReviewRequired)],
        ['与预算评审合并', yes(r.budgetReviewRequired)], ['规则依据', r.ruleBasis]]);

      var funding = $('funding');
      var f = page.funding;
      [['安排预算', f.budgetable], ['招投标采购', f.procurable], ['拨付资金', f.payable]].forEach(function (g) {
        funding.appendChild(el('span', g[0] + '：' + (g[1] ? '可以' : '暂不可以'), { 'class': 'badge ' + (g[1] ? 'yes' : 'no') }));
        funding.appendChild(document.createTextNode(' '));
      });
      if (f.reasons.length) {
        var ul = funding.appendChild(el('ul'));
        f.reasons.forEach(function (x) { ul.appendChild(el('li', x.message)); });
      }

      var tasks = $('tasks');
      if (!page.tasks.length) {
        tasks.appendChild(el('p', '当前没有待办任务。', { 'class': 'muted' }));
      } else {
        var t = table(['任务', '办理人', '创建时间', '到期时间'], []);
        page.tasks.forEach(function (task) {
          var tr = el('tr');
          cell(tr, '').appendChild(el('a', task.name, { href: task.tasklistUrl }));
          cell(tr, task.assigneeName || '待认领');
          cell(tr, time(task.created));
          cell(tr, time(task.due));
          t.tBodies[0].appendChild(tr);
        });
        tasks.appendChild(t);
      }

      var body = $('opinions').tBodies[0];
      page.opinions.forEach(function (o) {
        var tr = el('tr');
        cell(tr, o.stageLabel);
        cell(tr, o.stepName + (o.round ? '（第 ' + o.round + (o.stage === 'GOALS' ? ' 版）' : ' 轮）') : ''));
        cell(tr, o.decisionLabel);
        cell(tr, [o.comment, o.conclusion ? '结论：' + o.conclusion : '', o.scores ? '评分：' + o.scores : '']
          .filter(Boolean).join('\n')).style.whiteSpace = 'pre-wrap';
        cell(tr, o.actorName);
        cell(tr, o.actorRoleLabel);
        cell(tr, time(o.givenAt));
        body.appendChild(tr);
      });
      if (!page.opinions.length) {
        var empty = el('tr');
        cell(empty, '尚无审批意见。').colSpan = 7;
        body.appendChild(empty);
      }

      var goals = $('goals');
      if (!page.goals.length) { goals.appendChild(el('p', '尚未编制绩效目标。', { 'class': 'muted' })); }
      page.goals.forEach(function (g) {
        goals.appendChild(el('h3', g.budgetYear + ' 年度 · ' + g.code + ' · ' + g.statusLabel
          + (g.approvedVersion ? '（批复第 ' + g.approvedVersion + ' 版）' : '')));
        var shown = g.versions.filter(function (v) { return v.number === g.approvedVersion; })[0]
          || g.versions[g.versions.length - 1];
        if (!shown) { return; }
        goals.appendChild(el('p', '总体目标：' + (shown.overallGoal || '—')));
        goals.appendChild(table(['一级指标', '二级指标', '指标名称', '目标值', '权重'], shown.indicators.map(function (i) {
          return [i.level1Label, i.level2Label, i.name, i.target, i.weight];
        })));
      });

      var monitoring = $('monitoring');
      if (!page.monitoring.length) { monitoring.appendChild(el('p', '尚无运行监控记录。', { 'class': 'muted' })); }
      page.monitoring.forEach(function (m) {
        monitoring.appendChild(el('h3', m.budgetYear + ' 年度 · ' + m.code + (m.keyMonitoring ? ' · 重点监控' : '')
          + ' · ' + m.paymentStateLabel));
        function pct(v) { return v === null || v === undefined ? '' : (Number(v) * 100).toFixed(2) + ' %'; }
        monitoring.appendChild(table(['轮次', '数据截至', '执行率', '序时进度', '指标完成率', '灯色', '状态'],
          m.rounds.map(function (x) {
            return ['第 ' + x.roundNo + ' 轮', x.asOfDate, pct(x.executionRate), pct(x.timeElapsed),
              pct(x.indicatorCompletion), x.lightLabel || '', x.statusLabel];
          })));
      });
      $('project').hidden = false;
    }).catch(function () {});
  }

  return { listPage: listPage, projectPage: projectPage };
})();
