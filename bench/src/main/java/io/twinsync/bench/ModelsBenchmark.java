package io.twinsync.bench;

import com.azure.digitaltwins.core.DigitalTwinsClient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.dtdl.DtdlReader;
import io.twinsync.dtdl.DtdlSource;
import io.twinsync.dtdl.ModelSet;
import io.twinsync.dtdl.files.ModelFiles;
import io.twinsync.emulator.AdtEmulator;
import io.twinsync.emulator.EmulatorStats;
import io.twinsync.emulator.limits.RateLimits;
import io.twinsync.writer.AdtClients;
import io.twinsync.writer.AdtTarget;
import io.twinsync.writer.WriterSettings;
import io.twinsync.writer.apply.ModelUploader;
import io.twinsync.writer.models.TargetModel;
import io.twinsync.writer.models.TargetModels;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * DTDL models at the sizes users bring them (see {@code scripts/bench-models.sh}). Prints one {@code key: value} line
 * per figure.
 *
 * <p>{@code reader} times the DTDL reader in one JVM, each figure the median of {@code rounds} runs after one warm-up:
 * reading an ontology folder as the mapping loader and the {@code models} commands do (find the files, read them,
 * read the DTDL); reading {@value #GENERATED} generated interfaces (each extends one base and targets the next);
 * deleting {@value #STEPS} of them one at a time as the emulator does (who still needs it, then the set without it);
 * uploading {@value #STEPS} single interfaces one at a time against that set, as the emulator reads each upload
 * against what it holds; and reading an {@code extends} chain {@value #GENERATED} long (refused past 10 levels, but
 * read). It uses only what the reader offered before these figures were first taken, so the script can run it against
 * an earlier build of the {@code dtdl} module.
 *
 * <p>{@code upload} uploads an ontology folder to an emulator in this JVM with ADT's rate limits, as {@code twinsync
 * models upload} does (list the target's models with their definitions, then upload what is missing), then once more
 * when the target already holds them all; it prints the time and the requests of each.
 *
 * <pre>
 * reader {ontology folder} {rounds}
 * upload {ontology folder}
 * </pre>
 */
public final class ModelsBenchmark {

    static final int GENERATED = 10_000;
    static final int STEPS = 200;

    private ModelsBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("reader")) {
            reader(Path.of(args[1]), Integer.parseInt(args[2]));
        } else if (args.length == 2 && args[0].equals("upload")) {
            upload(Path.of(args[1]));
        } else {
            System.err.println("usage: reader {ontology folder} {rounds}\n       upload {ontology folder}");
            System.exit(2);
        }
    }

    private static void reader(Path ontology, int rounds) {
        List<DtdlSource> generated = generated();
        List<DtdlSource> chain = chain();
        ModelSet set = DtdlReader.forService().read(generated).models();
        print("ontology_interfaces", readFolder(ontology).size());
        print("generated_interfaces", set.size());
        median("ontology_read_ms", rounds, () -> millis(() -> readFolder(ontology)));
        median(
                "generated_read_ms",
                rounds,
                () -> millis(() -> DtdlReader.forService().read(generated).models()));
        median("delete_one_of_generated_ms", rounds, () -> millis(() -> deleteEach(set)) / STEPS);
        median("upload_one_against_generated_ms", rounds, () -> millis(() -> uploadEach(set)) / STEPS);
        try {
            DtdlReader.Result read = DtdlReader.forService().read(chain);
            print("chain_problems", read.problems().size());
            median(
                    "chain_read_ms",
                    rounds,
                    () -> millis(() -> DtdlReader.forService().read(chain).models()));
        } catch (StackOverflowError e) {
            System.out.println("chain_read_ms: stack overflow");
        }
    }

    /** An ontology folder as the mapping loader and the models commands read it. */
    private static ModelSet readFolder(Path folder) {
        ModelFiles.Found found = ModelFiles.find(folder, List.of("."), "models");
        try {
            return DtdlReader.forService()
                    .read(ModelFiles.read(folder, found.files()))
                    .models();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + folder, e);
        }
    }

    private static ModelSet deleteEach(ModelSet start) {
        ModelSet set = start;
        for (int i = 0; i < STEPS; i++) {
            String id = "dtmi:bench:M" + i + ";1";
            if (!set.dependents(id).isEmpty()) {
                throw new IllegalStateException(id + " should have no dependents");
            }
            set = set.without(id);
        }
        return set;
    }

    private static ModelSet uploadEach(ModelSet start) {
        ModelSet set = start;
        for (int i = 0; i < STEPS; i++) {
            set = DtdlReader.forService()
                    .read(
                            List.of(DtdlSource.ofText(
                                    "n" + i,
                                    "{\"@context\":\"dtmi:dtdl:context;3\",\"@id\":\"dtmi:bench:N" + i
                                            + ";1\",\"@type\":\"Interface\",\"extends\":\"dtmi:bench:Base;1\"}")),
                            set)
                    .models();
        }
        return set;
    }

    private static List<DtdlSource> generated() {
        List<DtdlSource> sources = new ArrayList<>();
        sources.add(DtdlSource.ofText(
                "base",
                "{\"@context\":\"dtmi:dtdl:context;3\",\"@id\":\"dtmi:bench:Base;1\",\"@type\":\"Interface\","
                        + "\"contents\":[{\"@type\":\"Property\",\"name\":\"p\",\"schema\":\"string\"}]}"));
        for (int i = 0; i < GENERATED; i++) {
            sources.add(DtdlSource.ofText(
                    "m" + i,
                    "{\"@context\":\"dtmi:dtdl:context;3\",\"@id\":\"dtmi:bench:M" + i + ";1\",\"@type\":\"Interface\","
                            + "\"extends\":\"dtmi:bench:Base;1\",\"contents\":["
                            + "{\"@type\":\"Property\",\"name\":\"q\",\"schema\":\"double\"},"
                            + "{\"@type\":\"Relationship\",\"name\":\"r\",\"target\":\"dtmi:bench:M"
                            + ((i + 1) % GENERATED) + ";1\"}]}"));
        }
        return sources;
    }

    private static List<DtdlSource> chain() {
        List<DtdlSource> sources = new ArrayList<>();
        for (int i = 0; i < GENERATED; i++) {
            sources.add(DtdlSource.ofText(
                    "c" + i,
                    "{\"@context\":\"dtmi:dtdl:context;3\",\"@id\":\"dtmi:bench:C" + i + ";1\",\"@type\":\"Interface\""
                            + (i == 0 ? "" : ",\"extends\":\"dtmi:bench:C" + (i - 1) + ";1\"") + "}"));
        }
        return sources;
    }

    private static void upload(Path ontology) {
        List<ObjectNode> documents = readFolder(ontology).documents();
        try (AdtEmulator emulator =
                AdtEmulator.builder().port(0).rateLimits(RateLimits.defaults()).start()) {
            WriterSettings settings = WriterSettings.defaults();
            DigitalTwinsClient client =
                    AdtClients.create(AdtTarget.emulator(emulator.endpoint(), emulator.certificate()), settings);
            for (String run : List.of("first", "second")) {
                EmulatorStats before = emulator.stats();
                long start = System.nanoTime();
                TargetModels target = new TargetModels(client, emulator.endpoint(), settings);
                List<TargetModel> listed = target.list();
                ModelUploader.Uploaded uploaded = target.upload(documents, ontology.toString(), listed);
                double ms = (System.nanoTime() - start) / 1e6;
                EmulatorStats during = emulator.stats().since(before);
                print(run + "_upload_ms", ms);
                print(run + "_upload_uploaded", uploaded.uploaded());
                print(run + "_upload_already_there", uploaded.alreadyThere());
                print(run + "_upload_requests", during.total());
                print(run + "_upload_requests_429", during.throttled());
            }
        }
    }

    private static double millis(Supplier<?> work) {
        long start = System.nanoTime();
        Object result = work.get();
        double ms = (System.nanoTime() - start) / 1e6;
        if (result == null) {
            throw new IllegalStateException("no result");
        }
        return ms;
    }

    /**
     * One warm-up, then the median of {@code rounds} runs, with each run listed. Each run starts after a collection,
     * so that the garbage of one figure's work is not collected during the next.
     */
    private static void median(String key, int rounds, Supplier<Double> run) {
        System.gc();
        run.get();
        double[] runs = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            System.gc();
            runs[i] = run.get();
        }
        double[] sorted = runs.clone();
        Arrays.sort(sorted);
        double median = rounds % 2 == 1 ? sorted[rounds / 2] : (sorted[rounds / 2 - 1] + sorted[rounds / 2]) / 2;
        StringBuilder each = new StringBuilder();
        for (double ms : runs) {
            each.append(each.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%.1f", ms));
        }
        System.out.printf(Locale.ROOT, "%s: %.1f (runs: %s)%n", key, median, each);
    }

    private static void print(String key, long value) {
        System.out.println(key + ": " + value);
    }

    private static void print(String key, double value) {
        System.out.printf(Locale.ROOT, "%s: %.1f%n", key, value);
    }
}
