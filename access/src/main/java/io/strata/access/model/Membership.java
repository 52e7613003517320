package io.strata.access.model;

import java.util.Objects;

/** {@code member} is a member of {@code role} (it holds {@code role}'s privileges when it inherits). */
public record Membership(String role, String member) {
    public Membership {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(member, "member");
    }
}
