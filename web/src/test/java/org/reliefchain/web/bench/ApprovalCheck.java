package org.reliefchain.web.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * What an approved plan wrote, read back from the database rather than from the API's answer: the
 * ISSUE movements of the approval's ledger request (opened as {@code plan-<id>-approve}) summed by
 * warehouse and lot equal the plan trips' {@code dispatch_load} rows, with one ISSUE per warehouse and lot
 * for the whole plan (approval issues per warehouse, material and lot and shares each lot out to the
 * trips), those loads equal the planned stop lines per trip and material, the ledger still sums to the
 * balance of every lot it touched, and no balance anywhere is negative. For a plan's first approval: a
 * revision's loads also hold what it took over from the orders it replaces, without a movement.
 */
final class ApprovalCheck {

    /** The counts a reader needs to judge the verdict. */
    record Result(long movements, long trips, long lots, long lotsIssuedMoreThanOnce, long issuedByLotMismatches,
                  long loadsByMaterialMismatches, long ledgerBalanceMismatches, long otherMovements,
                  long negativeBalances, int expectedMovements, int expectedReturns, int expectedTrips) {

        boolean ok() {
            return movements == expectedMovements && trips == expectedTrips && movements > 0
                    && lotsIssuedMoreThanOnce == 0 && issuedByLotMismatches == 0 && loadsByMaterialMismatches == 0
                    && ledgerBalanceMismatches == 0
                    && otherMovements == expectedReturns && negativeBalances == 0;
        }

        String describe() {
            return String.format(java.util.Locale.ROOT, "%d ISSUE movements in the ledger (the approval answered %d),"
                            + " %d trips (answered %d), %d warehouse lots issued from; %d lots issued by more than one"
                            + " movement, %d lots whose issued quantity differs"
                            + " from the trips' loads, %d trip materials whose loads differ from the planned stop lines,"
                            + " %d touched lots whose ledger differs from the balance, %d other movements under the"
                            + " request (%d returns answered), %d negative balances", movements, expectedMovements, trips,
                    expectedTrips, lots, lotsIssuedMoreThanOnce, issuedByLotMismatches, loadsByMaterialMismatches,
                    ledgerBalanceMismatches, otherMovements, expectedReturns, negativeBalances);
        }
    }

    /** The approval's movements: the ledger request approval opened for this plan. */
    private static final String APPROVAL_MOVEMENTS = "select m.* from stock_movement m join stock_request r"
            + " on r.id = m.request_id where r.idempotency_key = 'plan-' || ?::bigint || '-approve'";

    private ApprovalCheck() {
    }

    /**
     * {@code expectedMovements}: the ISSUE movements approval answered; {@code expectedReturns}: movements back
     * into stock it answered (a revision's leftovers; none on a first approval).
     */
    static Result of(Db db, long planId, int expectedMovements, int expectedReturns, int expectedTrips) throws Exception {
        try (Connection c = db.connect()) {
            // Read everything from one snapshot, so the counts agree with each other.
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            long movements = count(c, "select count(*) from (" + APPROVAL_MOVEMENTS + ") m where m.type = 'ISSUE'", planId);
            long other = count(c, "select count(*) from (" + APPROVAL_MOVEMENTS + ") m where m.type <> 'ISSUE'", planId);
            long trips = count(c, "select count(*) from dispatch_trip where plan_id = ?", planId);
            long lots = count(c, "select count(distinct (m.warehouse_id, m.lot_id)) from (" + APPROVAL_MOVEMENTS + ") m",
                    planId);
            long twice = count(c, "select count(*) from (select 1 from (" + APPROVAL_MOVEMENTS + ") m where m.type = 'ISSUE'"
                    + " group by m.warehouse_id, m.lot_id having count(*) > 1) x", planId);
            long byLot = count(c, "with issued as (select m.warehouse_id, m.lot_id, -sum(m.quantity_delta) as q from ("
                    + APPROVAL_MOVEMENTS + ") m where m.type = 'ISSUE' group by m.warehouse_id, m.lot_id),"
                    + " loaded as (select l.warehouse_id, l.lot_id, sum(l.quantity) as q from dispatch_load l"
                    + " join dispatch_trip t on t.id = l.trip_id where t.plan_id = ? group by l.warehouse_id, l.lot_id)"
                    + " select count(*) from issued i full join loaded d on d.warehouse_id = i.warehouse_id"
                    + " and d.lot_id = i.lot_id where i.q is distinct from d.q", planId, planId);
            long byMaterial = count(c, "with loaded as (select l.trip_id, s.material_code, sum(l.quantity) as q"
                    + " from dispatch_load l join stock_lot s on s.id = l.lot_id join dispatch_trip t on t.id = l.trip_id"
                    + " where t.plan_id = ? group by l.trip_id, s.material_code),"
                    + " planned as (select s.trip_id, sl.material_code, sum(sl.planned) as q from dispatch_stop_line sl"
                    + " join dispatch_stop s on s.id = sl.stop_id join dispatch_trip t on t.id = s.trip_id"
                    + " where t.plan_id = ? group by s.trip_id, sl.material_code)"
                    + " select count(*) from loaded full join planned using (trip_id, material_code)"
                    + " where loaded.q is distinct from planned.q", planId, planId);
            long ledger = count(c, "select count(*) from stock_balance b where (b.warehouse_id, b.lot_id) in"
                    + " (select m.warehouse_id, m.lot_id from (" + APPROVAL_MOVEMENTS + ") m)"
                    + " and b.quantity <> (select coalesce(sum(x.quantity_delta), 0) from stock_movement x"
                    + " where x.warehouse_id = b.warehouse_id and x.lot_id = b.lot_id)", planId);
            long negative = count(c, "select count(*) from stock_balance where quantity < 0");
            c.rollback();
            return new Result(movements, trips, lots, twice, byLot, byMaterial, ledger, other, negative,
                    expectedMovements, expectedReturns, expectedTrips);
        }
    }

    private static long count(Connection c, String sql, long... planIds) throws Exception {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < planIds.length; i++) {
                p.setLong(i + 1, planIds[i]);
            }
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
