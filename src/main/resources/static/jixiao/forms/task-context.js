// The task context of every Tasklist form (forms/*.html): what the task is about, loaded once the form's
// variables are fetched, and the decision block (decision.html) handed to the engine on submit. Tasklist
// loads this file at start (customScripts in app/tasklist/scripts/config.js); a form's script calls
//
//   inject(['$injector', function ($injector) { jixiaoTaskContext($scope, camForm, $injector, options); }]);
//
// and its markup shows project-summary.html / goal-summary.html (with opinions.html) and decision.html.
// Requests go one after the other, each with the session cookie the answer before it set. The scope gets:
//   currentTask, step          the task and its definition key (options.task)
//   goalSet / goalSetError     /api/goal-sets/{goalSetCode} (options.subject 'goalSet')
//   project, rules / projectError, lastOpinion   /api/projects/{projectCode}, when the process has one
//   decisionBlock, decided     the decision block (options.decision), read by decision.html
//
// options:
//   subject    'project' (ex-ante: projectCode), 'goalSet' (goals: goalSetCode, and projectCode if any) or
//              'monitoring' (projectCode, budgetYear, reportId: /api/monitoring/projects/{code} as monitoring,
//              the task's round as round, the rounds before it as earlierRounds; monitoring (view, round) once there)
//   variables  further variables to fetch; fetched(value) gets them (value(name)) before anything loads
//   task       load the task itself (its name and step)
//   ready      a promise to wait for before loading (code the form loads, such as the goal editor)
//   goalSet    function (goalSet) once the goal set is there; goalSetFailed () when it could not be read
//   attachments { stage, step, readOnly }: the project's 佐证材料 (attachments.html, jixiaoAttachments below)
//   more       function () returning a promise: the form's own requests, after the context
//   overdue    true on a 督办 task: overdueTask { id, name, due, assignee, startTime, endTime } of the step the
//              deadline watch escalated (overdueTaskId / overdueTaskName of the 超期督办 event sub-process,
//              its due date from the engine's history, which the finance bureau may read)
//   decision   { variable, label, style: 'select' | 'radio', options: [{ value, label, shown }],
//                comment: { variable, label, rows, placeholder, required, help } }
//              label and help may be functions (of the decision, for help); shown and required too. Without
//              variable the block is only the comment. The fields are not the forms SDK's (a partial loads
//              after the SDK read the form): their values are handed over on submit and on Tasklist's 保存
//              (kept in this browser until the task is opened again), as String variables.
window.jixiaoTaskContext = function (scope, camForm, $injector, options) {
  'use strict';
  var $http = $injector.get('$http');
  var $q = $injector.get('$q');
  var Uri = $injector.get('Uri');
  var variables = camForm.variableManager;
  var names = options.subject === 'goalSet' ? ['goalSetCode', 'projectCode']
    : options.subject === 'monitoring' ? ['projectCode', 'budgetYear', 'reportId', 'roundNo'] : ['projectCode'];
  names = names.concat(options.variables || []);
  if (options.overdue) {
    names = names.concat(['overdueTaskId', 'overdueTaskName']);
  }

  function value(name) {
    return variables.variableValue(name);
  }
  function failure(response, fallback) {
    return (response.data && response.data.message) || fallback;
  }

  function loadTask() {
    return $http.get(Uri.appUri('engine://engine/:engine/task/' + camForm.taskId)).then(function (response) {
      scope.currentTask = response.data;
      scope.step = response.data.taskDefinitionKey;
    }, function () {
      scope.currentTask = null;
    });
  }
  function loadGoalSet() {
    return $http.get('/api/goal-sets/' + encodeURIComponent(value('goalSetCode'))).then(function (response) {
      scope.goalSet = response.data;
      if (options.goalSet) {
        options.goalSet(response.data);
      }
    }, function (response) {
      scope.goalSetError = failure(response, '绩效目标加载失败');
      if (options.goalSetFailed) {
        options.goalSetFailed();
      }
    });
  }
  // the project's monitoring of the year: goals, every round with its light, decisions and plans; the current
  // round (reportId) as scope.round, the earlier ones as scope.earlierRounds
  function loadMonitoring() {
    return $http.get('/api/monitoring/projects/' + encodeURIComponent(value('projectCode')),
      { params: { budgetYear: value('budgetYear') } }).then(function (response) {
      scope.monitoring = response.data;
      var reportId = value('reportId');
      scope.round = null;
      scope.earlierRounds = [];
      (response.data.rounds || []).forEach(function (r) {
        if (r.reportId === reportId) {
          scope.round = r;
        } else if (!reportId || r.roundNo < value('roundNo')) {
          scope.earlierRounds.push(r);
        }
      });
      if (options.monitoring) {
        options.monitoring(response.data, scope.round);
      }
    }, function (response) {
      scope.monitoringError = failure(response, '运行监控记录加载失败');
    });
  }
  function loadProject() {
    var code = value('projectCode');
    if (!code) {
      return null;
    }
    return $http.get('/api/projects/' + encodeURIComponent(code)).then(function (response) {
      scope.project = response.data;
      scope.rules = response.data.ruleResults || {};
      var opinions = response.data.opinions || [];
      scope.lastOpinion = opinions.length ? opinions[opinions.length - 1] : null;
    }, function (response) {
      scope.projectError = failure(response, '项目信息加载失败');
    });
  }

  function loadOverdueTask() {
    var id = value('overdueTaskId');
    scope.overdueTask = { id: id, name: value('overdueTaskName') };
    if (!id) {
      return null;
    }
    return $http.get(Uri.appUri('engine://engine/:engine/history/task'), { params: { taskId: id } }).then(function (response) {
      var step = response.data[0];
      if (step) {
        scope.overdueTask.name = scope.overdueTask.name || step.name;
        scope.overdueTask.due = step.due;
        scope.overdueTask.assignee = step.assignee;
        scope.overdueTask.startTime = step.startTime;
        scope.overdueTask.endTime = step.endTime;
      }
    }, function () {
      // the name from the escalation is still shown
    });
  }

  camForm.on('form-loaded', function () {
    names.forEach(function (name) {
      variables.fetchVariable(name);
    });
  });
  // the context is read, never handed back: on submit only the form's own inputs go to the engine, which
  // refuses any variable the task does not declare (a fetched value the SDK thinks changed would be sent)
  camForm.on('submit', function () {
    names.forEach(function (name) {
      if (variables.variable(name)) {
        variables.destroyVariable(name);
      }
    });
  });
  camForm.on('variables-fetched', function () {
    if (options.fetched) {
      options.fetched(value);
    }
    $q.when(options.ready).then(function () {
      return options.task ? loadTask() : null;
    }).then(function () {
      return options.subject === 'goalSet' ? loadGoalSet() : null;
    }).then(loadProject).then(function () {
      return options.subject === 'monitoring' ? loadMonitoring() : null;
    }).then(function () {
      return options.overdue ? loadOverdueTask() : null;
    }).then(function () {
      return options.attachments && window.jixiaoAttachments
        ? window.jixiaoAttachments(scope, $injector, options.attachments) : null;
    }).then(function () {
      return options.more ? options.more() : null;
    });
  });

  var block = options.decision;
  if (!block) {
    return;
  }
  function text(label, argument) {
    return typeof label === 'function' ? label(argument) : label;
  }
  scope.decided = { decision: null, comment: '' };
  scope.decisionBlock = {
    hasDecision: !!block.variable,
    label: function () {
      return text(block.label);
    },
    style: block.style || 'select',
    options: function () {
      return (block.options || []).filter(function (o) {
        return !o.shown || o.shown();
      });
    },
    optionLabel: function (o) {
      return text(o.label);
    },
    commentLabel: function () {
      return text(block.comment.label);
    },
    commentRows: block.comment.rows || 4,
    commentPlaceholder: function () {
      return text(block.comment.placeholder);
    },
    commentRequired: function () {
      return text(block.comment.required, scope.decided.decision) === true;
    },
    commentHelp: function () {
      return block.comment.help ? block.comment.help(scope.decided.decision) : null;
    }
  };
  function setString(name, content) {
    var variable = variables.variable(name);
    if (!variable) {
      variables.createVariable({ name: name, type: 'String', value: content, isDirty: true });
    } else {
      variable.type = 'String';
      variable.value = content;
    }
  }
  function hand() {
    if (block.variable) {
      setString(block.variable, scope.decided.decision);
    }
    var comment = scope.decided.comment;
    setString(block.comment.variable, comment && String(comment).trim() !== '' ? comment : null);
  }
  camForm.on('store', hand);
  camForm.on('submit', hand);
  camForm.on('variables-restored', function () {
    var decision = block.variable && variables.variable(block.variable);
    if (decision && decision.value) {
      scope.decided.decision = decision.value;
    }
    var comment = variables.variable(block.comment.variable);
    if (comment && comment.value) {
      scope.decided.comment = comment.value;
    }
  });
};

