package org.reliefchain.incident;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One line of a version of the relief standards: how much of a material, for whom, per day or once, and its source. */
@Entity
@Table(name = "relief_standard")
@IdClass(ReliefStandard.Key.class)
public class ReliefStandard {

    public record Key(int version, String materialCode) implements java.io.Serializable {
        public Key() {
            this(0, null);
        }
    }

    @Id
    private int version;
    @Id
    @Column(name = "material_code")
    private String materialCode;
    @Enumerated(EnumType.STRING)
    private StandardBasis basis;
    private BigDecimal quantity;
    @Column(name = "per_day")
    private boolean perDay;
    private String citation;

    protected ReliefStandard() {
    }

    public ReliefStandard(int version, StandardLine line) {
        this.version = version;
        this.materialCode = line.material();
        this.basis = line.basis();
        this.quantity = line.quantity();
        this.perDay = line.perDay();
        this.citation = line.citation();
    }

    public StandardLine line() {
        return new StandardLine(materialCode, basis, quantity, perDay, citation);
    }

    public int version() {
        return version;
    }
}
