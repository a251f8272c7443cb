// jixiao: Chinese first. A browser asking for zh (any zh-*) gets locales/zh.json; keys missing there
// fall back to English.
export default {
  // the shared code of the task forms (forms/*.html), loaded once when Tasklist starts, so that every form's
  // script finds it: the task context (project or goal set, decision block) and the indicator-tree editor.
  // Paths are relative to app/tasklist/; src/main/resources/static/jixiao/forms/ serves them at /jixiao/forms/.
  // tasklist.js: search by project, 我已办理/我发起的, landing filter, absolute due dates, district names, the
  // notice after 提交; notice.js: the end-of-life banner only for administrators.
  customScripts: ['../../../jixiao/forms/task-context.js', '../../../jixiao/forms/goal-tree-editor.js',
    '../../../jixiao/tasklist/tasklist.js', '../../../jixiao/webapps/notice.js'],
  app: {
    name: '待办事项',
    vendor: '预算绩效管理'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'en'
  },
  dateFormat: {
    normal: 'YYYY-MM-DD HH:mm',
    long: 'YYYY年M月D日 HH:mm:ss'
  },
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的事项'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '光标移到第一个筛选视图'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '光标移到事项列表的第一项'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '光标移到表单的第一个输入框'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开“发起流程”对话框'
    }
  }
};
