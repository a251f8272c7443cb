// The end-of-life banner of the Camunda 7.24 webapps (BANNER_CE_EOL_TEXT, div.ce-eol-banner) is hidden for everyone
// by styles/user-styles.css of each app: reviewers have nothing to migrate. An administrator (a user who may open
// Admin) sees it again as a quiet notice of our own text (locales/zh.json), which points to docs/operations.md.
// Who is logged in is asked only once the header shows a logged-in user (a.navbar-brand.app-banner, rendered only
// with an authentication): a request during the login itself could renew the CSRF token the login form is about
// to send. The webapps log in and out without reloading the page, so it is asked again after each new login.
let asked = false;

function check() {
  fetch('/camunda/api/admin/auth/user/default', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : null))
    .then((user) => {
      const administrator = !!(user && Array.isArray(user.authorizedApps) && user.authorizedApps.indexOf('admin') >= 0);
      document.body.classList.toggle('jixiao-administrator', administrator);
    })
    .catch(() => {});
}

new MutationObserver(() => {
  const loggedIn = !!document.querySelector('a.navbar-brand.app-banner');
  if (loggedIn && !asked) {
    asked = true;
    check();
  } else if (!loggedIn && asked) {
    asked = false;
    document.body.classList.remove('jixiao-administrator');
  }
}).observe(document.documentElement, { childList: true, subtree: true });

export default [];
