package io.strata.access.audit;

import io.strata.access.audit.EffectivePrivileges.Held;
import io.strata.access.audit.EffectivePrivileges.Holder;
import io.strata.access.model.Names;
import io.strata.access.model.ObjectRef;
import io.strata.access.model.Privilege;
import io.strata.access.spec.AccessSpec;
import io.strata.access.spec.GrantRule;
import io.strata.access.spec.RoleSpec;
import io.strata.core.error.StrataException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The text of {@code strata access who-can} and {@code explain}: what the spec says, and when it was applied. */
public final class AuditReport {

    private AuditReport() {}

    /** Where the spec came from: a commit in force at a date, or the files as they are. */
    public record Source(String describe, Optional<SpecVersion> version) {}

    public static List<String> whoCan(AccessSpec spec, Source source, String privilegeText, String objectText,
            List<String> appliedLines) {
        ObjectRef object = ObjectArgument.parse(objectText);
        Privilege privilege = Privilege.parse(privilegeText).filter(p -> object.kind().accepts(p)).orElseThrow(() ->
                new StrataException("`" + privilegeText + "` is not a privilege on a " + object.kind().label(),
                        "privileges on a " + object.kind().label() + ": " + object.kind().privileges()));
        List<String> out = new ArrayList<>();
        out.add("Who can " + privilege.sql() + " on " + object.display() + ", according to " + source.describe() + ":");
        out.addAll(appliedLines);
        if (!spec.declared()) {
            out.add("  the platform had no access/ folder then: access was not managed by Strata");
            return out;
        }
        List<Holder> holders = new EffectivePrivileges(spec).holders(privilege, object);
        if (holders.isEmpty()) {
            out.add("  no declared role");
        }
        List<Holder> sorted = new ArrayList<>(holders);
        sorted.sort(Comparator.comparing((Holder h) -> !h.role().equals(Names.PUBLIC)).thenComparing(h -> !h.login())
                .thenComparing(Holder::role));
        for (Holder h : sorted) {
            String who = h.role().equals(Names.PUBLIC) ? "PUBLIC (every role)" : Names.role(h.role())
                    + (h.login() ? " (login)" : " (group)");
            String how = h.via().size() == 1 ? "directly" : "via " + String.join(" → ",
                    h.via().subList(1, h.via().size()).stream().map(Names::role).toList());
            out.add("  " + who + "  " + how + (h.needsSetRole() ? " (after SET ROLE: NOINHERIT)" : "")
                    + "  [" + rule(h.rule()) + "]");
        }
        out.add("  (also: superusers and the object's owner, which the spec does not list)");
        return out;
    }

    public static List<String> explain(AccessSpec spec, Source source, String role, List<String> appliedLines) {
        RoleSpec declared = spec.roles().get(role);
        if (declared == null) {
            throw new StrataException("role `" + role + "` is not declared in " + source.describe(),
                    spec.roles().isEmpty() ? "declare it under roles: in access/*.yaml"
                            : "declared roles: " + String.join(", ", spec.roles().keySet()));
        }
        List<String> out = new ArrayList<>();
        out.add(Names.role(role) + " (" + (declared.login() ? "login" : "group") + (declared.inherit() ? "" : ", NOINHERIT")
                + "), according to " + source.describe() + ":");
        out.addAll(appliedLines);
        if (!declared.memberOf().isEmpty()) {
            out.add("  member of: " + String.join(", ", declared.memberOf().stream().map(Names::role).toList()));
        }
        List<Held> held = new EffectivePrivileges(spec).of(role);
        if (held.isEmpty()) {
            out.add("  no privileges");
        }
        for (Held h : held) {
            String how = h.via().size() == 1 ? "directly" : "via " + String.join(" → ",
                    h.via().subList(1, h.via().size()).stream().map(Names::role).toList());
            out.add("  " + privileges(h.rule()) + " on " + target(h.rule()) + "  " + how
                    + (h.needsSetRole() ? " (after SET ROLE)" : "") + "  [" + h.rule().location().describe() + "]");
        }
        return out;
    }

    /** Lines saying what git and the journal say about the date. */
    public static List<String> applied(Timeline t, String environment) {
        SpecVersion v = t.inForce();
        List<String> out = new ArrayList<>();
        out.add("  spec: commit " + v.shortCommit() + " of " + v.committedAt() + " by " + v.author() + ": " + v.subject());
        out.add(t.firstApply().map(e -> "  applied to " + environment + " on " + e.finishedAt() + " by " + e.user()
                        + " (commit " + shortId(e.gitCommit()) + ")")
                .orElse("  not applied to " + environment + " since it was committed, according to the journal"));
        t.lastApplied().ifPresent(applied -> out.add("  ! the database then had the spec of commit "
                + applied.shortCommit() + " (applied on " + t.lastApply().orElseThrow().finishedAt() + "), not this one"));
        return out;
    }

    /** Holders by the spec the database last had applied, where they differ from the spec in force. */
    public static List<String> appliedDifference(Timeline t, String privilegeText, String objectText) {
        if (t.lastApplied().isEmpty()) {
            return List.of();
        }
        ObjectRef object = ObjectArgument.parse(objectText);
        Privilege privilege = Privilege.parse(privilegeText).orElseThrow();
        List<String> inForce = new EffectivePrivileges(t.inForce().spec()).holders(privilege, object).stream()
                .map(Holder::role).toList();
        List<String> applied = new EffectivePrivileges(t.lastApplied().get().spec()).holders(privilege, object).stream()
                .map(Holder::role).toList();
        List<String> out = new ArrayList<>();
        applied.stream().filter(r -> !inForce.contains(r))
                .forEach(r -> out.add("  + " + Names.role(r) + " held it in the database (commit "
                        + t.lastApplied().get().shortCommit() + " was the last applied)"));
        inForce.stream().filter(r -> !applied.contains(r))
                .forEach(r -> out.add("  - " + Names.role(r) + " did not hold it in the database yet"));
        return out;
    }

    private static String rule(GrantRule rule) {
        return (rule.grantee().equals(Names.PUBLIC) ? "public" : Names.role(rule.grantee())) + ": "
                + privileges(rule) + " on " + target(rule) + " at " + rule.location().describe();
    }

    private static String privileges(GrantRule rule) {
        List<String> items = new ArrayList<>();
        rule.privileges().forEach((p, option) -> items.add(p.sql() + (option ? " WITH GRANT OPTION" : "")));
        return String.join(", ", items);
    }

    private static String target(GrantRule rule) {
        return rule.pattern() ? "every " + rule.kind().label() + " in " + Names.displayPart(rule.object().schema())
                + " (now and future)" : rule.object().display();
    }

    private static String shortId(String commit) {
        return commit.length() > 12 ? commit.substring(0, 12) : commit;
    }
}
