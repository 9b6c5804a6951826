package org.reliefchain.finance.agreement;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.reliefchain.stock.Custodians;

/** Custodians from the custody agreements (代储) in force: the enterprise of the line naming warehouse and material. */
@ApplicationScoped
public class AgreementCustodians implements Custodians {

    @PersistenceContext
    private EntityManager em;

    @Override
    public Map<String, String> of(Collection<Long> warehouseIds) {
        Map<String, String> out = new HashMap<>();
        if (warehouseIds.isEmpty()) {
            return out;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select l.warehouse_id, l.material_code, min(e.name)"
                        + " from agreement_line l join agreement a on a.id = l.agreement_id"
                        + " join enterprise e on e.id = a.enterprise_id where a.kind = 'CUSTODY' and a.status = 'ACTIVE'"
                        + " and l.warehouse_id = any(?1) group by 1, 2")
                .setParameter(1, warehouseIds.toArray(new Long[0])).getResultList();
        for (Object[] r : rows) {
            out.put(Custodians.key(((Number) r[0]).longValue(), (String) r[1]), (String) r[2]);
        }
        return out;
    }
}
