package cn.keyaccount.portrait;

import cn.keyaccount.base.Messages;
import java.util.Locale;

/** A segment's name in a language: its kind, its ordinal among segments of that kind, "reduced at weekends". */
public final class SegmentNames {

    private SegmentNames() {
    }

    public static String name(ShapeKind kind, int ordinal, boolean weekendReduced, Locale locale) {
        String name = Messages.get(locale, "portrait.kind." + kind.name());
        if (ordinal > 0) {
            name = name + " " + ordinal;
        }
        return weekendReduced ? Messages.get(locale, "portrait.kind.weekend-reduced", name) : name;
    }
}
