package io.twinsync.transform.mapping;

import io.twinsync.dtdl.DtdlSource;
import io.twinsync.dtdl.files.ModelFiles;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Where a mapping file and the model files it lists are read from: the file system or the classpath. */
sealed interface MappingResources {

    /** The mapping file, for messages: a path or {@code classpath:...}. */
    String description();

    InputStream openMapping() throws IOException;

    /**
     * Reads the model files the {@code models} entries name, relative to the mapping file, each once; an entry that
     * names no file, or a file that cannot be read, is a problem.
     */
    ListedModels readModels(List<String> entries, MappingProblems problems);

    /** The folder of a mapping file on disk, against which model paths resolve; empty on the classpath. */
    Optional<Path> folder();

    /**
     * The model files a mapping lists, read.
     *
     * @param sources each file's text, named for messages by its path relative to the mapping's folder
     * @param files the files on disk, in path order (empty for a mapping on the classpath)
     */
    record ListedModels(List<DtdlSource> sources, List<Path> files) {

        public ListedModels {
            sources = List.copyOf(sources);
            files = List.copyOf(files);
        }
    }

    /**
     * A mapping file on disk; its {@code models} entries are files, folders (every {@code .json} file under them) or
     * globs ({@code ontology/**}{@code /*.json}), relative to its folder.
     */
    record OnDisk(Path mappingFile) implements MappingResources {

        @Override
        public String description() {
            return mappingFile.toString();
        }

        @Override
        public InputStream openMapping() throws IOException {
            return Files.newInputStream(mappingFile);
        }

        @Override
        public Optional<Path> folder() {
            return Optional.of(mappingFile.toAbsolutePath().getParent());
        }

        @Override
        public ListedModels readModels(List<String> entries, MappingProblems problems) {
            Path base = folder().orElseThrow();
            ModelFiles.Found found = ModelFiles.find(base, entries, "models");
            found.problems().forEach(problems::add);
            List<DtdlSource> sources = new ArrayList<>();
            for (Path file : found.files()) {
                try {
                    sources.addAll(ModelFiles.read(base, List.of(file)));
                } catch (IOException e) {
                    problems.add("models: " + ModelFiles.relative(base, file) + " cannot be read: " + e.getMessage());
                }
            }
            return new ListedModels(sources, found.files());
        }
    }

    /**
     * A mapping resource on the classpath; its {@code models} entries are files relative to its package folder. A
     * classpath cannot be listed, so folders and globs are refused.
     */
    record Classpath(String resource, ClassLoader loader) implements MappingResources {

        @Override
        public String description() {
            return "classpath:" + resource;
        }

        @Override
        public InputStream openMapping() throws IOException {
            return openResource(resource);
        }

        @Override
        public Optional<Path> folder() {
            return Optional.empty();
        }

        @Override
        public ListedModels readModels(List<String> entries, MappingProblems problems) {
            List<DtdlSource> sources = new ArrayList<>();
            Set<String> read = new LinkedHashSet<>();
            for (int i = 0; i < entries.size(); i++) {
                String entry = entries.get(i);
                String at = "models[" + i + "] " + entry;
                String name = resolve(entry);
                if (ModelFiles.isGlob(entry) || entry.endsWith("/") || isFolder(name)) {
                    problems.add(at + ": the mapping is read from the classpath (" + description() + "), where a"
                            + " folder or pattern cannot be listed; list each model file, or use a mapping file on"
                            + " disk");
                    continue;
                }
                if (!read.add(name)) {
                    continue;
                }
                try (InputStream in = openResource(name)) {
                    sources.add(DtdlSource.ofText(entry, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                } catch (FileNotFoundException e) {
                    problems.add(at + ": there is no such file (looked for classpath:" + name
                            + "); model paths are relative to the mapping file");
                } catch (IOException e) {
                    problems.add(at + ": it cannot be read: " + e.getMessage());
                }
            }
            return new ListedModels(sources, List.of());
        }

        /** True when the resource is a folder, in a classes folder or in a jar. */
        private boolean isFolder(String name) {
            URL url = loader.getResource(name);
            if (url == null) {
                return false;
            }
            try {
                if ("file".equals(url.getProtocol())) {
                    return Files.isDirectory(Path.of(url.toURI()));
                }
                return url.openConnection() instanceof JarURLConnection jar
                        && jar.getJarEntry() != null
                        && jar.getJarEntry().isDirectory();
            } catch (IOException | URISyntaxException | RuntimeException e) {
                return false; // then it is read as a file, and a folder fails there with its own message
            }
        }

        private InputStream openResource(String name) throws IOException {
            InputStream in = loader.getResourceAsStream(name);
            if (in == null) {
                throw new FileNotFoundException("no such resource on the classpath");
            }
            return in;
        }

        /** Joins and normalises ({@code .}, {@code ..}) a path against the mapping's folder, with {@code /}. */
        private String resolve(String relative) {
            int slash = resource.lastIndexOf('/');
            String joined = (slash < 0 ? "" : resource.substring(0, slash + 1)) + relative;
            Deque<String> segments = new ArrayDeque<>();
            for (String segment : joined.split("/")) {
                if (segment.isEmpty() || segment.equals(".")) {
                    continue;
                }
                if (segment.equals("..")) {
                    segments.pollLast();
                } else {
                    segments.addLast(segment);
                }
            }
            return String.join("/", segments);
        }
    }
}
