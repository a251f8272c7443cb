// The end-of-life banner of the Camunda 7.24 webapps (BANNER_CE_EOL_TEXT, div.ce-eol-banner) is hidden for everyone
// by styles/user-styles.css of each app: reviewers have nothing to migrate. An administrator (a user who may open
// Admin) sees it again as a quiet notice of our own text (locales/zh.json), which points to docs/operations.md.
// The webapps log in without reloading the page: the user is asked for again until one is logged in, and after
// every change of the page's address (a logout and another login).
let known = null;

function check() {
  fetch('/camunda/api/admin/auth/user/default', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : null))
    .then((user) => {
      known = user && user.userId ? user.userId : null;
      const administrator = !!(user && Array.isArray(user.authorizedApps) && user.authorizedApps.indexOf('admin') >= 0);
      document.body.classList.toggle('jixiao-administrator', administrator);
    })
    .catch(() => {});
}

check();
setInterval(() => {
  if (known === null) {
    check();
  }
}, 2000);
window.addEventListener('hashchange', check);

export default [];
