package io.twinsync.transform.mapping;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/** Where a mapping file and the model files it lists are read from: the file system or the classpath. */
sealed interface MappingResources {

    /** The mapping file, for messages: a path or {@code classpath:...}. */
    String description();

    InputStream openMapping() throws IOException;

    /** Where a path relative to the mapping file points, for messages. */
    String describe(String relative);

    /** Opens a file named relative to the mapping file. */
    InputStream open(String relative) throws IOException;

    /** A mapping file on disk; relative model paths resolve against its folder. */
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
        public String describe(String relative) {
            return resolve(relative).toString();
        }

        @Override
        public InputStream open(String relative) throws IOException {
            return Files.newInputStream(resolve(relative));
        }

        private Path resolve(String relative) {
            Path parent = mappingFile.toAbsolutePath().getParent();
            return parent.resolve(relative).normalize();
        }
    }

    /** A mapping resource on the classpath; relative model paths resolve against its package folder. */
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
        public String describe(String relative) {
            return "classpath:" + resolve(relative);
        }

        @Override
        public InputStream open(String relative) throws IOException {
            return openResource(resolve(relative));
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
