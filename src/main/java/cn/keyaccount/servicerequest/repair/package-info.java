/**
 * The repair green channel (抢修绿色通道): repair crews per unit ({@link cn.keyaccount.servicerequest.repair.CrewService}),
 * and each key customer's repair ({@link cn.keyaccount.servicerequest.repair.RepairService}): dispatched to a crew the
 * moment it is raised ({@code CrewDispatch}, observing {@link cn.keyaccount.servicerequest.RequestRaised}), linked to
 * the open fault outage on the customer's line, followed step by step from the crew's phone (times never go
 * backwards), each step told to the customer's contacts and manager urgently ({@code RepairNotices}); arrival and
 * restoration feed the request's service-level clocks through {@code ServiceRequestService}'s repair hooks.
 * <p>
 * A crew signs in with the role {@code REPAIR_CREW}: it holds none of the role lists of {@code security.Roles}, so
 * every page and endpoint but the crew's own refuses it, and the services give it nothing of customers, outages or
 * requests ({@code CustomerAccess} and the other scopes answer none).
 * <p>
 * <b>Depends on</b> {@code servicerequest} (the requests and their clocks), {@code outage} (its public queries: the
 * fault outages on a customer's line), {@code notice}, {@code org}, {@code security}, {@code audit}, {@code base}.
 */
package cn.keyaccount.servicerequest.repair;
