package cn.keyaccount.energy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A season of a stored tariff: its months ("7,8") and its bands ("23:00-07:00 VALLEY; 10:00-13:00 PEAK"). */
@Entity
@Table(name = "tou_season")
public class TariffSeason {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @jakarta.persistence.JoinColumn(name = "tariff_id")
    Tariff tariff;
    @Column(nullable = false)
    String name;
    @Column(nullable = false)
    String months;
    @Column(nullable = false)
    String bands;
}
