package org.gongtong.cultivation;

/** A range of points an assessor may give within a band (min == max when the rule fixes it). */
public record PointRange(int min, int max) {

    public static final PointRange ZERO = new PointRange(0, 0);

    public PointRange plus(PointRange o) {
        return new PointRange(min + o.min, max + o.max);
    }

    public PointRange minus(PointRange o) {
        return new PointRange(min - o.min, max - o.max);
    }

    public PointRange cap(int limit) {
        return new PointRange(Math.min(min, limit), Math.min(max, limit));
    }
}
