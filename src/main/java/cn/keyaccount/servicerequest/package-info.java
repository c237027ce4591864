/**
 * Service requests (客户诉求工单): every request a key customer makes — 故障报修, 咨询, 服务申请 (meter check,
 * power-quality test, energy-efficiency check, 用电安全检查), 意见/投诉, 表扬 — tracked from the call to the answer.
 * Sources: the portal, a phone call the manager enters, a visit's 诉求 (one click, linked back). A request is handed
 * across units and persons with a note; every hand-off and comment is kept; nothing closes without an answer text;
 * a closed request changes only by reopening; a complaint is never closed by the person it is about.
 * <p>
 * <b>Start with</b> {@link cn.keyaccount.servicerequest.ServiceRequestService} (changes),
 * {@link cn.keyaccount.servicerequest.ServiceRequestQueries} (lists, details, the owner's inbox),
 * {@code RequestAccess} (who sees and handles what).
 * <p>
 * Service levels per type and area come from {@code scheduler/service-levels.properties} ({@code ServiceLevels},
 * pure, its sources cited there; {@code ServiceLevelSource} re-reads an administrator's copy); {@code RequestEscalation}
 * warns the owner and tells the supervisor through the notice engine ({@code RequestAlerts}).
 * <p>
 * The repair green channel (crews, dispatch, the crew's steps) is the sub-package {@code repair}: it observes
 * {@link cn.keyaccount.servicerequest.RequestRaised} and moves a repair's clocks through this service's repair hooks.
 * <p>
 * <b>Depends on</b> {@code customer}, {@code visit} (a visit's 诉求), {@code notice} (warnings), {@code org},
 * {@code security}, {@code audit} and {@code base} (the working-day calendar).
 */
package cn.keyaccount.servicerequest;
