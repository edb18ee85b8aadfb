package dev.hookrelay.controller.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookrelay.api.V1alpha1Receiver;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Knative makes the Service's name the first label of its host name: it must be a DNS label. */
class FunctionServiceNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"podinfo", "team.podinfo.github", "a-name-of-exactly-sixty-three-characters-which-is-the-label-max"})
    void everyReceiverNameGivesADnsLabel(String receiverName) {
        String name = FunctionService.name(receiver(receiverName));

        assertTrue(name.matches("[a-z]([-a-z0-9]{0,61}[a-z0-9])?"), name);
    }

    @Test
    void dottedAndDashedNamesDoNotShareAService() {
        assertNotEquals(FunctionService.name(receiver("a.b")), FunctionService.name(receiver("a-b")));
        assertEquals("hookrelay-a-b", FunctionService.name(receiver("a-b")));
    }

    private static V1alpha1Receiver receiver(String name) {
        return new V1alpha1Receiver().metadata(new V1ObjectMeta().name(name));
    }
}
