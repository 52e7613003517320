package io.strata.access;

import io.strata.access.diff.AccessChange;
import io.strata.access.diff.AccessDiff;
import io.strata.access.model.Names;
import io.strata.access.spec.AccessSpec;
import io.strata.core.layer.LayerStatus;
import io.strata.core.plan.Action;
import io.strata.core.plan.Change;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code strata observe} says about access: in sync; pending (declared things not there
 * yet); or drift (the database holds privileges, memberships or attributes the spec does not
 * declare), listed per role and object.
 */
final class AccessStatus {

    private AccessStatus() {}

    static LayerStatus of(AccessSpec spec, AccessDiff diff) {
        Map<String, List<String>> byRole = new TreeMap<>();
        boolean drift = false;
        for (AccessChange change : diff.changes()) {
            Change c = AccessChanges.describe(change, "");
            String role = c.attribute("role") == null ? "" : c.attribute("role");
            byRole.computeIfAbsent(role, r -> new ArrayList<>())
                    .add(c.action().symbol() + " " + c.object() + " (" + c.summary() + ")");
            drift |= c.action() != Action.CREATE || c.object().startsWith("role ") && c.action() == Action.ALTER;
        }
        List<String> details = new ArrayList<>();
        byRole.forEach((role, lines) -> {
            details.add((drift(lines) ? "drift: " : "pending: ") + Names.role(role) + ":");
            lines.forEach(line -> details.add("  " + line));
        });
        if (!diff.unmanagedRoles().isEmpty()) {
            details.add("not in the spec (left alone): " + AccessLayer.names(diff.unmanagedRoles()));
        }
        int grants = spec.grants().size();
        String summary = spec.roles().size() + " role(s), " + grants + " grant rule(s) declared; "
                + (diff.changes().isEmpty() ? "in sync" : diff.changes().size() + " difference(s)");
        LayerStatus.State state = diff.changes().isEmpty() ? LayerStatus.State.IN_SYNC
                : drift ? LayerStatus.State.DRIFT : LayerStatus.State.PENDING;
        return new LayerStatus(AccessLayer.NAME, state, summary, details);
    }

    private static boolean drift(List<String> lines) {
        return lines.stream().anyMatch(l -> !l.startsWith(Action.CREATE.symbol()));
    }
}
