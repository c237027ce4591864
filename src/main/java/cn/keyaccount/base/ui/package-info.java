/**
 * The application frame and what every view shares: {@link MainLayout} (menu built from the views' {@code @Menu}
 * entries and filtered by role, language switch 中文 / English, sign-out; the landing page at route "" is the
 * workbench's, which base does not know), the view-access and language wiring {@code UiSetup}, {@link AppI18NProvider} (Vaadin's translations),
 * {@link Errors} (the session-wide error handler: a refusal at the fields of the {@link ShowsFieldErrors} form around
 * the failed component or as a note, a version conflict with a reload, anything else a note with a logged reference),
 * {@link FieldErrors} (a service's field errors put at their fields), {@link Notices} (success notes) and
 * {@link Uploads} (the upload component's words in the user's language).
 * <p>
 * <b>Depends on</b> {@code base} only; no feature.
 */
package cn.keyaccount.base.ui;
