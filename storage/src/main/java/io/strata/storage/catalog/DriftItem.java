package io.strata.storage.catalog;

import io.strata.core.plan.Action;
import java.util.Comparator;
import java.util.Objects;

/**
 * One object changed by hand since the snapshot.
 *
 * @param action what happened to it: {@code +} added, {@code ~} changed, {@code -} dropped
 * @param object its qualified name, e.g. {@code raw.customers.note}
 * @param detail the rest of the line, e.g. {@code (text, nullable) was added by hand} or, for a
 *     change, {@code type character varying(50) → text}
 */
public record DriftItem(Action action, ObjectKind kind, String object, String detail) {

    /** By object name (so a table's columns follow it), then kind, then action. */
    public static final Comparator<DriftItem> ORDER = Comparator.comparing(DriftItem::object)
            .thenComparing(DriftItem::kind).thenComparing(DriftItem::action);

    public DriftItem {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(detail, "detail");
    }

    public String symbol() {
        return action.symbol();
    }

    /**
     * The line people read: {@code + column raw.customers.note (text, nullable) was added by hand},
     * {@code ~ column marts.customers.segment: type character varying(50) → text}.
     */
    public String line() {
        return symbol() + " " + kind.label() + " " + object + (action == Action.ALTER ? ": " : " ") + detail;
    }

    @Override
    public String toString() {
        return line();
    }
}
