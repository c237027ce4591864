/**
 * The opportunity screens: the pipeline and list ({@code OpportunitiesView}, route {@code opportunities}), the
 * customer page's tab with the customer's need tags and opportunities ({@code OpportunityCustomerTab}), and the form
 * that edits one.
 */
package cn.keyaccount.opportunity.ui;
