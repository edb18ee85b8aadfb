package dev.hookrelay.receiver.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronaut.json.tree.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonTest {
    private static final String DOCUMENT = """
            {"repository": {"full_name": "acme/api", "id": 42, "private": false},
             "changes": [{"new": {"name": "main"}}, {"new": null}],
             "tags": ["v1", "latest"],
             "empty": null}
            """;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "NULL", value = {
            "repository.full_name, acme/api",
            "repository.id,        42",
            "repository.private,   false",
            "changes.0.new.name,   main",
            "tags.1,               latest",
            "changes.1.new.name,   NULL",
            "changes.2.new.name,   NULL",
            "changes.x,            NULL",
            "tags.-1,              NULL",
            "repository,           NULL",
            "empty,                NULL",
            "absent.deeper,        NULL",
            "repository.full_name.deeper, NULL"})
    void textFollowsAPathOfFieldsAndIndexes(String path, String expected) throws Exception {
        JsonNode json = Json.object(DOCUMENT.getBytes(StandardCharsets.UTF_8));

        assertEquals(expected, Json.text(json, path.split("\\.")));
    }

    @Test
    void aPathBelowNothingIsNothing() {
        assertNull(Json.text(null, "repository", "full_name"));
        assertNull(Json.at(null, "repository"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
            "''                                | body is not valid JSON: the body is empty",
            "{\"token\": \"hunter2-payload\"   | body is not valid JSON: the body ends before the JSON value does at line 1",
            "{\"token\": hunter2-payload}      | body is not valid JSON: unexpected character at line 1, column 11",
            "{\"a\": 1} {\"token\": \"hunter2-payload\"} | body is not valid JSON: more content follows the JSON value at line 1",
            "[\"hunter2-payload\"]             | body is not a JSON object",
            "\"hunter2-payload\"               | body is not a JSON object"})
    void malformedBodiesAreNamedWithoutQuotingThem(String body, String reason) {
        MalformedPayloadException malformed = assertThrows(MalformedPayloadException.class,
                () -> Json.object(body.getBytes(StandardCharsets.UTF_8)));

        assertEquals(reason, malformed.getMessage().substring(0, Math.min(reason.length(), malformed.getMessage().length())));
        assertFalse(malformed.getMessage().contains("hunter2"), malformed.getMessage());
    }

    @Test
    void eitherPrefersTheFirstPresentValue() {
        assertEquals("nick", Json.either("nick", "Display Name"));
        assertEquals("Display Name", Json.either(null, "Display Name"));
        assertNull(Json.either(null, null));
    }
}
