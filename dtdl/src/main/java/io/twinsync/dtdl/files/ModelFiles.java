package io.twinsync.dtdl.files;

import io.twinsync.dtdl.DtdlSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The model files a list of entries names, as a user writes them in a mapping's {@code models} or on the command line:
 * a file ({@code models/Site.json}), a folder (every {@code .json} file under it, at any depth) or a glob
 * ({@code ontology/**}{@code /*.json}, {@code models/*.json}). Relative entries are resolved against a base folder;
 * files are listed in path order, each once.
 */
public final class ModelFiles {

    private ModelFiles() {}

    /**
     * What a list of entries found.
     *
     * @param files the model files, in path order, each once
     * @param problems entries that name nothing (a missing file, an empty folder, a glob that matches no file)
     */
    public record Found(List<Path> files, List<String> problems) {

        public Found {
            files = List.copyOf(files);
            problems = List.copyOf(problems);
        }
    }

    /** Resolves entries against {@code base}; the problems name the entry by its position, such as {@code models[2]}. */
    public static Found find(Path base, List<String> entries, String listName) {
        Set<Path> files = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i);
            String at = listName + "[" + i + "] " + entry;
            List<Path> matched;
            try {
                matched = isGlob(entry) ? glob(base, entry) : plain(base.resolve(entry));
            } catch (IOException | UncheckedIOException e) {
                problems.add(at + ": cannot be listed: " + e.getMessage());
                continue;
            }
            if (matched == null) {
                problems.add(at + ": there is no such file or folder (looked for "
                        + base.resolve(entry).normalize() + "); paths are relative to " + base);
            } else if (matched.isEmpty()) {
                problems.add(
                        at + ": " + (isGlob(entry) ? "the pattern matches" : "the folder holds") + " no .json file");
            } else {
                files.addAll(matched);
            }
        }
        return new Found(new ArrayList<>(files), problems);
    }

    /** Reads files as model documents, named by their path relative to {@code base}. */
    public static List<DtdlSource> read(Path base, List<Path> files) throws IOException {
        List<DtdlSource> sources = new ArrayList<>();
        for (Path file : files) {
            String name = relative(base, file);
            try {
                sources.add(DtdlSource.ofText(
                        name,
                        StandardCharsets.UTF_8
                                .newDecoder()
                                .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                                .toString()));
            } catch (CharacterCodingException e) {
                throw new IOException(name + " is not UTF-8 text; DTDL files are JSON, which is UTF-8", e);
            }
        }
        return sources;
    }

    /** The file's path relative to the base folder when it is inside it, with '/' separators. */
    public static String relative(Path base, Path file) {
        Path absoluteBase = base.toAbsolutePath().normalize();
        Path absolute = file.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(absoluteBase) ? absoluteBase.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }

    /** True when the entry is a pattern ({@code *}, {@code ?}, {@code [...]} or {@code {a,b}}) rather than a path. */
    public static boolean isGlob(String entry) {
        return entry.contains("*") || entry.contains("?") || entry.contains("[") || entry.contains("{");
    }

    private static List<Path> plain(Path path) throws IOException {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            return null;
        }
        return jsonFilesUnder(path, p -> true);
    }

    /**
     * Walks from the glob's fixed leading folders (which may be absolute or climb with {@code ..}) and matches the
     * rest of the pattern against paths relative to that folder; only {@code .json} files count.
     */
    private static List<Path> glob(Path base, String entry) throws IOException {
        String pattern = entry.replace('\\', '/');
        int slash = pattern.lastIndexOf('/', firstWildcard(pattern));
        String fixed = slash < 0 ? "" : slash == 0 ? "/" : pattern.substring(0, slash);
        String rest = pattern.substring(slash + 1);
        Path root =
                (fixed.isEmpty() ? base : base.resolve(fixed)).toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            return null;
        }
        // "**/" matches zero or more folders, as in shells with globstar and in .gitignore; Java's glob needs one
        List<PathMatcher> matchers = new ArrayList<>();
        matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + rest));
        if (rest.contains("**/")) {
            matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + rest.replace("**/", "")));
        }
        return jsonFilesUnder(root, relative -> matchers.stream().anyMatch(m -> m.matches(relative)));
    }

    /** The .json files under a folder whose path relative to it matches, leaving out hidden folders (.git, ...). */
    private static List<Path> jsonFilesUnder(Path root, java.util.function.Predicate<Path> matches) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(ModelFiles::isJsonFile)
                    .filter(p -> {
                        Path relative = root.relativize(p);
                        for (int i = 0; i < relative.getNameCount() - 1; i++) {
                            if (relative.getName(i).toString().startsWith(".")) {
                                return false;
                            }
                        }
                        return matches.test(Path.of(relative.toString().replace('\\', '/')));
                    })
                    .sorted()
                    .toList();
        }
    }

    private static int firstWildcard(String pattern) {
        int first = pattern.length();
        for (char c : new char[] {'*', '?', '[', '{'}) {
            int at = pattern.indexOf(c);
            if (at >= 0) {
                first = Math.min(first, at);
            }
        }
        return first;
    }

    private static boolean isJsonFile(Path path) {
        return Files.isRegularFile(path)
                && path.getFileName()
                        .toString()
                        .toLowerCase(java.util.Locale.ROOT)
                        .endsWith(".json");
    }
}
