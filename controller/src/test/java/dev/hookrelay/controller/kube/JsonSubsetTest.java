package dev.hookrelay.controller.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

class JsonSubsetTest {

    @Test
    void fieldsAddedByTheServerAreNotDrift() {
        assertTrue(JsonSubset.contains(json("{\"a\": 1, \"b\": {\"c\": \"x\", \"defaulted\": true}}"),
                json("{\"b\": {\"c\": \"x\"}}")));
    }

    @Test
    void aChangedOrMissingFieldIsDrift() {
        assertFalse(JsonSubset.contains(json("{\"b\": {\"c\": \"y\"}}"), json("{\"b\": {\"c\": \"x\"}}")));
        assertFalse(JsonSubset.contains(json("{\"b\": {}}"), json("{\"b\": {\"c\": \"x\"}}")));
    }

    @Test
    void listsCompareElementByElementAndMustKeepTheirLength() {
        assertTrue(JsonSubset.contains(json("[{\"name\": \"a\", \"default\": 1}]"), json("[{\"name\": \"a\"}]")));
        assertFalse(JsonSubset.contains(json("[{\"name\": \"a\"}, {\"name\": \"b\"}]"), json("[{\"name\": \"a\"}]")));
    }

    @Test
    void numbersCompareByValue() {
        assertTrue(JsonSubset.contains(json("{\"n\": 0.0}"), json("{\"n\": 0}")));
    }

    @Test
    void emptyFieldsOfClientJavaModelsAreRemovedBeforeComparing() {
        assertEquals(json("{\"a\": {\"b\": [1]}}"),
                EmptyFields.removed(json("{\"a\": {\"b\": [1], \"c\": [], \"d\": {}, \"e\": {\"f\": []}}, \"g\": null}")));
    }

    private static JsonElement json(String text) {
        return JsonParser.parseString(text);
    }
}
