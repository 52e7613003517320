package io.strata.access.diff;

import java.util.List;

/**
 * What the differ found: the changes in apply order, what a reviewer should know, and the live
 * roles the spec does not declare (reported; dropped only with {@code prune_roles}).
 */
public record AccessDiff(List<AccessChange> changes, List<String> warnings, List<String> unmanagedRoles) {
    public AccessDiff {
        changes = List.copyOf(changes);
        warnings = List.copyOf(warnings);
        unmanagedRoles = List.copyOf(unmanagedRoles);
    }
}
