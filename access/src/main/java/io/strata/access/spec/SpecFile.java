package io.strata.access.spec;

import io.strata.core.config.SourceLocation;
import java.util.List;
import java.util.Map;

/**
 * One {@code access/*.yaml} file, parsed but not yet merged with the others.
 *
 * @param settings the file-wide settings it declares (public, creators, ...), with where; each may
 *     be declared in one file only
 */
record SpecFile(
        String file,
        Map<String, RoleSpec> roles,
        List<GrantRule> grants,
        List<RolePattern> ignore,
        List<RolePattern> managedRoles,
        List<String> extraSchemas,
        List<String> creators,
        Boolean pruneRoles,
        String reassignOwnedTo,
        Map<String, SourceLocation> settings) {}
