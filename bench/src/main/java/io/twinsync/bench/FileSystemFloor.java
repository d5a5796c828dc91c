package io.twinsync.bench;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The file system's own cost of a batch's twin files: creates {@code files} files of {@code bytes} bytes each in
 * 256 sub-folders, as transform lays them out, from two threads, with no JSON, no rows and no database. Run side by
 * side with extract and transform, it shows how much of their time the file system alone takes on the same disk.
 */
final class FileSystemFloor {

    private static final int THREADS = 2;

    private FileSystemFloor() {}

    static void run(Path folder, int files, int bytes) throws Exception {
        for (int d = 0; d < 256; d++) {
            Files.createDirectories(folder.resolve(String.format(Locale.ROOT, "%02x", d)));
        }
        byte[] content = new byte[bytes];
        Arrays.fill(content, (byte) 'x');
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int first = t;
            Thread thread = new Thread(() -> {
                for (int i = first; i < files; i += THREADS) {
                    Path file = folder.resolve(String.format(Locale.ROOT, "%02x", i & 0xff))
                            .resolve("machine-m" + i + "-0123456789abcdef.json");
                    try (OutputStream out = new FileOutputStream(file.toFile())) {
                        out.write(content);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "floor_files: %d%nfloor_seconds: %.1f%nfloor_files_per_second: %.1f%n",
                files,
                seconds,
                files / seconds);
    }
}
