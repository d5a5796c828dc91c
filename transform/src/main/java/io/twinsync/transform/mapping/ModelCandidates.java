package io.twinsync.transform.mapping;

import io.twinsync.dtdl.DtdlReader;
import io.twinsync.dtdl.ModelSet;
import io.twinsync.dtdl.files.ModelFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The files, not listed under a mapping's {@code models}, that define interfaces the listed ones need: found by
 * walking folders near the mapping, so that a problem can say which file to add. A file counts only when the DTDL
 * reader finds the interface in it (a text match alone could be a file that merely refers to it). The walk stops after
 * {@value #MAX_FILES} {@code .json} files so that a mapping beside a large tree still loads quickly, and passes over
 * hidden folders and {@code node_modules} (twinsync's own {@code .twinsync} home holds batches full of {@code .json}
 * files, among them copies of the models in {@code models.json}).
 */
final class ModelCandidates {

    static final int MAX_FILES = 5_000;

    private static final ModelCandidates NONE = new ModelCandidates(Map.of(), List.of(), 0, false);

    private final Map<String, List<Path>> found;
    private final List<Path> roots;
    private final int searched;
    private final boolean cut;

    private ModelCandidates(Map<String, List<Path>> found, List<Path> roots, int searched, boolean cut) {
        this.found = found;
        this.roots = roots;
        this.searched = searched;
        this.cut = cut;
    }

    /** No search (a mapping on the classpath, or nothing missing): every advice says to add the defining file. */
    static ModelCandidates none() {
        return NONE;
    }

    /**
     * Searches {@code roots} and their sub-folders for {@code .json} files, other than {@code listed}, that define any
     * of {@code ids}.
     */
    static ModelCandidates search(Collection<String> ids, List<Path> roots, Collection<Path> listed) {
        if (ids.isEmpty()) {
            return NONE;
        }
        List<Path> walkRoots = outermost(roots);
        Set<Path> skip = new HashSet<>();
        listed.forEach(p -> skip.add(p.toAbsolutePath().normalize()));
        Map<String, List<Path>> found = new LinkedHashMap<>();
        int searched = 0;
        boolean cut = false;
        for (Path root : walkRoots) {
            for (Path file : jsonFiles(root, MAX_FILES + 1 - searched)) {
                if (searched == MAX_FILES) {
                    cut = true;
                    break;
                }
                searched++;
                if (!skip.contains(file)) {
                    definedIn(file, ids).forEach(id -> found.computeIfAbsent(id, k -> new ArrayList<>())
                            .add(file));
                }
            }
        }
        found.replaceAll((id, files) -> files.stream().sorted().toList());
        return new ModelCandidates(found, walkRoots, searched, cut);
    }

    /** The files that define the interface, in path order; empty when none was found. */
    List<Path> files(String id) {
        return found.getOrDefault(id, List.of());
    }

    /**
     * What would provide the interface, in words for a problem: the files found (named relative to {@code base}), or
     * where the search looked.
     */
    String advice(String id, Path base) {
        List<Path> files = files(id);
        if (files.size() == 1) {
            return ModelFiles.relative(base, files.get(0)) + " defines it: add that file (or its folder) to models";
        }
        if (!files.isEmpty()) {
            return files.stream().map(f -> ModelFiles.relative(base, f)).toList()
                    + " define it: add one of them to models";
        }
        if (roots.isEmpty()) {
            return "add the file that defines it to models";
        }
        String where = String.join(", ", roots.stream().map(Path::toString).toList());
        return cut
                ? String.format(
                        Locale.ROOT,
                        "none of the first %,d .json files under %s defines it (the search stops there): add the file"
                                + " that defines it to models",
                        searched,
                        where)
                : "no .json file under " + where + " defines it: add the file that defines it to models";
    }

    /** The ids the file defines (as an interface or a named schema), read as DTDL; empty when it cannot be read. */
    private static Set<String> definedIn(Path file, Collection<String> ids) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            return Set.of(); // not UTF-8 or unreadable: it is no model file anyone could list
        }
        List<String> mentioned = ids.stream().filter(text::contains).toList();
        if (mentioned.isEmpty()) {
            return Set.of();
        }
        ModelSet models;
        try {
            models = DtdlReader.forService()
                    .read(ModelFiles.read(file.getParent(), List.of(file)))
                    .models();
        } catch (IOException e) {
            return Set.of();
        }
        Set<String> defined = new LinkedHashSet<>();
        for (String id : mentioned) {
            if (models.documentOf(id).isPresent() || models.schema(id).isPresent()) {
                defined.add(id);
            }
        }
        return defined;
    }

    /**
     * Up to {@code most} {@code .json} files under the root, skipping hidden folders (such as {@code .git}, or
     * {@code .twinsync}, whose batches hold copies of models and many twin files) and {@code node_modules}.
     */
    private static List<Path> jsonFiles(Path root, int most) {
        List<Path> files = new ArrayList<>();
        if (most <= 0 || !Files.isDirectory(root)) {
            return files;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) {
                    String name = folder.getFileName() == null
                            ? ""
                            : folder.getFileName().toString();
                    boolean skipped = !folder.equals(root) && (name.startsWith(".") || name.equals("node_modules"));
                    return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile()
                            && file.getFileName()
                                    .toString()
                                    .toLowerCase(Locale.ROOT)
                                    .endsWith(".json")) {
                        files.add(file.toAbsolutePath().normalize());
                    }
                    return files.size() < most ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // a file or folder that cannot be read holds no candidate
                }
            });
        } catch (IOException e) {
            return files; // what was found before the walk failed
        }
        return files;
    }

    /** The folders, each once, without those inside another of them (the walk covers them). */
    private static List<Path> outermost(List<Path> roots) {
        List<Path> absolute = roots.stream()
                .map(p -> p.toAbsolutePath().normalize())
                .distinct()
                .sorted()
                .toList();
        List<Path> outer = new ArrayList<>();
        for (Path root : absolute) {
            if (outer.stream().noneMatch(root::startsWith)) {
                outer.add(root);
            }
        }
        return outer;
    }
}
