package io.twinsync.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The public DTDL ontologies kept under {@code ontologies/} (see its README), as folders on disk so that tests can
 * hand them to code that reads files, as a user would. A folder inside a jar is copied to a temporary folder once.
 */
public enum PublicOntology {
    /** RealEstateCore 3.3 in DTDL v3: 767 interfaces, every file with a byte-order mark. */
    REC_V3("rec33-dtdl-v3", 767),
    /** RealEstateCore 3.3 in DTDL v2, keys partly written as IRIs. */
    REC_V2("rec33-dtdl-v2", 767),
    /** The CIM-based energy grid ontology (DTDL v2); 20 relationship targets name interfaces it does not hold. */
    ENERGY_GRID("energy-grid", 113),
    /** The smart cities ontology (DTDL v2). */
    SMART_CITIES("smart-cities", 63),
    /** The ISA-95 manufacturing ontology (DTDL v2). */
    ISA95("isa95", 180);

    private final String folder;
    private final int interfaces;
    private Path extracted;

    PublicOntology(String folder, int interfaces) {
        this.folder = folder;
        this.interfaces = interfaces;
    }

    /** How many interfaces (files) the ontology has. */
    public int interfaces() {
        return interfaces;
    }

    /** The ontology's folder on disk. */
    public synchronized Path folder() {
        if (extracted != null) {
            return extracted;
        }
        URL url = PublicOntology.class.getResource("/ontologies/" + folder + "/LICENSE");
        if (url == null) {
            throw new IllegalStateException("ontologies/" + folder + " is not on the classpath");
        }
        try {
            if (url.getProtocol().equals("file")) {
                extracted = Path.of(url.toURI()).getParent();
            } else {
                extracted = copyOutOfJar(url);
            }
            return extracted;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ontology's model files, in path order. */
    public List<Path> files() {
        try (Stream<Path> walk = Files.walk(folder())) {
            return walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of the ontology's folder at {@code target}, as a user keeps it next to a mapping of their own. */
    public void copyTo(Path target) {
        try {
            copyTree(folder(), target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path copyOutOfJar(URL url) throws IOException, URISyntaxException {
        Path target = Files.createTempDirectory("twinsync-ontology-" + folder);
        String uri = url.toURI().toString();
        try (FileSystem jar =
                FileSystems.newFileSystem(java.net.URI.create(uri.substring(0, uri.indexOf("!/"))), Map.of())) {
            copyTree(jar.getPath("/ontologies/" + folder), target);
        }
        return target;
    }

    /** Copies a folder and everything under it; {@code from} may be in another file system, such as a jar. */
    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path copy = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
