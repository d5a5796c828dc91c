package io.twinsync.dtdl;

import java.util.ArrayList;
import java.util.List;

/** Small model documents for tests, written as text the way users write them. */
final class Models {

    private Models() {}

    static DtdlSource source(String name, String json) {
        return DtdlSource.ofText(name, json.replace('\'', '"'));
    }

    static DtdlReader.Result read(String... namesAndJson) {
        return DtdlReader.forService().read(sources(namesAndJson));
    }

    static List<DtdlSource> sources(String... namesAndJson) {
        List<DtdlSource> sources = new ArrayList<>();
        for (int i = 0; i < namesAndJson.length; i += 2) {
            sources.add(source(namesAndJson[i], namesAndJson[i + 1]));
        }
        return sources;
    }

    /** An interface with the given id, extends (DTMI or empty) and contents (a JSON array body, in single quotes). */
    static String model(String id, String extendsId, String contents) {
        return "{'@context':'dtmi:dtdl:context;3','@id':'" + id + "','@type':'Interface'"
                + (extendsId.isEmpty() ? "" : ",'extends':'" + extendsId + "'")
                + ",'contents':[" + contents + "]}";
    }
}
