package io.strata.access.spec;

import io.strata.access.model.Names;
import io.strata.access.model.ObjectKind;
import io.strata.access.model.ObjectRef;
import io.strata.access.model.Privilege;
import io.strata.core.config.SourceLocation;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One declared grant: privileges a role (or PUBLIC) holds on one object, or on every object of a
 * kind in a schema ({@code marts.*}: now and in the future).
 *
 * @param grantee the role, or {@link Names#PUBLIC}
 * @param object the object; for a pattern, the schema's objects of {@code object.kind()} with an empty name
 * @param pattern whether this is {@code schema.*}
 * @param privileges each privilege with whether it carries the grant option
 * @param location where it is declared
 */
public record GrantRule(String grantee, ObjectRef object, boolean pattern, Map<Privilege, Boolean> privileges,
        SourceLocation location) {

    public GrantRule {
        Objects.requireNonNull(grantee, "grantee");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(location, "location");
        privileges = Collections.unmodifiableMap(new EnumMap<>(privileges));
    }

    public ObjectKind kind() {
        return object.kind();
    }

    /** {@code marts.*} for a pattern, else the object's spec name. */
    public String target() {
        return pattern ? Names.displayPart(object.schema()) + ".*" : object.display();
    }
}
