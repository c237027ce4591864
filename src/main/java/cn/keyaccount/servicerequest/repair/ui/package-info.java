/**
 * Screens of the repair green channel: the crews (supervisors keep them), a crew's phone-width pages (its repairs;
 * one repair's steps and photos), and the guard that keeps a crew sign-in on those pages.
 */
package cn.keyaccount.servicerequest.repair.ui;
