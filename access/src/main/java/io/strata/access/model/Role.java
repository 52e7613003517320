package io.strata.access.model;

import java.util.Objects;

/**
 * A live role (a PostgreSQL role; a MySQL user or role) and the attributes Strata manages.
 *
 * @param name the role name (MySQL: the user name; the host is part of the name, see {@link #host})
 * @param host MySQL's host part ({@code %} for any); empty on PostgreSQL
 * @param login whether it can log in
 * @param inherit whether it uses the privileges of the roles it is a member of without SET ROLE
 * @param connectionLimit -1 for unlimited
 * @param comment its comment, empty when none
 * @param superuser superusers bypass privileges; Strata never changes them
 */
public record Role(String name, String host, boolean login, boolean inherit, int connectionLimit, String comment,
        boolean superuser) {
    public Role {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(comment, "comment");
    }
}
