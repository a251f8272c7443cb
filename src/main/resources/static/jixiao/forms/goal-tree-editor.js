// The indicator-tree editor (一级—二级—三级指标) of the goal forms: goal-editor.html (一上, 二上) and
// request-goal-adjustment.html (执行中调整). A form's script loads this file (see the forms) and calls
// jixiaoGoalTreeEditor with its scope; the markup is the partial goal-tree-editor.html next to this file.
// The rules below mirror the server's (GoalRules) as a help while editing; the server decides.
//
// options: submitVerb ('报送' or '提交'), goalPlaceholder (the overall goal's hint), goalRequiredWhileLoading
// (the overall goal is required before the goals arrive), libraryOpen (the common indicators shown at first),
// moreProblems (a function returning the form's own problems, listed after the rules').
// Returns what the form's script needs: load, startEmpty, goalDraft, find, setStringVariable, setDraftVariable
// and savedDraft.
window.jixiaoGoalTreeEditor = function (scope, $http, camForm, options) {
  'use strict';
  var LEVEL1 = [
    { code: 'OUTPUT', label: '产出指标' },
    { code: 'EFFECT', label: '效益指标' },
    { code: 'SATISFACTION', label: '满意度指标' }
  ];
  var LEVEL2 = [
    { code: 'QUANTITY', label: '数量指标', level1: 'OUTPUT' },
    { code: 'QUALITY', label: '质量指标', level1: 'OUTPUT' },
    { code: 'TIMELINESS', label: '时效指标', level1: 'OUTPUT' },
    { code: 'COST', label: '成本指标', level1: 'OUTPUT' },
    { code: 'ECONOMIC', label: '经济效益指标', level1: 'EFFECT' },
    { code: 'SOCIAL', label: '社会效益指标', level1: 'EFFECT' },
    { code: 'ECOLOGICAL', label: '生态效益指标', level1: 'EFFECT' },
    { code: 'SUSTAINABLE', label: '可持续影响指标', level1: 'EFFECT' },
    { code: 'SERVICE_SATISFACTION', label: '服务对象满意度指标', level1: 'SATISFACTION' }
  ];
  // a new row of each first level starts at its most usual second level
  var DEFAULT_LEVEL2 = { OUTPUT: 'QUANTITY', EFFECT: 'SOCIAL', SATISFACTION: 'SERVICE_SATISFACTION' };
  var MAX_ROWS = 100;

  function find(list, code) {
    for (var i = 0; i < list.length; i++) {
      if (list[i].code === code) {
        return list[i];
      }
    }
    return null;
  }
  function level1Of(level2) {
    var l2 = find(LEVEL2, level2);
    return l2 ? l2.level1 : null;
  }
  // position in the indicator tree: first level, then second level, in the order above
  function treeOrder(row) {
    var l2 = find(LEVEL2, row.level2);
    if (!l2) {
      return 1000;
    }
    return LEVEL1.indexOf(find(LEVEL1, l2.level1)) * 100 + LEVEL2.indexOf(l2);
  }
  function toNumber(value) {
    if (typeof value === 'number') {
      return isFinite(value) ? value : null;
    }
    if (value === null || value === undefined || String(value).trim() === '') {
      return null;
    }
    var n = Number(value);
    return isFinite(n) ? n : null;
  }
  function blankToNull(value) {
    return value === null || value === undefined || String(value).trim() === '' ? null : String(value).trim();
  }
  function quantitative(row) {
    return row.comparator !== 'QUALITATIVE';
  }

  scope.level2Options = LEVEL2.map(function (l) {
    return { code: l.code, label: l.label, level1: l.level1, level1Label: find(LEVEL1, l.level1).label };
  });
  scope.comparatorOptions = [
    { code: 'GE', label: '≥' },
    { code: 'LE', label: '≤' },
    { code: 'EQ', label: '=' },
    { code: 'QUALITATIVE', label: '定性' }
  ];
  scope.draft = { overallGoal: '', rows: [] };
  scope.editor = {
    loaded: false,
    restored: false,
    maxRows: MAX_ROWS,
    submitVerb: options.submitVerb,
    goalPlaceholder: options.goalPlaceholder,
    goalRequiredWhileLoading: options.goalRequiredWhileLoading
  };
  scope.library = {
    category: null, categories: [], indicators: [], loading: false, error: null, open: options.libraryOpen
  };

  function rowOf(i) {
    return {
      level2: i.level2 || null,
      name: i.name || '',
      comparator: i.comparator || 'GE',
      targetValue: toNumber(i.targetValue),
      targetText: i.targetText || '',
      unit: i.unit || '',
      weight: toNumber(i.weight),
      commonIndicatorCode: i.commonIndicatorCode || null
    };
  }
  function load(overallGoal, indicators) {
    scope.draft.overallGoal = overallGoal || '';
    scope.draft.rows = (indicators || []).map(rowOf);
  }
  function startEmpty() {
    scope.draft.overallGoal = '';
    scope.draft.rows = [];
    scope.addRow('OUTPUT');
    scope.addRow('EFFECT');
  }

  scope.level1Label = function (row) {
    var l1 = find(LEVEL1, level1Of(row.level2));
    return l1 ? l1.label : '—';
  };
  scope.startsGroup = function (index) {
    var rows = scope.draft.rows;
    return index === 0 || level1Of(rows[index - 1].level2) !== level1Of(rows[index].level2);
  };
  // a new row goes to the end of its place in the tree, so a sorted table stays sorted
  function insertInTree(row) {
    var rows = scope.draft.rows;
    var at = 0;
    for (var i = 0; i < rows.length; i++) {
      if (treeOrder(rows[i]) <= treeOrder(row)) {
        at = i + 1;
      }
    }
    rows.splice(at, 0, row);
    return at;
  }
  scope.addRow = function (level1) {
    insertInTree(rowOf({ level2: DEFAULT_LEVEL2[level1], comparator: 'GE' }));
  };
  scope.removeRow = function (index) {
    scope.draft.rows.splice(index, 1);
  };
  scope.moveRow = function (index, delta) {
    var rows = scope.draft.rows;
    var to = index + delta;
    if (to < 0 || to >= rows.length) {
      return;
    }
    var row = rows[index];
    rows[index] = rows[to];
    rows[to] = row;
  };
  scope.sortRows = function () {
    var rows = scope.draft.rows.map(function (row, index) {
      return { row: row, index: index };
    });
    rows.sort(function (a, b) {
      return (treeOrder(a.row) - treeOrder(b.row)) || (a.index - b.index);
    });
    scope.draft.rows = rows.map(function (r) {
      return r.row;
    });
  };
  scope.isSorted = function () {
    var rows = scope.draft.rows;
    for (var i = 1; i < rows.length; i++) {
      if (treeOrder(rows[i - 1]) > treeOrder(rows[i])) {
        return false;
      }
    }
    return true;
  };

  // weights in hundredths, so that 33.33 + 33.33 + 33.34 is exactly 100
  function weightCents() {
    return scope.draft.rows.reduce(function (sum, row) {
      var w = toNumber(row.weight);
      return sum + (w === null ? 0 : Math.round(w * 100));
    }, 0);
  }
  scope.weightTotal = function () {
    return weightCents() / 100;
  };
  scope.weightComplete = function () {
    return weightCents() === 10000;
  };
  scope.countOf = function (level1) {
    return scope.draft.rows.filter(function (row) {
      return level1Of(row.level2) === level1;
    }).length;
  };

  // the rules the server checks (GoalRules), as a help while editing; the server decides
  scope.problems = function () {
    var problems = [];
    var rows = scope.draft.rows;
    if (!blankToNull(scope.draft.overallGoal)) {
      problems.push('请填写总体目标');
    }
    if (!rows.length) {
      problems.push('请至少填写一项绩效指标');
    }
    var seen = {};
    rows.forEach(function (row, index) {
      var which = '第 ' + (index + 1) + ' 项指标' + (blankToNull(row.name) ? '“' + row.name.trim() + '”' : '');
      if (!row.level2) {
        problems.push(which + '：请选择二级指标');
      }
      if (!blankToNull(row.name)) {
        problems.push(which + '：请填写指标名称');
      }
      if (quantitative(row) && toNumber(row.targetValue) === null) {
        problems.push(which + '为定量指标（≥、≤、=），请填写数值目标值');
      }
      if (!quantitative(row) && !blankToNull(row.targetText)) {
        problems.push(which + '为定性指标，请填写目标描述');
      }
      var w = toNumber(row.weight);
      if (w === null || w <= 0 || w > 100) {
        problems.push(which + '：请填写大于 0、不超过 100 的权重');
      }
      var key = row.level2 + '/' + (blankToNull(row.name) || '');
      if (row.level2 && blankToNull(row.name)) {
        if (seen[key]) {
          problems.push(which + '与第 ' + seen[key] + ' 项重复（同一二级指标下指标名称相同）');
        } else {
          seen[key] = index + 1;
        }
      }
    });
    if (!scope.countOf('OUTPUT')) {
      problems.push('至少设置一项产出指标（数量、质量、时效或成本）');
    }
    if (!scope.countOf('EFFECT')) {
      problems.push('至少设置一项效益指标（经济、社会、生态或可持续影响）');
    }
    if (!scope.weightComplete()) {
      problems.push('各项指标权重之和应为 100，当前为 ' + scope.weightTotal());
    }
    if (rows.length > MAX_ROWS) {
      problems.push('绩效指标不能超过 ' + MAX_ROWS + ' 项');
    }
    return options.moreProblems ? problems.concat(options.moreProblems()) : problems;
  };

  // the common-indicator library (共性指标库) of a category: any row can be copied into the goals
  scope.loadLibrary = function () {
    var category = scope.library.category;
    scope.library.indicators = [];
    scope.library.error = null;
    if (!category) {
      return;
    }
    scope.library.loading = true;
    return $http.get('/api/common-indicators', { params: { category: category } }).then(function (response) {
      scope.library.indicators = response.data;
    }, function (response) {
      scope.library.error = (response.data && response.data.message) || '共性指标加载失败';
    }).finally(function () {
      scope.library.loading = false;
    });
  };
  scope.inDraft = function (indicator) {
    return scope.draft.rows.some(function (row) {
      return row.commonIndicatorCode === indicator.code;
    });
  };
  scope.addCommon = function (indicator) {
    var row = rowOf(indicator);
    row.weight = null;
    row.commonIndicatorCode = indicator.code;
    insertInTree(row);
  };
  scope.referenceTarget = function (i) {
    if (i.comparator === 'QUALITATIVE') {
      return '定性：' + (i.targetText || '');
    }
    return i.comparatorSymbol + ' ' + (i.targetValue === null || i.targetValue === undefined ? '' : i.targetValue)
        + (i.unit ? ' ' + i.unit : '');
  };

  // the JSON the server reads (GoalDraft): rows in display order, numbers as numbers, codes as codes
  function goalDraft() {
    return {
      overallGoal: blankToNull(scope.draft.overallGoal) || '',
      indicators: scope.draft.rows.map(function (row) {
        var q = quantitative(row);
        return {
          level1: level1Of(row.level2),
          level2: row.level2 || null,
          name: blankToNull(row.name) || '',
          comparator: row.comparator || null,
          targetValue: q ? toNumber(row.targetValue) : null,
          targetText: q ? null : blankToNull(row.targetText),
          unit: q ? blankToNull(row.unit) : null,
          weight: toNumber(row.weight),
          commonIndicatorCode: row.commonIndicatorCode || null
        };
      })
    };
  }
  // a String variable for the submit (or Tasklist's 保存), created if the form has none of that name yet
  function setStringVariable(name, value) {
    var variables = camForm.variableManager;
    var variable = variables.variable(name);
    if (!variable) {
      variables.createVariable({ name: name, type: 'String', value: value, isDirty: true });
    } else {
      variable.type = 'String';
      variable.value = value;
    }
  }

  // the goals as a Json variable (goalDraft): the engine keeps it as bytes, so 100 indicators fit, where a
  // String variable stops at 4,000 characters. The forms SDK writes the object out as JSON on submit.
  function setDraftVariable(name) {
    var variables = camForm.variableManager;
    var variable = variables.variable(name);
    if (!variable) {
      variables.createVariable({ name: name, type: 'Json', value: goalDraft(), isDirty: true });
    } else {
      variable.type = 'Json';
      variable.valueInfo = {};
      variable.value = goalDraft();
    }
  }
  // the goals 保存 kept in this browser: an object (a Json variable), or JSON text saved before; null if none
  function savedDraft(name) {
    var variable = camForm.variableManager.variable(name);
    var value = variable ? variable.value : null;
    if (!value) {
      return null;
    }
    if (typeof value === 'string') {
      try {
        value = JSON.parse(value);
      } catch (e) {
        return null;
      }
    }
    return value && typeof value === 'object' && Array.isArray(value.indicators) ? value : null;
  }

  return {
    load: load,
    startEmpty: startEmpty,
    goalDraft: goalDraft,
    find: find,
    setStringVariable: setStringVariable,
    setDraftVariable: setDraftVariable,
    savedDraft: savedDraft
  };
};
