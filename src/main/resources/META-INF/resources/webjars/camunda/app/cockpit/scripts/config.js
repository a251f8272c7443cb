// jixiao: Chinese first. A browser asking for zh (any zh-*) gets locales/zh.json; keys missing there
// fall back to English.
export default {
  // the end-of-life banner only for administrators (styles/user-styles.css hides it for everyone else)
  customScripts: ['../../../jixiao/webapps/notice.js'],
  app: {
    name: '流程监控',
    vendor: '预算绩效管理'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'en'
  },
  dateFormat: {
    normal: 'YYYY-MM-DD HH:mm',
    long: 'YYYY年M月D日 HH:mm:ss'
  }
};
