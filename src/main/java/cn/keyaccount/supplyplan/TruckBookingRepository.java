package cn.keyaccount.supplyplan;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class TruckBookingRepository implements PanacheRepository<TruckBooking> {
}
