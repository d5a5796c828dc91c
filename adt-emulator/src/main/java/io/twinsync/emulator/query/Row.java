package io.twinsync.emulator.query;

import java.util.List;
import java.util.Map;

/**
 * One candidate result: the entities bound to the query's collection names.
 *
 * @param key the row's position in the result order (twin id; source id and relationship id; FROM twin id and
 *     relationship id for a JOIN), which continuation tokens resume after
 */
record Row(List<String> key, Map<String, Entity> bindings) {

    Row {
        key = List.copyOf(key);
        bindings = Map.copyOf(bindings);
    }

    Entity entity(String binding) {
        return bindings.get(binding);
    }
}
