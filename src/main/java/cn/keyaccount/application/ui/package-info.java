/**
 * Screens of 业扩 applications: the list (overdue first), one application with its steps, clock and stops, the
 * new-application form ({@code applications/new}, pre-filled from query parameters), the customer-page tab and the
 * workbench section.
 */
package cn.keyaccount.application.ui;
