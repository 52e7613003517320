package io.strata.access;

import io.strata.access.diff.AccessChange;
import io.strata.access.diff.AccessDiff;
import io.strata.access.diff.GrantDiffer;
import io.strata.access.model.AccessCatalog;
import io.strata.access.model.AclEntry;
import io.strata.access.model.DefaultAcl;
import io.strata.access.model.Names;
import io.strata.access.model.ObjectRef;
import io.strata.access.spec.AccessSpec;
import io.strata.access.spec.AccessSpecReader;
import io.strata.core.error.StrataException;
import io.strata.core.layer.ApplyContext;
import io.strata.core.layer.Layer;
import io.strata.core.layer.LayerStatus;
import io.strata.core.layer.Target;
import io.strata.core.layer.Workspace;
import io.strata.core.plan.Change;
import io.strata.core.plan.LayerPlan;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The access layer: roles, memberships and privileges declared in {@code access/*.yaml},
 * compared with the database's catalog; undeclared privileges in managed schemas are revoked.
 * A platform without an {@code access/} folder plans nothing here.
 */
public final class AccessLayer implements Layer<AccessSpec, AccessCatalog> {

    public static final String NAME = AccessChanges.LAYER;

    private final AccessDialect dialect;

    public AccessLayer(AccessDialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public AccessSpec declare(Workspace workspace) {
        return new AccessSpecReader(dialect.name()).read(workspace);
    }

    @Override
    public boolean inUse(AccessSpec desired) {
        return desired.declared();
    }

    @Override
    public AccessCatalog observe(Target target) {
        try (Connection c = target.database().connect()) {
            return dialect.inspect(c);
        } catch (SQLException e) {
            throw new StrataException("cannot read roles and privileges on " + target.database().displayUrl() + ": "
                    + e.getMessage(), "check that the database is reachable and the credentials are right");
        }
    }

    /** The differ's findings, for callers that want more than the plan (observe, import, tests). */
    public AccessDiff diff(AccessSpec desired, AccessCatalog live) {
        return GrantDiffer.diff(desired, live, dialect.diffRules());
    }

    @Override
    public LayerPlan plan(AccessSpec desired, AccessCatalog live) {
        AccessDiff diff = diff(desired, live);
        List<Change> changes = new ArrayList<>(diff.changes().size());
        for (AccessChange change : diff.changes()) {
            changes.add(AccessChanges.describe(change, dialect.sql(change, live)));
        }
        List<String> warnings = new ArrayList<>(diff.warnings());
        if (!diff.unmanagedRoles().isEmpty() && !desired.pruneRoles()) {
            warnings.add(diff.unmanagedRoles().size() + " role(s) on the server are not in the spec and left alone: "
                    + names(diff.unmanagedRoles()) + " (their privileges in managed schemas are revoked; declare them,"
                    + " list them under `ignore:`, or set `prune_roles: true` to drop them)");
        }
        return new LayerPlan(NAME, fingerprint(live), changes, warnings);
    }

    /**
     * SHA-256 over the catalog's privileges, default privileges and owners, in the inspector's
     * (sorted) order: equal catalogs, equal fingerprints.
     */
    @Override
    public String fingerprint(AccessCatalog live) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            Digest d = new Digest(sha256);
            d.add("executor").add(live.executor()).add(live.database());
            for (AclEntry e : live.grants()) {
                d.add(e.grantee()).add(e.object()).add(e.privilege().name()).add(e.grantOption() ? "o" : "-")
                        .add(e.grantor());
            }
            for (DefaultAcl x : live.defaults()) {
                d.add(x.creator()).add(x.schema()).add(x.kind().name()).add(x.grantee()).add(x.privilege().name())
                        .add(x.grantOption() ? "o" : "-");
            }
            for (Map.Entry<ObjectRef, String> o : live.objectOwners().entrySet()) {
                d.add(o.getKey()).add(o.getValue());
            }
            live.schemaOwners().forEach((schema, owner) -> d.add(schema).add(owner));
            return "sha256:" + HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Feeds fields to a digest, each terminated by a NUL so that adjacent fields cannot run together. */
    private static final class Digest {
        private final MessageDigest sha256;
        private final byte[] buffer = new byte[8192];
        private int used;

        Digest(MessageDigest sha256) {
            this.sha256 = sha256;
        }

        Digest add(String field) {
            for (int i = 0; i < field.length(); i++) {
                char c = field.charAt(i);
                put((byte) (c >> 8));
                put((byte) c);
            }
            put((byte) 0);
            return this;
        }

        Digest add(ObjectRef o) {
            return add(o.kind().name()).add(o.schema()).add(o.name()).add(o.args());
        }

        private void put(byte b) {
            if (used == buffer.length) {
                sha256.update(buffer, 0, used);
                used = 0;
            }
            buffer[used++] = b;
        }

        byte[] digest() {
            sha256.update(buffer, 0, used);
            used = 0;
            return sha256.digest();
        }
    }

    @Override
    public LayerStatus status(AccessSpec desired, AccessCatalog live) {
        return AccessStatus.of(desired, diff(desired, live));
    }

    @Override
    public void apply(LayerPlan plan, Target target, ApplyContext context) {
        new AccessApplier(dialect.transactional(), target.database(), context).run(plan.changes());
    }

    static String names(List<String> roles) {
        List<String> shown = roles.stream().limit(10).map(Names::role).toList();
        return String.join(", ", shown) + (roles.size() > 10 ? ", ... (" + roles.size() + " in all)" : "");
    }
}
