/** The opportunities over REST ({@code /api/opportunities}): list, pipeline, XLSX, open, change, reopen. */
package cn.keyaccount.opportunity.rest;
