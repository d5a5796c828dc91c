package io.twinsync.transform.mapping;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.twinsync.dtdl.DtdlReader;
import io.twinsync.dtdl.ModelSet;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Loads a mapping file (YAML) and the DTDL model files it lists, and checks the one against the other. Every
 * problem found is reported at once, each once, in a {@link MappingException}; a mapping that loads is fit to
 * transform with.
 *
 * <p>The models are read by the DTDL reader ({@link DtdlReader#forService()}): every problem it finds in them is a
 * mapping problem, except an interface the listed files refer to but do not define. That one is a problem only when
 * an entity needs it (its twin model extends it or uses it as a component, directly or not); otherwise the target
 * instance may hold it, and {@link Mapping#missingModels()} lists it for whoever uploads the models.
 */
public final class MappingLoader {

    /** The value of the optional {@code format} key; a later, incompatible format will use a new value. */
    public static final String FORMAT = "twinsync.mapping/1";

    private static final Set<String> TOP_KEYS = Set.of("format", "ids", "models", "entities");

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private MappingLoader() {}

    /**
     * The keys the loader accepts in each kind of object of a mapping file (any other key is refused), by path:
     * {@code ""} (top level), {@code ids} (id normalisation defaults), {@code entities[]},
     * {@code entities[].source}, {@code entities[].twin}, {@code entities[].twin.id} (the long form of an id
     * template, as are {@code target} and {@code id} of a relationship), {@code entities[].twin.properties.*} (the
     * long form of a property), {@code entities[].twin.deleted}, {@code entities[].relationships[]} and
     * {@code entities[].relationships[].properties.*}, and for a link entity {@code entities[].relationship} with its
     * {@code source}, {@code target}, {@code id}, {@code properties.*} and {@code deleted}. The JSON Schema {@code io/twinsync/transform/mapping.schema.json} must
     * list the same keys.
     */
    public static Map<String, Set<String>> acceptedKeys() {
        Map<String, Set<String>> keys = new LinkedHashMap<>();
        keys.put("", TOP_KEYS);
        keys.put("ids", IdTemplateReader.IDS_KEYS);
        keys.put("entities[]", EntityReader.ENTITY_KEYS);
        keys.put("entities[].source", EntityReader.SOURCE_KEYS);
        keys.put("entities[].twin", EntityReader.TWIN_KEYS);
        keys.put("entities[].twin.id", IdTemplateReader.TEMPLATE_KEYS);
        keys.put("entities[].twin.properties.*", EntityReader.PROPERTY_KEYS);
        keys.put("entities[].twin.deleted", EntityReader.DELETED_KEYS);
        keys.put("entities[].relationships[]", EntityReader.RELATIONSHIP_KEYS);
        keys.put("entities[].relationships[].target", IdTemplateReader.TEMPLATE_KEYS);
        keys.put("entities[].relationships[].id", IdTemplateReader.TEMPLATE_KEYS);
        keys.put("entities[].relationships[].properties.*", EntityReader.RELATIONSHIP_PROPERTY_KEYS);
        keys.put("entities[].relationship", LinkReader.LINK_KEYS);
        keys.put("entities[].relationship.source", IdTemplateReader.TEMPLATE_KEYS);
        keys.put("entities[].relationship.target", IdTemplateReader.TEMPLATE_KEYS);
        keys.put("entities[].relationship.id", IdTemplateReader.TEMPLATE_KEYS);
        keys.put("entities[].relationship.properties.*", EntityReader.RELATIONSHIP_PROPERTY_KEYS);
        keys.put("entities[].relationship.deleted", LinkReader.LINK_DELETED_KEYS);
        return Collections.unmodifiableMap(keys);
    }

    /**
     * Loads a mapping file; its {@code models} entries (files, folders and globs such as {@code ontology/**}{@code
     * /*.json}) are relative to its folder.
     */
    public static Mapping load(Path mappingFile) {
        Objects.requireNonNull(mappingFile, "mappingFile");
        if (!Files.isRegularFile(mappingFile)) {
            throw new MappingException(
                    mappingFile.toString(), List.of("there is no such file; give the path of a mapping YAML file"));
        }
        return read(new MappingResources.OnDisk(mappingFile));
    }

    /**
     * Loads a mapping from the classpath, such as {@code io/twinsync/sample/twins/mapping.yaml}; its {@code models}
     * entries are files relative to its folder on the classpath (a classpath cannot be listed, so a folder or glob
     * there is a problem).
     */
    public static Mapping loadFromClasspath(String resource) {
        Objects.requireNonNull(resource, "resource");
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = MappingLoader.class.getClassLoader();
        }
        return read(
                new MappingResources.Classpath(resource.startsWith("/") ? resource.substring(1) : resource, loader));
    }

    static Mapping read(MappingResources resources) {
        JsonNode root = parseYaml(resources);
        MappingProblems problems = new MappingProblems();
        YamlFields top = YamlFields.root(root, "", "a mapping of keys (format, models, entities)", problems);
        top.allowOnly(TOP_KEYS);
        String format = top.text("format", false);
        if (format != null && !FORMAT.equals(format)) {
            problems.add("format: '" + format + "' is not a format this version reads; use " + FORMAT);
        }
        MappingResources.ListedModels listed = resources.readModels(top.texts("models", true), problems);
        DtdlReader.Result read = DtdlReader.forService().read(listed.sources());
        // each DTDL problem once, as the reader reports it; what is merely missing is judged below
        read.problems().stream().filter(p -> !p.isMissingReference()).forEach(p -> problems.add(p.toString()));
        ModelSet models = read.models();
        Map<String, String> twinModels = twinModels(root);
        Set<String> wanted = new TreeSet<>(MissingModels.ids(models));
        twinModels.values().stream().filter(m -> !models.contains(m)).forEach(wanted::add);
        ModelCandidates candidates = resources
                .folder()
                .map(folder -> ModelCandidates.search(wanted, searchRoots(folder, listed.files()), listed.files()))
                .orElse(ModelCandidates.none());
        Path base = resources.folder().orElse(Path.of(""));
        List<YamlFields> items = top.objects("entities", true);
        if (items.isEmpty() && root.path("entities").isArray()) {
            problems.add("entities: list at least one entity");
        }
        IdNormalization idDefaults = IdTemplateReader.readDefaults(top.object("ids", false), problems);
        EntityReader reader = new EntityReader(models, candidates, base, idDefaults, problems);
        LinkReader linkReader = new LinkReader(reader, definedTwinModels(root, models), problems);
        List<EntityMapping> entities = new ArrayList<>();
        List<LinkMapping> links = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlFields item : items) {
            boolean link = item.isPresent("relationship");
            EntityMapping entity = link ? null : reader.read(item);
            LinkMapping linkEntity = link ? linkReader.read(item) : null;
            String name = entity != null ? entity.name() : linkEntity != null ? linkEntity.name() : null;
            if (name == null) {
                continue;
            }
            if (!names.add(name.toLowerCase(Locale.ROOT))) {
                problems.add("entity '" + name + "': the name is used by another entity (names are"
                        + " compared ignoring case, as they name files); give each entity its own name");
            } else if (entity != null) {
                entities.add(entity);
            } else {
                links.add(linkEntity);
            }
        }
        for (LinkMapping link : links) {
            entities.stream()
                    .filter(e -> e.name().equals(link.sourceEntity()))
                    .findFirst()
                    .ifPresent(source -> linkReader.checkAgainst(link, source));
        }
        twinModels.values().removeIf(m -> !models.contains(m));
        Map<String, MissingModel> missing = MissingModels.split(models, twinModels, candidates, base, problems);
        problems.throwIfAny(resources.description());
        return new Mapping(resources.description(), entities, links, models, missing);
    }

    /**
     * Each twin entity's {@code twin.model} by entity name, for a link entity's {@code sourceEntity}; null for a model
     * the listed files do not define (the twin entity reports that).
     */
    private static Map<String, String> definedTwinModels(JsonNode root, ModelSet models) {
        Map<String, String> twinModels = new LinkedHashMap<>();
        for (JsonNode entity : root.path("entities")) {
            JsonNode model = entity.path("twin").path("model");
            if (entity.path("name").isTextual() && !entity.has("relationship")) {
                twinModels.putIfAbsent(
                        entity.path("name").asText(),
                        model.isTextual() && models.contains(model.asText()) ? model.asText() : null);
            }
        }
        return twinModels;
    }

    /** Each entity's {@code twin.model} as written, by the entity's name in messages ({@code entity 'pump'}). */
    private static Map<String, String> twinModels(JsonNode root) {
        Map<String, String> models = new LinkedHashMap<>();
        JsonNode entities = root.path("entities");
        for (int i = 0; i < entities.size(); i++) {
            JsonNode entity = entities.path(i);
            JsonNode model = entity.path("twin").path("model");
            if (model.isTextual()) {
                String name = "entity '" + entity.path("name").asText() + "'";
                models.put(
                        entity.path("name").isTextual() && !models.containsKey(name) ? name : "entities[" + i + "]",
                        model.asText());
            }
        }
        return models;
    }

    /** Where to look for the files of missing interfaces: the mapping's folder and those of the listed files. */
    private static List<Path> searchRoots(Path mappingFolder, List<Path> listedFiles) {
        List<Path> roots = new ArrayList<>();
        roots.add(mappingFolder);
        listedFiles.forEach(f -> roots.add(f.toAbsolutePath().getParent()));
        return roots;
    }

    private static JsonNode parseYaml(MappingResources resources) {
        try (InputStream in = resources.openMapping()) {
            JsonNode root = YAML.readTree(in);
            if (root == null || root.isMissingNode() || root.isNull()) {
                throw new MappingException(
                        resources.description(), List.of("the file is empty; it needs models and entities"));
            }
            return root;
        } catch (FileNotFoundException | NoSuchFileException e) {
            throw new MappingException(resources.description(), List.of("there is no such file"));
        } catch (JacksonException e) {
            throw new MappingException(
                    resources.description(), List.of("it is not valid YAML: " + e.getOriginalMessage() + location(e)));
        } catch (IOException e) {
            throw new MappingException(resources.description(), List.of("it cannot be read: " + e.getMessage()));
        }
    }

    private static String location(JacksonException e) {
        return e.getLocation() == null
                ? ""
                : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
    }
}
