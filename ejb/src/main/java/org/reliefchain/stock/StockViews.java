package org.reliefchain.stock;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

/** Turns ledger rows into views with warehouse codes, material codes and lot numbers. */
@Stateless
@PermitAll
public class StockViews {

    /** Movements with their warehouse code and lot; conditions on m, w, l are appended. */
    static final String FROM = " from StockMovement m, Warehouse w, StockLot l where w.id = m.warehouseId"
            + " and l.id = m.lotId";

    @PersistenceContext
    private EntityManager em;

    public List<MovementView> ofRequest(long requestId) {
        return views(em.createQuery("select m, w.code, l" + FROM + " and m.requestId = :r order by m.id",
                Object[].class).setParameter("r", requestId));
    }

    static List<MovementView> views(TypedQuery<Object[]> query) {
        return query.getResultList().stream().map(r -> view((StockMovement) r[0], (String) r[1], (StockLot) r[2]))
                .toList();
    }

    static MovementView view(StockMovement m, String warehouseCode, StockLot lot) {
        return new MovementView(m.id(), m.type(), warehouseCode, lot.materialCode(), lot.lotNumber(), lot.expiryDate(),
                m.delta().toString(), m.balanceAfter().toString(), m.occurredAt(), m.registeredAt(), m.actor(),
                m.reason(), m.reference(), m.reversesId());
    }
}
