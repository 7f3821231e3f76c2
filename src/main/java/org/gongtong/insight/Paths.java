package org.gongtong.insight;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/**
 * Builds the drill-down and page paths of indicators: {@code Paths.of("/api/v1/x", "kind", "A",
 * "county", scope.county())} → {@code /api/v1/x?kind=A&county=…}; null values are left out, so a
 * city scope simply has no county parameter; values are URL-encoded except commas (lists).
 */
public final class Paths {

    private Paths() {}

    public static String of(String path, Object... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("name/value pairs expected");
        }
        StringJoiner q = new StringJoiner("&");
        for (int i = 0; i < pairs.length; i += 2) {
            Object v = pairs[i + 1];
            if (v != null && !v.toString().isBlank()) {
                q.add(pairs[i] + "="
                        + URLEncoder.encode(v.toString(), StandardCharsets.UTF_8)
                                .replace("%2C", ","));
            }
        }
        return q.length() == 0 ? path : path + (path.contains("?") ? "&" : "?") + q;
    }
}
