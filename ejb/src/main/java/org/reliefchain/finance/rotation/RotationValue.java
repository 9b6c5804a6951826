package org.reliefchain.finance.rotation;

import org.reliefchain.stock.Money;
import org.reliefchain.stock.Quantity;

/**
 * What a rotation is worth, to the fen: the book value of the quantity at the lot's unit cost, what the
 * rotation brings in, and the loss between them (negative when it gains). Each product of a price and a
 * quantity is rounded half-up to the fen once, so the loss is exactly book value less proceeds.
 *
 * <p>An exchange brings in the replacement lot at its unit cost, less the price difference the reserve pays
 * the supplier on top (a difference the supplier pays the reserve is negative and adds to the proceeds).
 */
public record RotationValue(Money bookValue, Money proceeds, Money loss) {

    public RotationValue {
        if (!loss.equals(bookValue.minus(proceeds))) {
            throw new IllegalArgumentException("the loss is the book value less the proceeds");
        }
    }

    public static RotationValue sale(Money unitCost, Quantity quantity, Money unitPrice) {
        return of(book(unitCost, quantity), times(unitPrice, quantity));
    }

    /** Donated or destroyed: nothing comes back. */
    public static RotationValue nothingBack(Money unitCost, Quantity quantity) {
        return of(book(unitCost, quantity), Money.zero(unitCost.currency()));
    }

    public static RotationValue exchange(Money unitCost, Quantity quantity, Money replacementUnitCost,
                                         Quantity replacementQuantity, Money priceDifference) {
        return of(book(unitCost, quantity), times(replacementUnitCost, replacementQuantity).minus(priceDifference));
    }

    private static RotationValue of(Money book, Money proceeds) {
        return new RotationValue(book, proceeds, book.minus(proceeds));
    }

    private static Money book(Money unitCost, Quantity quantity) {
        return times(unitCost, quantity);
    }

    private static Money times(Money price, Quantity quantity) {
        return Money.rounded(price.amount().multiply(quantity.value()), price.currency());
    }

    /** A loss to write off and compensate; a gain or zero raises nothing. */
    public boolean isLoss() {
        return loss.signum() > 0;
    }
}