// 佐证材料 (attachments.html): the project's files from /api/projects/{code}/attachments, and the upload where the
// form's task takes files. options.attachments = { stage: 'EX_ANTE' | 'GOALS' | 'MONITORING', step, readOnly }.
// The upload is a multipart POST with the webapp session and its CSRF token (the one write a form makes itself).
window.jixiaoAttachments = function (scope, $injector, settings) {
  'use strict';
  var $http = $injector.get('$http');
  var code = scope.project && scope.project.code;
  if (!code) {
    return null;
  }
  var base = '/api/projects/' + encodeURIComponent(code) + '/attachments';
  var attachments = scope.attachments = {
    files: [],
    mayUpload: !settings.readOnly,
    size: function (bytes) {
      return bytes >= 1048576 ? (bytes / 1048576).toFixed(1) + ' MB' : Math.max(1, Math.round(bytes / 1024)) + ' KB';
    },
    upload: function () {
      var input = document.querySelector('input.jixiao-attachment-file');
      var file = input && input.files && input.files[0];
      attachments.done = null;
      if (!file) {
        attachments.error = '请先选择要上传的文件';
        return;
      }
      var data = new FormData();
      data.append('file', file);
      data.append('stage', settings.stage);
      if (settings.step) {
        data.append('step', settings.step);
      }
      var token = (document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/) || [])[1];
      attachments.busy = true;
      attachments.error = null;
      $http.post(base, data, {
        transformRequest: function (d) { return d; },
        headers: { 'Content-Type': undefined, 'X-XSRF-TOKEN': token ? decodeURIComponent(token) : undefined }
      }).then(function (response) {
        attachments.done = '已上传：' + response.data.fileName;
        input.value = '';
        return load();
      }, function (response) {
        attachments.error = (response.data && response.data.message) || '上传失败';
      }).finally(function () {
        attachments.busy = false;
      });
    }
  };
  function load() {
    return $http.get(base).then(function (response) {
      attachments.files = response.data;
    }, function (response) {
      attachments.error = (response.data && response.data.message) || '佐证材料加载失败';
    });
  }
  return load();
};
