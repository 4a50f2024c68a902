package io.scatter.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** The elements of a list answer of the API: an array under one of a few names, or a bare array. */
final class Items {

    private Items() {
    }

    static List<JsonNode> of(JsonNode body, String... names) {
        JsonNode array = body;
        for (String name : names) {
            if (!array.isArray() && body.path(name).isArray()) {
                array = body.path(name);
            }
        }
        List<JsonNode> items = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(items::add);
        }
        return items;
    }
}
