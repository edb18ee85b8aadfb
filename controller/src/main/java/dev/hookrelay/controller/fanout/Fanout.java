package dev.hookrelay.controller.fanout;

import dev.hookrelay.api.V1alpha1TargetRef;
import dev.hookrelay.controller.kube.KubeEvents;
import dev.hookrelay.controller.kube.Threads;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.ApiException;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Pokes the objects a spec.resources list names, for a Receiver here or a Relay following a
 * hub: each object through the Target of its kind, in parallel on a bounded pool shared by
 * all of them (hookrelay.fanout.parallelism).
 */
@Singleton
public class Fanout {
    static final String POKED = "TargetsPoked";

    private final TargetResolver resolver;
    private final Targets targets;
    private final ExecutorService pokers;
    private final KubeEvents events;
    private final TargetFilters filters;

    Fanout(TargetResolver resolver, Targets targets, FanoutSettings settings, KubeEvents events, TargetFilters filters) {
        this.resolver = resolver;
        this.targets = targets;
        this.events = events;
        this.filters = filters;
        this.pokers = Executors.newFixedThreadPool(settings.getParallelism(), Threads.named("fanout-poke", true));
    }

    /**
     * Pokes every object the owner's spec.resources names (where an entry has a filter, those
     * that at least one of the new events matches), and says in Events on the owner how that went.
     */
    public FanoutResult poke(KubernetesObject owner, List<V1alpha1TargetRef> refs, Poke poke, NewEvents newEvents) {
        FanoutResult result = poke(owner, refs, poke, filters.forEvents(owner, newEvents));
        if (!result.ok()) {
            events.warning(owner, result.reason(), result.message());
        }
        if (result.complete() && result.poked() > 0) {
            events.normal(owner, POKED, "Poked " + objects(result.poked()) + " for " + poke.event());
        }
        return result;
    }

    private FanoutResult poke(KubernetesObject owner, List<V1alpha1TargetRef> refs, Poke poke, TargetFilters.Selection selection) {
        String namespace = owner.getMetadata().getNamespace();
        List<TargetProblem> problems = new ArrayList<>();
        List<TargetObject> objects = new ArrayList<>();
        for (V1alpha1TargetRef ref : refs) {
            try {
                filters.check(ref);
                objects.addAll(selection.wanted(ref, resolver.resolve(namespace, ref)));
            } catch (TargetProblem problem) {
                problems.add(problem);
            } catch (ApiException e) {
                problems.add(TargetProblem.ofLookup(ref, e));
            }
        }
        List<CompletableFuture<TargetProblem>> pokes = objects.stream()
                .map(object -> CompletableFuture.supplyAsync(() -> pokeOne(object, poke), pokers))
                .toList();
        int failed = 0;
        for (CompletableFuture<TargetProblem> result : pokes) {
            TargetProblem problem = result.join();
            if (problem != null) {
                problems.add(problem);
                failed++;
            }
        }
        return FanoutResult.poked(objects.size() - failed, problems);
    }

    /** What a spec.resources list would come to, without listing or poking anything. */
    public FanoutResult check(String namespace, List<V1alpha1TargetRef> refs) {
        List<TargetProblem> problems = new ArrayList<>();
        for (V1alpha1TargetRef ref : refs) {
            try {
                filters.check(ref);
                resolver.check(namespace, ref);
            } catch (TargetProblem problem) {
                problems.add(problem);
            } catch (ApiException e) {
                problems.add(TargetProblem.ofLookup(ref, e));
            }
        }
        return FanoutResult.checked(refs.size() - problems.size(), problems);
    }

    private static String objects(int count) {
        return count == 1 ? "1 object" : count + " objects";
    }

    private TargetProblem pokeOne(TargetObject object, Poke poke) {
        try {
            targets.forKind(object.kind()).poke(object, poke);
            return null;
        } catch (ApiException e) {
            return TargetProblem.ofPoke(object, e);
        }
    }

    @PreDestroy
    void stop() {
        pokers.shutdownNow();
    }
}
