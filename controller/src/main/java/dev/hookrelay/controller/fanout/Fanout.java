package dev.hookrelay.controller.fanout;

import dev.hookrelay.api.V1alpha1PendingTarget;
import dev.hookrelay.api.V1alpha1PendingTargets;
import dev.hookrelay.api.V1alpha1TargetRef;
import dev.hookrelay.controller.kube.Conditions;
import dev.hookrelay.controller.kube.KubeEvents;
import dev.hookrelay.controller.kube.Problem;
import dev.hookrelay.controller.kube.Threads;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.ApiException;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Pokes the objects a spec.resources list names, for a Receiver here or a Relay following a
 * hub: each object as {@link Pokes} says for its kind, in parallel on a bounded pool shared by
 * all of them (hookrelay.fanout.parallelism). Targets whose poke failed are returned as left;
 * a retry for the same events and the same spec pokes only those, so that a target that was
 * poked (a Kubeapps resync, an Argo CD refresh) is not poked again because another failed.
 * Where an entry has a filter, only the objects that at least one of the new events matches are poked.
 */
@Singleton
public class Fanout {
    static final String POKED = "TargetsPoked";
    /** As many as the status may list (its schema's maxItems); past that a retry pokes everything again. */
    private static final int MAX_LEFT = 100;

    private final TargetResolver resolver;
    private final Pokes pokes;
    private final ExecutorService pokers;
    private final KubeEvents events;
    private final TargetFilters filters;

    Fanout(TargetResolver resolver, Pokes pokes, FanoutSettings settings, KubeEvents events, TargetFilters filters) {
        this.resolver = resolver;
        this.pokes = pokes;
        this.events = events;
        this.filters = filters;
        this.pokers = Executors.newFixedThreadPool(settings.getParallelism(), Threads.named("fanout-poke", true));
    }

    /**
     * Pokes the objects the owner's spec.resources names for the new events up to {@code eventCount},
     * only those {@code left} holds if it is what an earlier attempt left for the same events and
     * the same spec, and says in Events on the owner how that went.
     */
    public FanoutResult poke(KubernetesObject owner, List<V1alpha1TargetRef> refs, Poke poke, NewEvents newEvents,
                             long eventCount, @Nullable V1alpha1PendingTargets left) {
        long generation = Conditions.generation(owner);
        boolean retry = left != null && left.getEventCount() == eventCount && left.getObservedGeneration() == generation;
        Attempt attempt = new Attempt(owner.getMetadata().getNamespace(), filters.forEvents(owner, newEvents));
        if (retry) {
            attempt.resolveLeft(refs, left.getTargets());
        } else {
            refs.forEach(attempt::resolve);
        }
        FanoutResult result = attempt.poke(poke, retry, new V1alpha1PendingTargets().eventCount(eventCount)
                .observedGeneration(generation));
        if (!result.ok()) {
            events.warning(owner, result.reason(), result.message());
        }
        if (result.complete() && result.poked() > 0) {
            events.normal(owner, POKED, "Poked " + objects(result.poked()) + " for " + poke.event());
        }
        return result;
    }

    /** What a spec.resources list would come to, without listing or poking anything. */
    public FanoutResult check(String namespace, List<V1alpha1TargetRef> refs) {
        List<Problem> problems = new ArrayList<>();
        for (V1alpha1TargetRef ref : refs) {
            try {
                filters.check(ref);
                resolver.check(namespace, ref);
            } catch (Problem problem) {
                problems.add(problem);
            } catch (ApiException e) {
                problems.add(TargetProblems.ofLookup(ref, e));
            }
        }
        return FanoutResult.checked(refs.size() - problems.size(), problems);
    }

    private static String objects(int count) {
        return count == 1 ? "1 object" : count + " objects";
    }

    @PreDestroy
    void stop() {
        pokers.shutdownNow();
    }

    /** One fan-out: the objects found to poke, the problems met, and what failed, to be retried. */
    private final class Attempt {
        private final String namespace;
        private final TargetFilters.Selection selection;
        private final List<TargetObject> objects = new ArrayList<>();
        private final List<Problem> problems = new ArrayList<>();
        private final List<V1alpha1PendingTarget> failed = new ArrayList<>();

        Attempt(String namespace, TargetFilters.Selection selection) {
            this.namespace = namespace;
            this.selection = selection;
        }

        void resolve(V1alpha1TargetRef ref) {
            try {
                filters.check(ref);
                objects.addAll(selection.wanted(ref, resolver.resolve(namespace, ref)));
            } catch (Problem problem) {
                fail(problem, ref);
            } catch (ApiException e) {
                fail(TargetProblems.ofLookup(ref, e), ref);
            }
        }

        /**
         * The targets left: objects by name, and wildcard entries listed again. Refusals of the
         * others are reported again, so that the condition keeps saying what is refused.
         */
        void resolveLeft(List<V1alpha1TargetRef> refs, List<V1alpha1PendingTarget> left) {
            for (V1alpha1TargetRef ref : refs) {
                if (left.contains(pending(ref))) {
                    if (V1alpha1TargetRef.ANY_NAME.equals(ref.getName())) {
                        resolve(ref);
                    }
                } else {
                    keepRefusal(ref);
                }
            }
            left.stream().filter(target -> !V1alpha1TargetRef.ANY_NAME.equals(target.getName()))
                    .map(target -> new V1alpha1TargetRef().apiVersion(target.getApiVersion()).kind(target.getKind())
                            .namespace(target.getNamespace()).name(target.getName()))
                    .forEach(this::resolve);
        }

        FanoutResult poke(Poke poke, boolean retried, V1alpha1PendingTargets left) {
            List<CompletableFuture<Problem>> pokes = objects.stream()
                    .map(object -> CompletableFuture.supplyAsync(() -> pokeOne(object, poke), pokers))
                    .toList();
            int done = 0;
            for (int i = 0; i < pokes.size(); i++) {
                Problem problem = pokes.get(i).join();
                if (problem == null) {
                    done++;
                } else {
                    problems.add(problem);
                    TargetObject object = objects.get(i);
                    failed.add(new V1alpha1PendingTarget().apiVersion(object.kind().apiVersion()).kind(object.kind().kind())
                            .namespace(object.namespace()).name(object.name()));
                }
            }
            List<V1alpha1PendingTarget> distinct = failed.stream().distinct().toList();
            return FanoutResult.poked(retried, done, problems, distinct.size() > MAX_LEFT ? null : left.targets(distinct));
        }

        private void keepRefusal(V1alpha1TargetRef ref) {
            try {
                resolver.check(namespace, ref);
            } catch (Problem problem) {
                if (!problem.retry()) {
                    problems.add(problem);
                }
            } catch (ApiException e) {
                // poked before; what may have gone wrong with it since shows at the next event
            }
        }

        private void fail(Problem problem, V1alpha1TargetRef ref) {
            problems.add(problem);
            if (problem.retry()) {
                failed.add(pending(ref));
            }
        }

        private V1alpha1PendingTarget pending(V1alpha1TargetRef ref) {
            return new V1alpha1PendingTarget().apiVersion(ref.getApiVersion()).kind(ref.getKind())
                    .namespace(TargetResolver.namespaceOf(namespace, ref)).name(ref.getName());
        }

        private Problem pokeOne(TargetObject object, Poke poke) {
            try {
                pokes.poke(object, poke);
                return null;
            } catch (ApiException e) {
                return TargetProblems.ofPoke(object, e);
            }
        }
    }
}
