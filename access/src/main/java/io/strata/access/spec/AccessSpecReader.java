package io.strata.access.spec;

import io.strata.access.model.Names;
import io.strata.core.config.ConfigException;
import io.strata.core.config.SourceLocation;
import io.strata.core.config.YamlTreeReader;
import io.strata.core.error.StrataException;
import io.strata.core.layer.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads {@code access/*.yaml} (and {@code *.yml}) into one {@link AccessSpec}: each file is
 * checked, then the files are merged and the rules that span files are checked. Any problem is a
 * {@link ConfigException} naming the file, line and key; nothing is half-read.
 */
public final class AccessSpecReader {

    public static final String DIRECTORY = "access";

    private static final String EMPTY_HINT = "declare roles under `roles:`, or delete the file";

    private final RoleNames roleNames;

    public AccessSpecReader(String dialect) {
        this.roleNames = RoleNames.forDialect(dialect);
    }

    /** The platform's spec; {@link AccessSpec#none()} when it has no {@code access/} folder. */
    public AccessSpec read(Workspace workspace) {
        Path dir = workspace.resolve(DIRECTORY);
        if (!Files.isDirectory(dir)) {
            return AccessSpec.none();
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new StrataException("cannot list " + DIRECTORY + "/: " + e.getMessage(), "check its permissions");
        }
        Map<String, byte[]> contents = new LinkedHashMap<>();
        for (Path file : files) {
            try {
                contents.put(workspace.display(file), Files.readAllBytes(file));
            } catch (IOException e) {
                throw new StrataException("cannot read " + workspace.display(file) + ": " + e.getMessage(),
                        "check the file's permissions");
            }
        }
        return parse(contents);
    }

    /**
     * Parses files given by their display name (e.g. {@code access/team.yaml}) and content, in order.
     * An empty map is {@link AccessSpec#none()}: the platform has no access folder, or it is empty.
     */
    public AccessSpec parse(Map<String, byte[]> files) {
        if (files.isEmpty()) {
            return AccessSpec.none();
        }
        List<SpecFile> parsed = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path path = Path.of(file.getKey());
            parsed.add(SpecFileParser.parse(path, YamlTreeReader.read(path, file.getValue(), EMPTY_HINT), roleNames));
        }
        return merge(parsed);
    }

    private AccessSpec merge(List<SpecFile> files) {
        Map<String, RoleSpec> roles = new LinkedHashMap<>();
        List<GrantRule> grants = new ArrayList<>();
        List<RolePattern> ignore = new ArrayList<>();
        List<RolePattern> managedRoles = new ArrayList<>();
        Set<String> schemas = new LinkedHashSet<>();
        List<String> creators = new ArrayList<>();
        Boolean prune = null;
        String reassign = null;
        Map<String, SourceLocation> settings = new HashMap<>();
        for (SpecFile file : files) {
            for (RoleSpec role : file.roles().values()) {
                RoleSpec first = roles.putIfAbsent(role.name(), role);
                if (first != null) {
                    throw new ConfigException(role.location(), "role `" + role.name() + "` is declared twice: first at "
                            + first.location().describe(), "keep one declaration and merge the other into it");
                }
            }
            for (Map.Entry<String, SourceLocation> setting : file.settings().entrySet()) {
                SourceLocation first = settings.putIfAbsent(setting.getKey(), setting.getValue());
                if (first != null) {
                    throw new ConfigException(setting.getValue(), "`" + setting.getKey()
                            + "` is declared twice: first at " + first.describe(), "declare it in one file only");
                }
            }
            grants.addAll(file.grants());
            ignore.addAll(file.ignore());
            managedRoles.addAll(file.managedRoles());
            schemas.addAll(file.extraSchemas());
            creators.addAll(file.creators());
            prune = file.pruneRoles() != null ? file.pruneRoles() : prune;
            reassign = file.reassignOwnedTo() != null ? file.reassignOwnedTo() : reassign;
        }
        AccessSpec spec = new AccessSpec(files.stream().map(SpecFile::file).toList(), roles, grants,
                settings.containsKey("public"), ignore, managedRoles, schemas, creators, prune != null && prune,
                reassign);
        new SpecRules(spec, roleNames, settings).check();
        return spec;
    }

    /** The rules that need the whole spec. */
    private record SpecRules(AccessSpec spec, RoleNames roleNames, Map<String, SourceLocation> settings) {

        void check() {
            for (RoleSpec role : spec.roles().values()) {
                spec.ignore().stream().filter(p -> p.matches(role.name())).findFirst().ifPresent(p -> {
                    throw new ConfigException(role.location(), "role `" + role.name() + "` is declared, but `ignore: "
                            + p.text() + "` says Strata must never touch it", "remove one of the two");
                });
                if (!spec.managedRoles().isEmpty() && spec.managedRoles().stream().noneMatch(p -> p.matches(role.name()))) {
                    throw new ConfigException(role.location(), "role `" + role.name()
                                    + "` is declared, but matches none of `managed_roles`",
                            "add a pattern that matches it to `managed_roles`, or rename the role");
                }
                for (String group : role.memberOf()) {
                    if (!spec.roles().containsKey(group) && !roleNames.isSystem(group) && !ignored(group)) {
                        throw new ConfigException(role.location(), "role `" + role.name() + "` is a member of `"
                                        + group + "`, which the spec does not declare",
                                "declare `" + group + "` under `roles:`, or list it under `ignore:` if it is managed"
                                        + " elsewhere");
                    }
                }
            }
            checkCycles();
            for (GrantRule g : spec.grants()) {
                if (g.grantee().equals(Names.PUBLIC) && g.privileges().containsValue(true)) {
                    throw new ConfigException(g.location(), "PUBLIC cannot hold a privilege WITH GRANT OPTION",
                            "remove ` WITH GRANT OPTION` here");
                }
            }
            if (spec.reassignOwnedTo() != null) {
                SourceLocation where = settings.get("reassign_owned_to");
                if (!spec.pruneRoles()) {
                    throw new ConfigException(where, "`reassign_owned_to` applies only with `prune_roles: true`",
                            "add `prune_roles: true`, or remove `reassign_owned_to`");
                }
                String to = spec.reassignOwnedTo();
                if (!spec.roles().containsKey(to) && !roleNames.isSystem(to) && !ignored(to)) {
                    throw new ConfigException(where, "`reassign_owned_to: " + to + "` names a role the spec does not"
                            + " declare, so pruning could drop it", "declare it, or name a system or ignored role");
                }
            }
        }

        private boolean ignored(String role) {
            return spec.ignore().stream().anyMatch(p -> p.matches(role));
        }

        private void checkCycles() {
            Map<String, Integer> state = new HashMap<>();
            for (String role : spec.roles().keySet()) {
                visit(role, state, new ArrayList<>());
            }
        }

        private void visit(String role, Map<String, Integer> state, List<String> path) {
            Integer s = state.get(role);
            if (s != null && s == 2) {
                return;
            }
            path.add(role);
            if (s != null) {
                RoleSpec at = spec.roles().get(role);
                throw new ConfigException(at.location(), "memberships form a cycle: "
                        + String.join(" → member of → ", path.subList(path.indexOf(role), path.size())),
                        "remove one of these `member_of` entries; PostgreSQL refuses circular memberships");
            }
            state.put(role, 1);
            RoleSpec spec1 = spec.roles().get(role);
            if (spec1 != null) {
                for (String group : spec1.memberOf()) {
                    visit(group, state, path);
                }
            }
            state.put(role, 2);
            path.remove(path.size() - 1);
        }
    }
}
