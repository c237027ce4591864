/** REST of the repair green channel: crews (/api/repair-crews) and repairs (/api/repairs). */
package cn.keyaccount.servicerequest.repair.rest;
