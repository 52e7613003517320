package io.strata.storage.environment;

import java.util.List;
import java.util.Map;

/**
 * The part of {@link ServerDatabases#dropRoles} both dialects share: a role is kept with a kept
 * role it is a member of or has as member, since dropping it would take that membership away.
 */
final class KeptRoles {

    private KeptRoles() {}

    /**
     * Adds to {@code kept}, until nothing changes, every one of {@code roles} linked to a kept role.
     *
     * @param memberships each {@code {member, role}}, as the server records them
     */
    static void addLinked(List<String> roles, Map<String, String> kept, List<String[]> memberships) {
        boolean grew = true;
        while (grew) {
            grew = false;
            for (String[] m : memberships) {
                for (int i = 0; i < 2; i++) {
                    String role = m[i];
                    String other = m[1 - i];
                    if (roles.contains(role) && !kept.containsKey(role) && kept.containsKey(other)) {
                        kept.put(role, (i == 0 ? "member of " : "has as member ") + "the kept role " + other);
                        grew = true;
                    }
                }
            }
        }
    }
}
