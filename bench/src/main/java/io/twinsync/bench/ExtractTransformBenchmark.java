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

/**
 * Extract plus transform throughput on generated rows (see {@code scripts/bench-extract-transform.sh}).
 *
 * <pre>
 * generate {db path} {machines}                     creates the H2 database {db path}.mv.db
 * run {db path} {mapping.yaml} {staging folder} {fetch size}   extracts it into a new batch, then transforms it
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
        } else if (args.length == 5 && args[0].equals("run")) {
            run(args[1], Path.of(args[2]), Path.of(args[3]), Integer.parseInt(args[4]));
        } else {
            System.err.println("usage: generate {db path} {machines} | run {db path} {mapping} {staging} {fetch size}");
            System.exit(2);
        }
    }

    private static void run(String db, Path mappingFile, Path staging, int fetchSize) {
        HeapWatch heap = HeapWatch.start();
        Mapping mapping = MappingLoader.load(mappingFile);
        Batch batch = new LocalStagingStore(staging).createBatch(BatchId.newId(Instant.now()));
        List<SourceEntity> entities = mapping.entities().stream()
                .map(ExtractTransformBenchmark::sourceOf)
                .toList();

        long extractStart = System.nanoTime();
        ExtractSummary extracted;
        JdbcSourceSettings settings = new JdbcSourceSettings(GeneratedErp.url(db), "sa", "", 2, fetchSize);
        try (HikariDataSource source = JdbcSources.open(settings)) {
            extracted = new JdbcRowExtractor(source, fetchSize).extract(batch, entities);
        }
        double extractSeconds = seconds(extractStart);

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long transformCpuStart = threads.getCurrentThreadCpuTime();
        long transformUserStart = threads.getCurrentThreadUserTime();
        long transformStart = System.nanoTime();
        TransformSummary transformed = new TwinTransformer(mapping).transform(batch);
        double transformSeconds = seconds(transformStart);
        double transformCpu = (threads.getCurrentThreadCpuTime() - transformCpuStart) / 1e9;
        double transformUser = (threads.getCurrentThreadUserTime() - transformUserStart) / 1e9;

        long rows = extracted.rowsByEntity().values().stream()
                .mapToLong(Long::longValue)
                .sum();
        print("batch", batch.location());
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
        print("combined_seconds", extractSeconds + transformSeconds);
        print("combined_rows_per_second", rows / (extractSeconds + transformSeconds));
        print("heap_max_mb", mb(HeapWatch.maxHeap()));
        print("heap_peak_used_before_gc_mb", mb(heap.maxUsedBeforeGc()));
        print("heap_peak_live_after_gc_mb", mb(heap.maxUsedAfterGc()));
        print("heap_sum_of_pool_peaks_mb", mb(HeapWatch.sumOfPoolPeaks()));
        print("gc_collections", heap.collections());
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
