package org.gongtong.platform;

import java.math.BigDecimal;
import java.util.List;

/**
 * A page of a list of money rows with the exact sum over all matching rows (not only this page):
 * {content, totalElements, page, size, sum}. Used where a dashboard figure sums an amount.
 */
public record SummedPage<T>(List<T> content, long totalElements, int page, int size, BigDecimal sum) {

    public static <T> SummedPage<T> of(PageResult<T> page, BigDecimal sum) {
        return new SummedPage<>(page.content(), page.totalElements(), page.page(), page.size(), sum);
    }
}
