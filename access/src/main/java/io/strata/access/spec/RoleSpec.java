package io.strata.access.spec;

import io.strata.core.config.SourceLocation;
import java.util.List;
import java.util.Objects;

/**
 * A declared role. Attributes left out of the spec take PostgreSQL's defaults, and Strata
 * converges to them: a role without {@code login: true} cannot log in.
 *
 * @param name the role name, exact (case and spaces are kept)
 * @param host MySQL's host part ({@code %} when not declared); unused on PostgreSQL
 * @param login whether it can log in
 * @param inherit whether it uses its groups' privileges without SET ROLE
 * @param connectionLimit -1 for unlimited
 * @param comment empty for none
 * @param memberOf the roles it is a member of, all of them: others are revoked
 * @param location where it is declared
 */
public record RoleSpec(String name, String host, boolean login, boolean inherit, int connectionLimit, String comment,
        List<String> memberOf, SourceLocation location) {
    public RoleSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(location, "location");
        memberOf = List.copyOf(memberOf);
    }
}
