package io.twinsync.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.twinsync.extract.SourceEntity;
import io.twinsync.extract.jdbc.JdbcRowExtractor;
import io.twinsync.extract.jdbc.JdbcSourceSettings;
import io.twinsync.extract.jdbc.JdbcSources;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchId;
import io.twinsync.staging.LocalStagingStore;
import io.twinsync.staging.manifest.ExtractSummary;
import io.twinsync.staging.manifest.TransformSummary;
import io.twinsync.staging.rows.RowsHandOff;
import io.twinsync.transform.TwinTransformer;
import io.twinsync.transform.mapping.EntityMapping;
import io.twinsync.transform.mapping.Mapping;
import io.twinsync.transform.mapping.MappingLoader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Extract plus transform throughput on generated rows (see {@code scripts/bench-extract-transform.sh}).
 *
 * <pre>
 * generate {db path} {machines}                     creates the H2 database {db path}.mv.db
 * run {db path} {mapping.yaml} {staging folder} {fetch size} [overlapped|sequential]
 *                                    extracts it into a new batch and transforms it: by default as the orchestrator
 *                                    does, the transform reading the rows as extract writes them (RowsHandOff);
 *                                    sequential: transform once extract is done, from the staged files
 * generate-postgres {jdbc url} {machines}   the same tables in PostgreSQL; run then takes the URL as {db path}
 * floor {folder} {files} {bytes}     creates that many files of that size in 256 sub-folders, two threads, and
 *                                    nothing else: what the file system alone costs for the twin files
 * </pre>
 *
 * The run prints one {@code key: value} line per figure on standard output.
 */
public final class ExtractTransformBenchmark {

