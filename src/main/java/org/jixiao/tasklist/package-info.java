/**
 * Tasklist as the reviewer's workplace: what the customised Tasklist (app/tasklist/scripts/config.js, the scripts in
 * static/jixiao/tasklist/) asks of the application beyond the forms: who the user is ({@code /api/me}), what they
 * have done and applied for (我已办理, 我发起的), and where an item went after 提交. It stands on the project library,
 * the identity module and the engine; no other module uses it.
 */
package org.jixiao.tasklist;
