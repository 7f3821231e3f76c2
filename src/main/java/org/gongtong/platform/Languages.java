package org.gongtong.platform;

import java.util.Locale;

/** The two languages the platform speaks. */
public final class Languages {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private Languages() {}

    public static Locale normalise(String tag) {
        return tag != null && tag.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : CHINESE;
    }
}
