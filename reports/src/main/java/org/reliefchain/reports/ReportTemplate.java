package org.reliefchain.reports;

/** The templates in {@code src/main/jasper}, each compiled to {@code reports/NAME.jasper} by the build. */
public enum ReportTemplate {
    /** 行政区划清单: rows with code, name, level, depth, population, children. */
    DIVISIONS("divisions"),
    /** 临期物资清单: rows with warehouse, warehouseName, material, lot, expiry, daysLeft, quantity. */
    NEAR_EXPIRY("near-expiry"),
    /** 库存台账: rows with occurred, type, material, lot, reference, quantity, balance, actor. */
    STOCK_LEDGER("stock-ledger"),
    /** 调拨单: rows with lineNo, materialName, requested, shipped, received, damaged, shortage. */
    ALLOCATION_ORDER("allocation-order"),
    /**
     * 补贴结算单: parameters scope, period, parties, total, signatures; rows with lineNo, item, agreement, material,
     * basis, rate, amount, explanation.
     */
    STATEMENT("statement"),
    /**
     * 年度储备支出: parameters scope (the division and year), period; rows with section (DIVISION, LEVEL, TOTAL), name,
     * level, subsidy, purchase, compensation, rotation, writeOff, total.
     */
    SPENDING("spending"),
    /** 储备计划完成情况: rows with group, groupName, planLines, target, covered, completion, linesShort. */
    PLAN_COMPLETION("plan-completion"),
    /** 库存汇总: rows with group, groupName, material, quantity, expired, lots, unit. */
    STOCK_ON_HAND("stock-on-hand"),
    /** 灾情与需求报告: rows with section, name, people, relocated, needed, available, shortfall, unit. */
    INCIDENT_SITUATION("incident-situation"),
    /**
     * 派车单, one trip: parameters number, incident, vehicle, trip (the vehicle's trip number), crew, base,
     * departure, plannedReturn, status (a trip status name), stops, people; rows of section LOAD (warehouse,
     * material, lot, quantity, unit), then of section STOP, one per material of a stop in stop order (stop,
     * stopName, people, plannedArrival, deadline, stopStatus (a stop status name), material, quantity, unit,
     * received, damaged, receipt).
     */
    DISPATCH_ORDER("dispatch-order"),
    /**
     * 派车单汇总, every trip of an incident: rows with trip, vehicle, crew, base, departure, tripStatus, stop, stopName,
     * plannedArrival, deadline, people, stopStatus, material, unit, planned, received, damaged (status names).
     */
    DISPATCH_ORDERS("dispatch-orders"),
    /**
     * 救灾物资送达情况: rows of section COUNTY (name, points, people, plannedInTime, reachedInTime, reached; no name:
     * the total) then TRIP (name, vehicle, status (a trip status name), stops, people, reachedInTime).
     */
    DELIVERY_REPORT("delivery-report"),
    /**
     * 轮换报告: parameters scope, period, details, bookValue, proceeds, loss (totals), signatures; rows with number,
     * warehouse, material, lot, method, quantity, bookValue, proceeds, loss, status.
     */
    ROTATION_REPORT("rotation-report"),
    /**
     * 核销表: parameters scope (the number), period, details, amount, waiting, hash; rows, one per signature, with
     * seq, level, division, signedBy, signedAt.
     */
    WRITE_OFF_FORM("write-off-form"),
    /**
     * 征用补偿清单, one requisition or every requisition of an incident: parameters scope, period, parties, total,
     * signatures; rows with lineNo, requisition, party, item, outcome, basis, amount.
     */
    COMPENSATION("compensation"),
    /**
     * 应付款明细: parameters scope, period; rows with section (ENTERPRISE, TOTAL), name, subsidy, purchase,
     * compensation, rotation, owed, paid, balance.
     */
    PAYABLES("payables");

    private final String name;

    ReportTemplate(String name) {
        this.name = name;
    }

    String resource() {
        return "/org/reliefchain/reports/templates/" + name + ".jasper";
    }

    public String fileName() {
        return name;
    }
}
