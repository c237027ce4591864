package cn.keyaccount.energy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The plain-JPA way of writing meter_day, for {@link EnergyBenchmark}'s comparison only: the application itself writes
 * meter_day through COPY (ReadingImporter) and never through an entity.
 */
@Entity
@Table(name = "meter_day")
@IdClass(BenchMeterDay.Key.class)
public class BenchMeterDay {

    @Id
    @Column(name = "meter_id")
    long meterId;
    @Id
    LocalDate day;
    float[] kwh;
    float[] kvarh;

    public static class Key implements Serializable {
        long meterId;
        LocalDate day;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.meterId == meterId && Objects.equals(k.day, day);
        }

        @Override
        public int hashCode() {
            return Objects.hash(meterId, day);
        }
    }
}