    private ExtractTransformBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("generate")) {
            long start = System.nanoTime();
            GeneratedErp.generate(args[1], Long.parseLong(args[2]));
            System.out.printf(Locale.ROOT, "generate_seconds: %.1f%n", seconds(start));
        } else if (args.length == 3 && args[0].equals("generate-postgres")) {
            long start = System.nanoTime();
            GeneratedErp.generatePostgres(args[1], Long.parseLong(args[2]));
            System.out.printf(Locale.ROOT, "generate_seconds: %.1f%n", seconds(start));
        } else if (args.length == 4 && args[0].equals("floor")) {
            FileSystemFloor.run(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        } else if ((args.length == 5 || args.length == 6) && args[0].equals("run")) {
            boolean overlapped = args.length == 5 || args[5].equals("overlapped");
            if (args.length == 6 && !overlapped && !args[5].equals("sequential")) {
                System.err.println("mode is overlapped or sequential, not " + args[5]);
                System.exit(2);
            }
            run(args[1], Path.of(args[2]), Path.of(args[3]), Integer.parseInt(args[4]), overlapped);
        } else {
            System.err.println(
                    "usage: generate {db path} {machines} | floor {folder} {files} {bytes} | run {db path} {mapping} {staging} {fetch size}"
                            + " [overlapped|sequential]");
            System.exit(2);
        }
    }

    private static void run(String db, Path mappingFile, Path staging, int fetchSize, boolean overlapped) {
        HeapWatch heap = HeapWatch.start();
        Mapping mapping = MappingLoader.load(mappingFile);
        Batch batch = new LocalStagingStore(staging).createBatch(BatchId.newId(Instant.now()));
        List<SourceEntity> entities = mapping.entities().stream()
                .map(ExtractTransformBenchmark::sourceOf)
                .toList();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        // {db path} is an H2 file, or a JDBC URL of a database made by generate-postgres
        JdbcSourceSettings settings = db.startsWith("jdbc:")
                ? new JdbcSourceSettings(db, null, null, 2, fetchSize)
                : new JdbcSourceSettings(GeneratedErp.url(db), "sa", "", 2, fetchSize);
        TwinTransformer transformer = new TwinTransformer(mapping);
        double[] transformThreadCpu = new double[2]; // total, user

        long start = System.nanoTime();
        long[] extractEnd = new long[1];
        ExtractSummary extracted;
        TransformSummary transformed;
        long transformStart;
        try (HikariDataSource source = JdbcSources.open(settings)) {
            JdbcRowExtractor extractor = new JdbcRowExtractor(source, fetchSize);
            if (overlapped) {
                transformStart = start;
                RowsHandOff.Overlap<ExtractSummary, TransformSummary> done = RowsHandOff.overlap(
                        batch,
                        tapped -> {
                            ExtractSummary summary = extractor.extract(tapped, entities);
                            extractEnd[0] = System.nanoTime();
                            return summary;
                        },
                        handOff -> measured(
                                threads, transformThreadCpu, () -> transformer.transform(batch, null, handOff)),
                        "bench-transform");
                extracted = done.written();
                transformed = done.readResult().orElseThrow(done::readFailure);
            } else {
                extracted = extractor.extract(batch, entities);
                extractEnd[0] = System.nanoTime();
                transformStart = System.nanoTime();
                transformed = measured(threads, transformThreadCpu, () -> transformer.transform(batch));
            }
        }
        long end = System.nanoTime();
        double extractSeconds = (extractEnd[0] - start) / 1e9;
        double transformSeconds = (end - transformStart) / 1e9;
        double combinedSeconds = (end - start) / 1e9;
        double transformCpu = transformThreadCpu[0];
        double transformUser = transformThreadCpu[1];

        long rows = extracted.rowsByEntity().values().stream()
                .mapToLong(Long::longValue)
                .sum();
        print("batch", batch.location());
        print("mode", overlapped ? "overlapped" : "sequential");
        print("rows_extracted", rows);
        print("extract_seconds", extractSeconds);
        print("extract_rows_per_second", rows / extractSeconds);
        print("rows_transformed", transformed.rowsRead());
        print("twin_files", transformed.twinFiles());
        print("relationships", transformed.relationships());
        print("rows_rejected", transformed.rowsRejected());
        print("transform_seconds", transformSeconds);
        print("transform_rows_per_second", transformed.rowsRead() / transformSeconds);
        // Kernel time of the transforming thread: file creates, writes and renames (twin files, rows read).
        print("transform_thread_user_cpu_seconds", transformUser);
        print("transform_thread_kernel_cpu_seconds", transformCpu - transformUser);
        print("transform_thread_off_cpu_seconds", transformSeconds - transformCpu);
        // Overlapped, transform starts with extract and ends last: combined is the wall time of both.
        print("combined_seconds", combinedSeconds);
        print("combined_rows_per_second", rows / combinedSeconds);
        print("heap_max_mb", mb(HeapWatch.maxHeap()));
        print("heap_peak_used_before_gc_mb", mb(heap.maxUsedBeforeGc()));
        print("heap_peak_live_after_gc_mb", mb(heap.maxUsedAfterGc()));
        print("heap_sum_of_pool_peaks_mb", mb(HeapWatch.sumOfPoolPeaks()));
        print("gc_collections", heap.collections());
    }

    /** Runs the transform, recording its thread's CPU time (total and user, in seconds) into {@code cpu}. */
    private static TransformSummary measured(ThreadMXBean threads, double[] cpu, Supplier<TransformSummary> transform) {
        long total = threads.getCurrentThreadCpuTime();
        long user = threads.getCurrentThreadUserTime();
        TransformSummary summary = transform.get();
        cpu[0] = (threads.getCurrentThreadCpuTime() - total) / 1e9;
        cpu[1] = (threads.getCurrentThreadUserTime() - user) / 1e9;
        return summary;
    }

    private static SourceEntity sourceOf(EntityMapping entity) {
        String[] key = entity.source().keyColumns().toArray(String[]::new);
        return entity.source().table() != null
                ? SourceEntity.ofTable(entity.name(), entity.source().table(), key)
                : SourceEntity.ofQuery(entity.name(), entity.source().query(), key);
    }

    private static void print(String key, String value) {
        System.out.println(key + ": " + value);
    }

    private static void print(String key, long value) {
        System.out.println(key + ": " + value);
    }

    private static void print(String key, double value) {
        System.out.printf(Locale.ROOT, "%s: %.1f%n", key, value);
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
