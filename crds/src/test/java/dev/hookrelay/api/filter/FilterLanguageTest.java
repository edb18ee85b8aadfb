package dev.hookrelay.api.filter;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookrelay.api.V1alpha1ReceivedEvent;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The filter language both programs share: what compiles, what matches, what fails. */
class FilterLanguageTest {
    private static final V1alpha1ReceivedEvent PUSH = new V1alpha1ReceivedEvent().id("d-1").type("push")
            .provider("github").repository("acme/podinfo").ref("refs/heads/main").revision("abc");
    private static final byte[] BODY = """
            {"ref":"refs/heads/main","commits":[{"id":"a"},{"id":"b"}],"forced":false,"size":2,
             "pull_request":null,"repository":{"full_name":"acme/podinfo","private":true}}
            """.getBytes(StandardCharsets.UTF_8);

    private static Map<String, Object> delivery() {
        return Map.of(FilterLanguage.EVENT, FilterValues.event(PUSH), FilterLanguage.BODY, FilterValues.json(BODY),
                FilterLanguage.HEADERS, Map.of("x-github-event", "push"));
    }

    @Test
    void deliveryFilterMatchesOnEventBodyAndHeaders() throws FilterException {
        assertTrue(FilterLanguage.deliveryFilter("event.ref == 'refs/heads/main'").matches(delivery()));
        assertTrue(FilterLanguage.deliveryFilter("body.repository.private && size(body.commits) == 2 && body.size == 2")
                .matches(delivery()));
        assertTrue(FilterLanguage.deliveryFilter("headers['x-github-event'] == 'push' && event.tag == ''")
                .matches(delivery()));
        assertTrue(FilterLanguage.deliveryFilter("body.pull_request == null").matches(delivery()));
    }

    @Test
    void deliveryFilterThatDoesNotHoldIsNoMatch() throws FilterException {
        assertFalse(FilterLanguage.deliveryFilter("event.ref.startsWith('refs/tags/')").matches(delivery()));
        assertFalse(FilterLanguage.deliveryFilter("event.repository.matches('^other/')").matches(delivery()));
    }

    @Test
    void expressionThatDoesNotCompileSaysWhy() {
        FilterException syntax = assertThrows(FilterException.class, () -> FilterLanguage.deliveryFilter("event.ref =="));
        FilterException unknown = assertThrows(FilterException.class, () -> FilterLanguage.deliveryFilter("evnt.ref == 'x'"));
        FilterException notBool = assertThrows(FilterException.class, () -> FilterLanguage.deliveryFilter("event.ref"));
        FilterException targetInDelivery = assertThrows(FilterException.class,
                () -> FilterLanguage.deliveryFilter("target.metadata.name == 'x'"));

        assertTrue(syntax.getMessage().contains("<input>:1:"), syntax.getMessage());
        assertTrue(unknown.getMessage().contains("evnt"), unknown.getMessage());
        assertTrue(notBool.getMessage().contains("bool"), notBool.getMessage());
        assertTrue(targetInDelivery.getMessage().contains("target"), targetInDelivery.getMessage());
    }

    @Test
    void failingEvaluationIsAnError() throws FilterException {
        EventFilter missingField = FilterLanguage.deliveryFilter("body.no_such_field == 'x'");
        EventFilter notABool = FilterLanguage.deliveryFilter("body.ref");
        EventFilter tooCostly = FilterLanguage.deliveryFilter(
                "[1,2,3,4,5,6,7,8,9,10].all(a, [1,2,3,4,5,6,7,8,9,10].all(b, [1,2,3,4,5,6,7,8,9,10].all(c, "
                        + "[1,2,3,4,5,6,7,8,9,10].all(d, a + b + c + d > 0))))");

        assertThrows(FilterException.class, () -> missingField.matches(delivery()));
        assertThrows(FilterException.class, () -> notABool.matches(delivery()));
        FilterException cost = assertThrows(FilterException.class, () -> tooCostly.matches(delivery()));
        assertTrue(cost.getMessage().contains("steps"), cost.getMessage());
    }

    @Test
    void targetFilterSeesTheEventAndTheTargetsMetadata() throws FilterException {
        EventFilter filter = FilterLanguage.targetFilter("event.repository == 'acme/' + target.metadata.name"
                + " && target.metadata.labels['team'] == 'web'");
        Map<String, Object> podinfo = Map.of(FilterLanguage.EVENT, FilterValues.event(PUSH), FilterLanguage.TARGET,
                FilterValues.target(new V1ObjectMeta().name("podinfo").namespace("flux").labels(Map.of("team", "web"))));
        Map<String, Object> other = Map.of(FilterLanguage.EVENT, FilterValues.event(PUSH), FilterLanguage.TARGET,
                FilterValues.target(new V1ObjectMeta().name("other").namespace("flux")));

        assertTrue(filter.matches(podinfo));
        assertFalse(filter.matches(other));
        assertThrows(FilterException.class, () -> FilterLanguage.targetFilter("body.ref == 'x'"));
    }

    /** The five examples of the README's filter section, each on a delivery it is meant for. */
    @Test
    void readmeExamplesDoWhatTheReadmeSays() throws FilterException {
        V1alpha1ReceivedEvent tag = new V1alpha1ReceivedEvent().type("push").ref("refs/tags/v1.4.0");
        V1alpha1ReceivedEvent image = new V1alpha1ReceivedEvent().type("PUSH_ARTIFACT").tag("1.25.4");
        V1alpha1ReceivedEvent latest = new V1alpha1ReceivedEvent().type("PUSH_ARTIFACT").tag("latest");
        V1alpha1ReceivedEvent merge = new V1alpha1ReceivedEvent().type("Merge Request Hook");
        byte[] merged = "{\"object_attributes\":{\"action\":\"merge\",\"state\":\"merged\"}}".getBytes(StandardCharsets.UTF_8);
        byte[] opened = "{\"object_attributes\":{\"action\":\"open\",\"state\":\"opened\"}}".getBytes(StandardCharsets.UTF_8);

        assertTrue(delivery("event.ref == 'refs/heads/main'", PUSH, BODY));
        assertTrue(delivery("event.ref.matches('^refs/tags/v[0-9]+[.][0-9]+[.][0-9]+$')", tag, BODY));
        assertFalse(delivery("event.ref.matches('^refs/tags/v[0-9]+[.][0-9]+[.][0-9]+$')", PUSH, BODY));
        assertTrue(FilterLanguage.targetFilter("event.repository == 'acme/' + target.metadata.name").matches(Map.of(
                FilterLanguage.EVENT, FilterValues.event(PUSH),
                FilterLanguage.TARGET, FilterValues.target(new V1ObjectMeta().name("podinfo")))));
        assertTrue(delivery("event.tag.matches('^v?[0-9]+[.][0-9]+[.][0-9]+$')", image, BODY));
        assertFalse(delivery("event.tag.matches('^v?[0-9]+[.][0-9]+[.][0-9]+$')", latest, BODY));
        String mergeRequestMerged = "event.type == 'Merge Request Hook' && body.object_attributes.action == 'merge'";
        assertTrue(delivery(mergeRequestMerged, merge, merged));
        assertFalse(delivery(mergeRequestMerged, merge, opened));
    }

    private static boolean delivery(String expression, V1alpha1ReceivedEvent event, byte[] body) throws FilterException {
        return FilterLanguage.deliveryFilter(expression).matches(Map.of(FilterLanguage.EVENT, FilterValues.event(event),
                FilterLanguage.BODY, FilterValues.json(body), FilterLanguage.HEADERS, Map.of()));
    }
}
