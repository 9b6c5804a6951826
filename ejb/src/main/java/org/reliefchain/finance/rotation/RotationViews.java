package org.reliefchain.finance.rotation;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.reliefchain.catalog.Material;
import org.reliefchain.finance.enterprise.Enterprise;
import org.reliefchain.finance.writeoff.WriteOff;
import org.reliefchain.network.Warehouse;
import org.reliefchain.security.Caller;
import org.reliefchain.stock.StockLot;

/** Builds what a viewer sees of a plan, with the write-off it raised (number and status) and their actions. */
@Stateless
@PermitAll
public class RotationViews {

    @PersistenceContext
    private EntityManager em;

    public RotationView view(RotationPlan p, Caller caller) {
        Warehouse w = em.find(Warehouse.class, p.warehouseId());
        StockLot lot = em.find(StockLot.class, p.lotId());
        Material m = em.find(Material.class, lot.materialCode());
        Enterprise e = p.enterpriseId() == null ? null : em.find(Enterprise.class, p.enterpriseId());
        WriteOff wo = p.writeOffId() == null ? null : em.find(WriteOff.class, p.writeOffId());
        RotationPlan.Replacement r = p.replacement();
        RotationView.Replacement replacement = r == null ? null : new RotationView.Replacement(r.lot(),
                r.productionDate(), r.expiryDate(), r.quantity().toString(), r.unitCost().plain(),
                r.priceDifference().plain());
        return new RotationView(p.id(), p.number(), w.code(), w.nameZh(), w.nameEn(), p.division().value(),
                m.code(), m.nameZh(), m.nameEn(), m.unitZh(), m.unitEn(), lot.lotNumber(), lot.expiryDate(), lot.owner(),
                p.quantity().toString(), p.method(), p.unitCost().plain(), p.bookValue().plain(),
                p.unitPrice() == null ? null : p.unitPrice().plain(), p.proceeds().plain(), p.loss().plain(),
                p.recipient(), p.reason(), p.enterpriseId(), e == null ? null : e.name(), replacement, p.status(),
                p.raisedBy(), p.raisedAt(), p.managerApprovedBy(), p.managerApprovedAt(), p.financeApprovedBy(),
                p.financeApprovedAt(), p.executedBy(), p.executedAt(), p.endReason(), p.endedBy(), p.outMovementId(),
                p.inMovementId(), p.writeOffId(), wo == null ? null : wo.number(),
                wo == null ? null : wo.status().name(), p.journalEntryId(), p.synthetic(),
                p.actions(caller.username(), caller.role()), p.version());
    }

    /** The method as the ledger's reasons and the write-off's description say it. */
    static String methodZh(RotationMethod method) {
        return switch (method) {
            case SELL -> "出售";
            case HAND_OVER -> "移交使用单位";
            case DONATE -> "捐赠";
            case EXCHANGE -> "以旧换新";
            case DESTROY -> "销毁";
        };
    }

}
